import { describe, expect, it } from "vitest";
import "../models/baselines/index";
import { getModel } from "../registry";
import { masteryDataset } from "../train/synthetic";
import { predictInWorker } from "./predict-in-worker";

describe("predictInWorker", () => {
  const train = masteryDataset({ learners: 40, length: 20, skills: 3, seed: 1 });
  const test = masteryDataset({ learners: 10, length: 20, skills: 3, seed: 2 });

  it("gives the same predictions as the model in this thread", async () => {
    const model = getModel("bkt").create({ maxEpochs: 3 }, train);
    await model.fit(train, test);
    const here = await model.predict(test.sequences);
    const there = await predictInWorker({ saved: await model.save(), sequences: test.sequences });
    expect(there.map((p) => Array.from(p))).toEqual(here.map((p) => Array.from(p)));
  }, 60_000);

  it("rejects with the model's own message when the data does not fit it", async () => {
    const model = getModel("bkt").create({}, { numSkills: 1, numProblems: 0 });
    await expect(predictInWorker({ saved: await model.save(), sequences: test.sequences })).rejects.toThrow(
      /Predicting with bkt failed: bkt: skill id \d outside 1..1/,
    );
  }, 60_000);

  it("rejects at once when already cancelled", async () => {
    const model = getModel("bkt").create({}, train);
    const controller = new AbortController();
    controller.abort();
    await expect(
      predictInWorker({ saved: await model.save(), sequences: test.sequences }, controller.signal),
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});
