// Worker-thread entry. Measured on Node 20.20: `new Worker(file.ts, { execArgv: ["--import", "tsx"] })`
// fails with "Unknown file extension .ts", so the worker registers the tsx loader itself, then loads
// the TypeScript worker module.
import { register } from "tsx/esm/api";

register();
await import("./fit-worker.ts");
