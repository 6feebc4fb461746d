// @pathwise/ml/bench — the knowledge-tracing benchmark harness (Node only: files and worker threads).

export { readModelFile, writeModelFile } from "../engine/model-file";
export * from "./benchmark";
export * from "./options";
export * from "./result";
export * from "./runFold";
export * from "./trainEval";
