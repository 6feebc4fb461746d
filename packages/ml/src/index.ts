// @pathwise/ml public surface: a plain list of re-exports (shared by C1 and C2; keep it flat).
export type * from "./contract";
export * from "./data/sequence";
// Deep models (C2): model files and the worker-thread trainer; neither loads tfjs into the caller.
export {
  decodeSavedModel,
  encodeSavedModel,
  MODEL_SCHEMA_VERSION,
  readModelFile,
  writeModelFile,
} from "./engine/model-file";
// Evaluation on held-out learners: learner split, per-group fairness table, model cards, prediction in a worker.
export * from "./evaluation/index";
export * from "./metrics/index";
export * from "./registry";
// Per-learner serving of trained models (plain typed arrays; no tfjs in its import graph).
export * from "./serving/index";
export { fitInWorker, type WorkerFitRequest, type WorkerFitResult } from "./train/fit-in-worker";
