// @pathwise/ml/data — readers, windowing, batching and filters; no tfjs import anywhere below.
export * from "./batch";
export * from "./dataset";
export * from "./datasetsDir";
export * from "./dedup";
export * from "./events";
export * from "./records";
export * from "./sequence";
export * from "./splits";
export * from "./window";
