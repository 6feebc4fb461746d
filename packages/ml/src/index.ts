// @pathwise/ml public surface: a plain list of re-exports (shared by C1 and C2; keep it flat).
export type * from "./contract";
export * from "./data/sequence";
export * from "./metrics/index";
export * from "./registry";
