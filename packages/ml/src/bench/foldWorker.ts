import { parentPort, workerData } from "node:worker_threads";
import "../models/index";
import { type FoldTask, runFold } from "./runFold";

/**
 * Worker-thread entry: runs one fold and reports back. Messages out:
 * `{ type: "progress", progress }`, then `{ type: "result", result }` or `{ type: "error", message, name }`.
 * Message in: `"abort"` aborts the fit at its next batch/epoch boundary.
 */
const port = parentPort;
if (!port) throw new Error("foldWorker must run in a worker thread");
const controller = new AbortController();
port.on("message", (message) => {
  if (message === "abort") controller.abort();
});
try {
  const result = await runFold(workerData as FoldTask, {
    signal: controller.signal,
    onProgress: (progress) => port.postMessage({ type: "progress", progress }),
  });
  port.postMessage({ type: "result", result });
} catch (error) {
  const e = error as Error;
  port.postMessage({ type: "error", name: e.name, message: e.stack ?? e.message });
} finally {
  port.close();
}
