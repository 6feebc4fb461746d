import { describe, expect, it } from "vitest";
import { tf } from "../../engine/backend";
import { maxGradientError } from "../../engine/gradient-check";
import { decodeSavedModel, encodeSavedModel } from "../../engine/model-file";
import type { ParameterStore } from "../../engine/parameters";
import { auc, collectScored } from "../../metrics";
import { getModel } from "../../registry";
import { masteryDataset } from "../../train/synthetic";
import { lstm } from "./lstm";
import "./index";

/** Tiny configurations: every model must learn the synthetic structure in a few seconds. */
const tiny: Record<string, Record<string, unknown>> = {
  dkt: { embeddingSize: 16, hiddenSize: 16, learningRate: 0.02 },
  dnn: { hiddenSize: 16, learningRate: 0.02 },
  sakt: { modelSize: 16, heads: 2, learningRate: 0.01 },
  akt: { modelSize: 16, heads: 2, feedForwardSize: 32, outputHiddenSize: 32, learningRate: 0.005 },
};

const train = masteryDataset({
  learners: 160,
  length: 50,
  skills: 3,
  noise: 0.02,
  seed: 1,
  problemsPerSkill: 4,
});
const valid = masteryDataset({
  learners: 60,
  length: 50,
  skills: 3,
  noise: 0.02,
  seed: 2,
  problemsPerSkill: 4,
});

describe.each(Object.keys(tiny))("%s", (name) => {
  const config = { ...tiny[name], batchSize: 32, maxEpochs: 8, patience: 8, seed: 7 };

  it("reaches validation AUC > 0.9 on data with known structure, and save → load predicts identically", async () => {
    const model = getModel(name).create(config, train);
    // CPU time, not wall time: the machine running CI may be shared; this bounds our own work.
    const started = process.cpuUsage();
    const report = await model.fit(train, valid);
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(30);
    const predictions = await model.predict(valid.sequences);
    const score = auc(collectScored(valid.sequences, predictions));
    expect(score).toBeGreaterThan(0.9);
    expect(report.history[report.bestEpoch - 1]?.validAuc).toBeCloseTo(score, 6);

    const restored = await getModel(name).load(decodeSavedModel(encodeSavedModel(await model.save())));
    const again = await restored.predict(valid.sequences);
    expect(again.map((row) => Array.from(row))).toEqual(predictions.map((row) => Array.from(row)));
    model.dispose();
    restored.dispose();
  }, 300_000);

  it("keeps the tensor count constant across training steps and is reproducible for a seed", async () => {
    const small = masteryDataset({ learners: 64, length: 30, skills: 3, seed: 3, problemsPerSkill: 2 });
    const counts: number[] = [];
    const fitOnce = async () => {
      const model = getModel(name).create({ ...config, maxEpochs: 2 }, small);
      await model.fit(small, small, { onBatch: () => counts.push(tf.memory().numTensors) } as never);
      const predictions = await model.predict(small.sequences);
      model.dispose();
      return predictions;
    };
    const first = await fitOnce();
    // The first step creates Adam's moment variables; every later step must leave the count unchanged.
    expect(new Set(counts.slice(1)).size).toBe(1);
    // A second identical run (attention-mask caches now warm) must end with exactly as many tensors.
    const afterFirst = tf.memory().numTensors;
    const second = await fitOnce();
    expect(tf.memory().numTensors).toBe(afterFirst);
    expect(second.map((row) => Array.from(row))).toEqual(first.map((row) => Array.from(row)));
  }, 300_000);
});

describe("trainer", () => {
  it("stops inside the first epoch when the time budget is used up, and still validates it", async () => {
    const model = getModel("dkt").create({ ...tiny.dkt, batchSize: 8, maxTrainSeconds: 0.001 }, train);
    const messages: string[] = [];
    const report = await model.fit(train, valid, {
      onProgress: (p) => p.message && messages.push(p.message),
    });
    expect(report.epochs).toBe(1);
    expect(report.history[0]?.validAuc).toBeGreaterThan(0);
    expect(messages.at(-1)).toMatch(/time budget/);
    model.dispose();
  });

  it("stops at the next batch boundary when aborted", async () => {
    const model = getModel("dkt").create({ ...tiny.dkt, batchSize: 8 }, train);
    const controller = new AbortController();
    const fit = model.fit(train, valid, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(fit).rejects.toThrow(/abort/i);
    model.dispose();
  });
});

describe("LSTM", () => {
  const weights = () => ({
    wx: tf.randomNormal([3, 8], 0, 0.7, "float32", 12),
    wh: tf.randomNormal([2, 8], 0, 0.7, "float32", 13),
    b: tf.randomNormal([8], 0, 0.5, "float32", 14),
  });

  it("gradients agree with finite differences for inputs and every weight", () => {
    const { wx, wh, b } = weights();
    const inputs = tf.randomNormal([2, 4, 3], 0, 1, "float32", 11);
    const f = (x: tf.Tensor, a: tf.Tensor, c: tf.Tensor, d: tf.Tensor) =>
      lstmLoss(lstm, a, c, d, x as tf.Tensor3D);
    expect(maxGradientError(f, [inputs, wx, wh, b])).toBeLessThan(1e-2);
    tf.dispose([inputs, wx, wh, b]);
  });
});

/** A scalar loss through an LSTM written against explicit weight tensors, so tf.grads can see them. */
function lstmLoss(
  layer: typeof lstm,
  wx: tf.Tensor,
  wh: tf.Tensor,
  b: tf.Tensor,
  inputs: tf.Tensor3D,
): tf.Scalar {
  const params = {
    get: (name: string) => (name.endsWith("wx") ? wx : name.endsWith("wh") ? wh : b),
  } as unknown as ParameterStore;
  const states = layer(params, "l", inputs, 2);
  return states
    .mul(tf.linspace(0.5, 1.5, states.size).reshape(states.shape))
    .tanh()
    .sum() as tf.Scalar;
}
