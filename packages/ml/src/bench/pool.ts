import { Worker } from "node:worker_threads";
import type { FitProgress } from "../contract";
import type { FoldResult } from "./result";
import type { FoldTask } from "./runFold";

export interface PoolHooks {
  readonly onProgress?: (fold: number, progress: FitProgress) => void;
  readonly onFoldDone?: (result: FoldResult) => void;
  readonly signal?: AbortSignal;
}

/** How long an aborted worker gets to stop by itself before it is terminated. */
const ABORT_GRACE_MS = 2000;

function abortError(): Error {
  const error = new Error("Benchmark cancelled");
  error.name = "AbortError";
  return error;
}

/** Runs one fold in its own worker thread; the bootstrap registers the tsx loader inside the worker. */
function runInWorker(task: FoldTask, hooks: PoolHooks): Promise<FoldResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./foldWorkerBootstrap.mjs", import.meta.url), {
      workerData: task,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => {
      worker.postMessage("abort");
      setTimeout(() => void worker.terminate(), ABORT_GRACE_MS).unref();
    };
    hooks.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on(
      "message",
      (message: {
        type: string;
        progress?: FitProgress;
        result?: FoldResult;
        message?: string;
        name?: string;
      }) => {
        if (message.type === "progress" && message.progress) hooks.onProgress?.(task.fold, message.progress);
        else if (message.type === "result" && message.result)
          finish(() => resolve(message.result as FoldResult));
        else if (message.type === "error") {
          const error =
            message.name === "AbortError" ? abortError() : new Error(`fold ${task.fold}: ${message.message}`);
          finish(() => reject(error));
        }
      },
    );
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => {
      finish(() =>
        reject(
          hooks.signal?.aborted
            ? abortError()
            : new Error(`fold ${task.fold}: worker exited with code ${code}`),
        ),
      );
    });
  });
}

/**
 * Runs folds in worker threads, at most `concurrency` at a time (one per core), and returns the results
 * in task order. The first failure aborts the rest.
 */
export async function runFoldsInWorkers(
  tasks: readonly FoldTask[],
  concurrency: number,
  hooks: PoolHooks = {},
): Promise<FoldResult[]> {
  if (hooks.signal?.aborted) throw abortError();
  const results: FoldResult[] = new Array(tasks.length);
  const controller = new AbortController();
  const relay = () => controller.abort();
  hooks.signal?.addEventListener("abort", relay, { once: true });
  let next = 0;
  async function lane(): Promise<void> {
    while (next < tasks.length && !controller.signal.aborted) {
      const index = next++;
      try {
        const result = await runInWorker(tasks[index] as FoldTask, { ...hooks, signal: controller.signal });
        results[index] = result;
        hooks.onFoldDone?.(result);
      } catch (error) {
        controller.abort();
        throw error;
      }
    }
  }
  try {
    const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, () => lane());
    const outcomes = await Promise.allSettled(lanes);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failure) throw failure.reason;
    if (controller.signal.aborted) throw abortError();
    return results;
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    hooks.signal?.removeEventListener("abort", relay);
  }
}
