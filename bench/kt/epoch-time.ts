/**
 * Estimates one training epoch of a deep model on fold 1 of a dataset, and its peak wasm heap, before a
 * long benchmark is queued: it trains on an evenly spaced sample of the epoch's batches ordered by size
 * (batch × padded length; attention cost grows with length², so a random sample would mislead) and
 * scales the time by the number of batches. The largest batch runs first, as warm-up, and sets the peak.
 *
 *   node --import tsx bench/kt/epoch-time.ts --model akt --dataset assist2015 [--batches 12]
 *                                             [--config '{"batchSize":24}']
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getModel } from "@pathwise/ml";
import { datasetsDir, loadFold } from "@pathwise/ml/data";
import "@pathwise/ml/models";
import { initEngine, tf } from "../../packages/ml/src/engine/backend";
import { seededRandom } from "../../packages/ml/src/engine/random";
import { networkOf } from "../../packages/ml/src/models/deep/define";
import { disposeTensors, toTensors } from "../../packages/ml/src/models/deep/network";
import { lengthBucketedBatches } from "../../packages/ml/src/train/batches";
import { trainSettingsSchema } from "../../packages/ml/src/train/settings";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: "akt" },
    dataset: { type: "string", default: "assist2015" },
    batches: { type: "string", default: "12" },
    config: { type: "string", default: "{}" },
  },
});

await initEngine();
const data = loadFold(join(datasetsDir(), values.dataset, "akt_split"), "akt", 1);
const config = JSON.parse(values.config) as Record<string, unknown>;
const settings = trainSettingsSchema.parse(
  Object.fromEntries(Object.entries(config).filter(([k]) => k in trainSettingsSchema.shape)),
);
const tracer = getModel(values.model).create(config, {
  numSkills: data.train.numSkills,
  numProblems: data.train.numProblems,
});
const network = networkOf(tracer);
if (!network) throw new Error(`${values.model} is not a deep model`);
network.prepare?.(data.train);

const random = seededRandom(1);
const batches = lengthBucketedBatches(data.train.sequences, settings.maxLength, settings.batchSize, random);
const cells = (b: { size: number; length: number }) => b.size * b.length;
const bySize = [...batches].sort((a, b) => cells(a) - cells(b));
const count = Math.min(Number(values.batches), bySize.length);
const spaced = Array.from(
  { length: count },
  (_, i) => bySize[Math.floor(((i + 0.5) * bySize.length) / count)] as (typeof bySize)[number],
);
const sample = [bySize[bySize.length - 1] as (typeof bySize)[number], ...spaced];
const optimizer = tf.train.adam(settings.learningRate);
const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.length;
let seconds = 0;
for (const [i, batch] of sample.entries()) {
  const input = toTensors(batch);
  const started = performance.now();
  const cost = optimizer.minimize(() => network.loss(input, { training: true, random }), true);
  await cost?.data();
  const elapsed = (performance.now() - started) / 1000;
  cost?.dispose();
  disposeTensors(input);
  // The first step includes kernel set-up; do not extrapolate from it.
  if (i > 0) seconds += elapsed;
  console.log(
    `batch ${i + 1}/${sample.length}: ${batch.size}×${batch.length} ${elapsed.toFixed(2)} s, ` +
      `wasm heap ${(heap() / 2 ** 20).toFixed(0)} MiB`,
  );
}
console.log(
  `${values.model} ${values.dataset} ${JSON.stringify(config)}: ${batches.length} batches, ` +
    `estimated epoch ${((seconds * batches.length) / count).toFixed(0)} s, ` +
    `peak wasm heap ${(heap() / 2 ** 20).toFixed(0)} MiB`,
);
