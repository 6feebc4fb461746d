import { parentPort, workerData } from "node:worker_threads";
import "../models/index";
import { getModel } from "../registry";
import type { WorkerFitMessage, WorkerFitRequest } from "./fit-in-worker";

/**
 * Runs one `fit` inside a worker thread so training never blocks the caller's event loop. Messages out:
 * progress, then exactly one of result / error. Message in: "abort" stops at the next batch boundary.
 */
const port = parentPort;
if (!port) throw new Error("fit-worker.ts must run inside a worker thread");
const request = workerData as WorkerFitRequest;
const controller = new AbortController();
port.on("message", (message) => {
  if (message === "abort") controller.abort();
});
const send = (message: WorkerFitMessage) => port.postMessage(message);

try {
  const definition = getModel(request.model);
  const shape = {
    numSkills: Math.max(request.train.numSkills, request.valid.numSkills),
    numProblems: Math.max(request.train.numProblems, request.valid.numProblems),
  };
  const model = definition.create(request.config, shape);
  const report = await model.fit(request.train, request.valid, {
    ...(request.maxEpochs !== undefined ? { maxEpochs: request.maxEpochs } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    signal: controller.signal,
    onProgress: (progress) => send({ type: "progress", progress }),
  });
  const saved = await model.save();
  model.dispose();
  send({ type: "result", report, saved });
} catch (error) {
  const e = error as Error;
  send({ type: "error", name: e.name, message: e.message });
} finally {
  port.close();
}
