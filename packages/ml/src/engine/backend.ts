import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { registerFastBatchMatMul } from "./batch-matmul";
import { registerFastSlice } from "./slice";

/**
 * One place that decides how tensors are computed: tfjs on the WebAssembly backend, with the kernel
 * fixes this library relies on. `@tensorflow/tfjs-node` would download libtensorflow from outside the npm
 * registry, so it is not used; the wasm binaries ship inside the npm package and are loaded from disk.
 */
let ready: Promise<typeof tf> | undefined;

function wasmDistFolder(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve("@tensorflow/tfjs-backend-wasm/package.json");
  return `${path.join(path.dirname(packageJson), "dist")}${path.sep}`;
}

/** Initialises the wasm backend once per process (or worker) and returns the tfjs namespace. */
export function initEngine(): Promise<typeof tf> {
  ready ??= (async function initWasmBackend() {
    setWasmPaths(wasmDistFolder());
    const ok = await tf.setBackend("wasm");
    if (!ok) throw new Error("The tfjs wasm backend failed to initialise");
    await tf.ready();
    registerFastBatchMatMul();
    registerFastSlice();
    return tf;
  })();
  return ready;
}

export { tf };
