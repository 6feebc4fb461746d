// @pathwise/ml/serving — per-learner predictors for every registered model, on typed arrays (no tfjs).
import "./bkt";
import "./elo";
import "./pfa";
import "./dnn";
import "./dkt";
import "./sakt";
import "./akt";

export type * from "./contract";
export { createPredictor, servedModels } from "./registry";
