// @pathwise/ml/bench — the knowledge-tracing benchmark harness (Node only: files and worker threads).
export * from "./benchmark";
export * from "./result";
export * from "./runFold";
