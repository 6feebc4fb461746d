// Worker-thread entry: registers tsx's ESM loader, then loads the TypeScript worker (see
// train/fit-worker-bootstrap.mjs for why a .ts file cannot be the worker entry on Node 20).
import { register } from "tsx/esm/api";

register();
await import("./predict-worker.ts");
