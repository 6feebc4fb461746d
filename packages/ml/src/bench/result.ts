import { z } from "zod";

/**
 * The benchmark result file (`kt bench --out`), shaped as issue 3 asks:
 * `{ model, dataset, folds: [{ fold, testAuc, testAcc, testRmse, testLogLoss, epochs, wallSeconds,
 * interactionsPerSecond }], meanAuc, stdAuc }`, plus the de-duplicated score, calibration and training curves.
 * NaN cannot travel in JSON: undefined metrics (e.g. no problem ids → no de-duplicated AUC) are null.
 */
const nullableNumber = z.number().nullable();

export const reliabilityBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int().nonnegative(),
  meanPredicted: nullableNumber,
  observed: nullableNumber,
});

export const epochRecordSchema = z.object({
  epoch: z.number().int(),
  trainLoss: nullableNumber,
  validAuc: nullableNumber,
  seconds: z.number(),
});

export const foldResultSchema = z.object({
  fold: z.number().int(),
  testAuc: nullableNumber,
  testAcc: nullableNumber,
  testRmse: nullableNumber,
  testLogLoss: nullableNumber,
  /** Scored test positions (every non-first, non-padding position). */
  testCount: z.number().int().nonnegative(),
  /** The same metrics without the multi-skill repeats (positions repeating the previous problem id). */
  testAucDedup: nullableNumber,
  testAccDedup: nullableNumber,
  testCountDedup: z.number().int().nonnegative(),
  ece: nullableNumber,
  reliability: z.array(reliabilityBinSchema),
  epochs: z.number().int(),
  bestEpoch: z.number().int(),
  /** Wall time of `fit` (training epochs plus per-epoch validation). */
  wallSeconds: z.number(),
  /** Training interactions per second of training time (validation excluded). */
  interactionsPerSecond: z.number(),
  history: z.array(epochRecordSchema),
});
export type FoldResult = z.infer<typeof foldResultSchema>;

export const benchResultSchema = z.object({
  model: z.string(),
  dataset: z.string(),
  format: z.enum(["akt", "dkvmn"]),
  config: z.record(z.string(), z.unknown()),
  window: z.number().int(),
  /** The `--epochs` cap when one was given (a capped run may stop before early stopping would). */
  maxEpochs: z.number().int().nullable().optional(),
  folds: z.array(foldResultSchema).min(1),
  meanAuc: nullableNumber,
  /** Population standard deviation over folds (numpy's default `np.std`). */
  stdAuc: nullableNumber,
  meanAcc: nullableNumber,
  stdAcc: nullableNumber,
  meanAucDedup: nullableNumber,
  stdAucDedup: nullableNumber,
  meanInteractionsPerSecond: nullableNumber,
  /** The commit the run used, and whether packages/ml had uncommitted changes (set by bench/kt/run.ts). */
  code: z.object({ commit: z.string(), dirty: z.boolean() }).optional(),
  machine: z.object({ node: z.string(), cpu: z.string(), cores: z.number().int() }),
  createdAt: z.string(),
});
export type BenchResult = z.infer<typeof benchResultSchema>;

/** NaN → null for JSON. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Mean and population standard deviation of the non-null values; nulls when there are none. */
export function meanAndStd(values: readonly (number | null)[]): { mean: number | null; std: number | null } {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return { mean: null, std: null };
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const variance = present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length;
  return { mean, std: Math.sqrt(variance) };
}
