import type { EpochRecord, FitOptions, FitReport, SavedModel } from "../../contract";
import type { KTDataset, LearnerSequence, SequencePredictions } from "../../data/sequence";
import { auc } from "../../metrics/classification";
import { collectScored } from "../../metrics/collect";

/** The parts of a baseline the shared epoch loop drives. */
export interface EpochDriver<Snapshot> {
  /** One pass of fitting over the training data; returns the mean training loss of the pass. */
  epoch(train: KTDataset, epochIndex: number): number;
  predict(sequences: readonly LearnerSequence[]): SequencePredictions[];
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
}

function abortError(): Error {
  const error = new Error("Fitting was cancelled");
  error.name = "AbortError";
  return error;
}

export function countInteractions(dataset: KTDataset): number {
  let n = 0;
  for (const sequence of dataset.sequences) n += sequence.correct.length;
  return n;
}

/**
 * How fitting stops. `best-valid-auc`: keep the epoch with the best validation AUC and stop after
 * `patience` epochs without improvement (iterative fits such as EM and Elo). `converged`: a convex
 * maximum-likelihood fit (PFA's Newton steps) runs until the training loss changes by less than
 * `tolerance`, keeps the final parameters, and validation AUC is only recorded.
 */
export type StoppingRule =
  | { readonly kind: "best-valid-auc"; readonly maxEpochs: number; readonly patience: number }
  | { readonly kind: "converged"; readonly maxEpochs: number; readonly tolerance: number };

/**
 * The baselines' fitting loop: run epochs, score validation AUC after each, keep the best parameters
 * and stop after `patience` epochs without improvement — the early-stopping protocol of the AKT paper.
 * Yields to the event loop between epochs so progress and Ctrl-C get through.
 */
export async function fitWithEarlyStopping<Snapshot>(
  driver: EpochDriver<Snapshot>,
  train: KTDataset,
  valid: KTDataset,
  options: FitOptions,
  defaults: StoppingRule,
): Promise<FitReport> {
  const maxEpochs = options.maxEpochs ?? defaults.maxEpochs;
  const started = performance.now();
  const history: EpochRecord[] = [];
  const interactions = countInteractions(train);
  let best = { auc: Number.NEGATIVE_INFINITY, epoch: 0, snapshot: driver.snapshot() };
  let trainingSeconds = 0;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    if (options.signal?.aborted) throw abortError();
    const epochStart = performance.now();
    const trainLoss = driver.epoch(train, epoch);
    const epochSeconds = (performance.now() - epochStart) / 1000;
    trainingSeconds += epochSeconds;
    const validAuc = auc(collectScored(valid.sequences, driver.predict(valid.sequences)));
    history.push({ epoch, trainLoss, validAuc, seconds: epochSeconds });
    const previousLoss = history.at(-2)?.trainLoss ?? Number.POSITIVE_INFINITY;
    if (defaults.kind === "converged" || validAuc > best.auc)
      best = { auc: validAuc, epoch, snapshot: driver.snapshot() };
    options.onProgress?.({ epoch, epochs: maxEpochs, fraction: epoch / maxEpochs, trainLoss, validAuc });
    await new Promise((resolve) => setImmediate(resolve));
    if (defaults.kind === "best-valid-auc" && epoch - best.epoch >= defaults.patience) break;
    if (defaults.kind === "converged" && Math.abs(previousLoss - trainLoss) < defaults.tolerance) break;
  }
  driver.restore(best.snapshot);
  return {
    epochs: history.length,
    bestEpoch: best.epoch,
    history,
    wallSeconds: (performance.now() - started) / 1000,
    interactionsPerSecond: trainingSeconds > 0 ? (interactions * history.length) / trainingSeconds : 0,
  };
}

/** Sigmoid in double precision. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Binary cross-entropy of one prediction, clipped like the log-loss metric. */
export function crossEntropy(p: number, y: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return y === 1 ? -Math.log(q) : -Math.log(1 - q);
}

/** Checks a saved weight exists with the expected length and returns a copy of its values. */
export function savedWeight(
  weights: Readonly<Record<string, { readonly shape: readonly number[]; readonly values: Float32Array }>>,
  name: string,
  length: number,
  model: string,
): Float32Array {
  const weight = weights[name];
  if (!weight) throw new Error(`${model} model file has no weight "${name}"`);
  if (weight.values.length !== length) {
    throw new Error(`${model} weight "${name}" has ${weight.values.length} values, expected ${length}`);
  }
  return Float32Array.from(weight.values);
}

/** Per-skill parameter arrays (index 0 is the padding skill) as named weights of a saved model. */
export function perSkillWeights<Name extends string>(
  names: readonly Name[],
  params: Readonly<Record<Name, ArrayLike<number>>>,
  numSkills: number,
): SavedModel["weights"] {
  return Object.fromEntries(
    names.map((name) => [name, { shape: [numSkills + 1], values: Float32Array.from(params[name]) }]),
  );
}

/** Snapshot and restore of named per-skill parameter arrays, for early stopping's best-epoch restore. */
export function parameterCheckpoint<Name extends string>(
  names: readonly Name[],
  params: Readonly<Record<Name, Float32Array>>,
): { snapshot: () => Float32Array[]; restore: (saved: readonly Float32Array[]) => void } {
  return {
    snapshot: () => names.map((name) => Float32Array.from(params[name])),
    restore: (saved) => {
      for (const [i, name] of names.entries()) params[name].set(saved[i] as Float32Array);
    },
  };
}
