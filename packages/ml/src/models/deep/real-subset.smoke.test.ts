import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFold } from "../../data/dataset";
import { datasetsDir } from "../../data/datasetsDir";
import type { KTDataset } from "../../data/sequence";
import { windowDataset } from "../../data/window";
import { auc, collectScored } from "../../metrics";
import { getModel } from "../../registry";
import "./index";

/**
 * One epoch of every deep model on a small real subset (ASSIST2009 AKT split, fold 1, first learners),
 * CI-sized. It checks the whole path on real ids (110 skills, 16,891 problems): reading, windowing,
 * training, predicting, scoring. A single epoch on 150 learners is not a benchmark; it must only learn
 * something (test AUC above chance).
 */
const dir = join(datasetsDir(), "assist2009", "akt_split");
const small: Record<string, Record<string, unknown>> = {
  dkt: { embeddingSize: 32, hiddenSize: 32, learningRate: 0.005 },
  dnn: { learningRate: 0.005 },
  sakt: { modelSize: 32, heads: 2, learningRate: 0.005 },
  akt: { modelSize: 16, heads: 2, feedForwardSize: 32, outputHiddenSize: 32, learningRate: 0.005 },
};

function subset(data: KTDataset, learners: number): KTDataset {
  return windowDataset({ ...data, sequences: data.sequences.slice(0, learners) }, 200);
}

describe.skipIf(!existsSync(dir))("deep models, one epoch on a real ASSIST2009 subset", () => {
  const fold = existsSync(dir) ? loadFold(dir, "akt", 1) : undefined;
  it.each(Object.keys(small))(
    "%s learns something in one epoch",
    async (name) => {
      if (!fold) return;
      const [train, valid, test] = [
        subset(fold.train, 150),
        subset(fold.valid, 40),
        subset(fold.test, 60),
      ] as [KTDataset, KTDataset, KTDataset];
      const shape = { numSkills: fold.train.numSkills, numProblems: fold.train.numProblems };
      const model = getModel(name).create({ ...small[name], batchSize: 16, maxEpochs: 1 }, shape);
      const report = await model.fit(train, valid);
      expect(report.epochs).toBe(1);
      expect(report.interactionsPerSecond).toBeGreaterThan(0);
      const score = auc(collectScored(test.sequences, await model.predict(test.sequences)));
      expect(score).toBeGreaterThan(0.55);
      model.dispose();
    },
    300_000,
  );
});
