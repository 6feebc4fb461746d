import { Worker } from "node:worker_threads";
import type { FitProgress, FitReport, SavedModel } from "../contract";
import type { KTDataset } from "../data/sequence";

/** Everything a worker needs to fit one model; plain data (typed arrays are structured-cloned). */
export interface WorkerFitRequest {
  readonly model: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly train: KTDataset;
  readonly valid: KTDataset;
  readonly maxEpochs?: number;
  readonly seed?: number;
}

export type WorkerFitMessage =
  | { readonly type: "progress"; readonly progress: FitProgress }
  | { readonly type: "result"; readonly report: FitReport; readonly saved: SavedModel }
  | { readonly type: "error"; readonly name: string; readonly message: string };

export interface WorkerFitResult {
  readonly report: FitReport;
  readonly saved: SavedModel;
}

/** How long an aborted worker may take to stop at a batch boundary before it is terminated. */
const ABORT_GRACE_MS = 5000;

/**
 * Fits a registered model in a worker thread and resolves with its report and saved weights; the
 * caller's event loop (e.g. the API server's) stays free. Aborting `signal` asks the worker to stop at
 * the next batch boundary, then terminates it if it does not; the promise rejects with an AbortError.
 */
export function fitInWorker(
  request: WorkerFitRequest,
  hooks: { onProgress?: (progress: FitProgress) => void; signal?: AbortSignal } = {},
): Promise<WorkerFitResult> {
  return new Promise((resolve, reject) => {
    if (hooks.signal?.aborted) {
      reject(abortError());
      return;
    }
    const worker = new Worker(new URL("./fit-worker-bootstrap.mjs", import.meta.url), {
      workerData: request,
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener("abort", onAbort);
      action();
    };
    const onAbort = () => {
      worker.postMessage("abort");
      setTimeout(() => void worker.terminate(), ABORT_GRACE_MS).unref();
    };
    hooks.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerFitMessage) => {
      if (message.type === "progress") hooks.onProgress?.(message.progress);
      else if (message.type === "result")
        settle(() => resolve({ report: message.report, saved: message.saved }));
      else
        settle(() =>
          reject(
            message.name === "AbortError"
              ? abortError()
              : new Error(`Training ${request.model} failed: ${message.message}`),
          ),
        );
    });
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) =>
      settle(() =>
        reject(hooks.signal?.aborted ? abortError() : new Error(`Training worker exited with code ${code}`)),
      ),
    );
  });
}

function abortError(): Error {
  const error = new Error("Training cancelled");
  error.name = "AbortError";
  return error;
}
