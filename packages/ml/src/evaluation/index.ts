// @pathwise/ml evaluation: held-out learners, per-group metrics, model cards.
export * from "./fairness";
export * from "./model-card";
export * from "./predict-in-worker";
export * from "./split";
