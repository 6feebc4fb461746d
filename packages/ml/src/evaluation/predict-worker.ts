import { parentPort, workerData } from "node:worker_threads";
import "../models/index";
import { getModel } from "../registry";
import type { PredictMessage, PredictRequest } from "./predict-in-worker";

/** Restores a saved model through the registry and predicts every sequence; one message back. */
const port = parentPort;
if (!port) throw new Error("predict-worker.ts must run inside a worker thread");
const request = workerData as PredictRequest;
const send = (message: PredictMessage) => port.postMessage(message);

try {
  const model = await getModel(request.saved.model).load(request.saved);
  try {
    send({ type: "result", predictions: await model.predict(request.sequences) });
  } finally {
    model.dispose();
  }
} catch (error) {
  send({ type: "error", message: (error as Error).message });
} finally {
  port.close();
}
