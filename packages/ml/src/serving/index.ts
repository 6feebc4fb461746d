// @pathwise/ml/serving — per-learner predictors for every registered model. Importing it does not load
// tfjs; the SAKT and AKT predictors load it when created (batched.ts).
import "./bkt";
import "./elo";
import "./pfa";
import "./dnn";
import "./dkt";
import "./sakt";
import "./akt";

export type * from "./contract";
export { createPredictor, servedModels } from "./registry";
