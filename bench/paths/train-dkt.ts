/**
 * Trains the DKT (C2's model from @pathwise/ml) that drives the learner-model simulator (`--env kt`):
 * ASSIST2015, AKT split fold 1, early stopping on the validation learners. Writes
 * data/models/dkt-assist2015-fold1.json (config, data shape, float weights; data/ is not committed).
 *   node --import tsx bench/paths/train-dkt.ts [--max-epochs 10]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getModel } from "@pathwise/ml";
import { datasetsDir, loadFold } from "@pathwise/ml/data";
import "@pathwise/ml/models";
import { z } from "zod";

const maxEpochs = z.coerce
  .number()
  .int()
  .min(1)
  .parse(process.argv[process.argv.indexOf("--max-epochs") + 1] ?? 10);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DKT_FILE = join(root, "data", "models", "dkt-assist2015-fold1.json");

const fold = loadFold(join(datasetsDir(), "assist2015", "akt_split"), "akt", 1);
const model = getModel("dkt").create(
  { maxEpochs, patience: 2 },
  { numSkills: fold.train.numSkills, numProblems: fold.train.numProblems },
);
const report = await model.fit(fold.train, fold.valid, {
  seed: 1,
  onProgress: (p) =>
    console.error(`epoch ${p.epoch}/${p.epochs} ${(100 * p.fraction).toFixed(0)}% ${p.message ?? ""}`),
});
const saved = await model.save();
const weights = Object.fromEntries(
  Object.entries(saved.weights).map(([name, w]) => [name, { shape: w.shape, values: Array.from(w.values) }]),
);
mkdirSync(dirname(DKT_FILE), { recursive: true });
writeFileSync(
  DKT_FILE,
  JSON.stringify({ model: saved.model, config: saved.config, dataShape: saved.dataShape, report, weights }),
);
console.error(
  `best epoch ${report.bestEpoch}, valid AUC ${report.history.at(report.bestEpoch - 1)?.validAuc}; wrote ${DKT_FILE}`,
);
model.dispose();
