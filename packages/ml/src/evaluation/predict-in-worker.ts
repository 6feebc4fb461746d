import { Worker } from "node:worker_threads";
import type { SavedModel } from "../contract";
import type { LearnerSequence, SequencePredictions } from "../data/sequence";

export interface PredictRequest {
  readonly saved: SavedModel;
  readonly sequences: readonly LearnerSequence[];
}

export type PredictMessage =
  | { readonly type: "result"; readonly predictions: SequencePredictions[] }
  | { readonly type: "error"; readonly message: string };

/**
 * p(correct) at every position of every sequence from a saved model, computed in a worker thread: the
 * deep models' tfjs runtime stays out of the caller (the API server), whose event loop stays free.
 * Used to score candidates and the current champion on held-out learners.
 */
export function predictInWorker(
  request: PredictRequest,
  signal?: AbortSignal,
): Promise<SequencePredictions[]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const worker = new Worker(new URL("./predict-worker-bootstrap.mjs", import.meta.url), {
      workerData: request,
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      action();
    };
    // Prediction has no batch boundary to stop at; cancelling ends the thread.
    const onAbort = () => settle(() => void worker.terminate().then(() => reject(abortError())));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: PredictMessage) =>
      settle(() =>
        message.type === "result"
          ? resolve(message.predictions)
          : reject(new Error(`Predicting with ${request.saved.model} failed: ${message.message}`)),
      ),
    );
    worker.on("error", (error) => settle(() => reject(error)));
    worker.on("exit", (code) =>
      settle(() => reject(new Error(`Prediction worker exited with code ${code}`))),
    );
  });
}

function abortError(): Error {
  const error = new Error("Prediction cancelled");
  error.name = "AbortError";
  return error;
}
