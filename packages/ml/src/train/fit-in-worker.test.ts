import { describe, expect, it } from "vitest";
import { decodeSavedModel, encodeSavedModel } from "../engine/model-file";
import "../models/deep/index";
import { getModel } from "../registry";
import { fitInWorker } from "./fit-in-worker";
import { masteryDataset } from "./synthetic";

const train = masteryDataset({ learners: 80, length: 30, skills: 3, seed: 1 });
const valid = masteryDataset({ learners: 30, length: 30, skills: 3, seed: 2 });
const config = { embeddingSize: 8, hiddenSize: 8, learningRate: 0.02, batchSize: 16 };

describe("fitInWorker", () => {
  it("trains in a worker thread while the main event loop keeps running, and returns loadable weights", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const progress: number[] = [];
    const { report, saved } = await fitInWorker(
      { model: "dkt", config, train, valid, maxEpochs: 2 },
      { onProgress: (p) => progress.push(p.fraction) },
    );
    clearInterval(timer);
    expect(report.epochs).toBe(2);
    expect(progress.at(-1)).toBe(1);
    expect(ticks).toBeGreaterThan(5);
    const model = await getModel("dkt").load(decodeSavedModel(encodeSavedModel(saved)));
    const predictions = await model.predict(valid.sequences);
    expect(predictions[0]?.[1]).toBeGreaterThan(0);
    model.dispose();
  }, 300_000);

  it("rejects with an AbortError when cancelled", async () => {
    const controller = new AbortController();
    const run = fitInWorker(
      { model: "dkt", config, train, valid, maxEpochs: 50 },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  }, 300_000);
});
