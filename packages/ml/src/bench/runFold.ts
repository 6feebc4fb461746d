import type { FitProgress } from "../contract";
import { loadFold } from "../data/dataset";
import { keepFirstOfRepeats } from "../data/dedup";
import type { KTDataset } from "../data/sequence";
import type { SplitFormat } from "../data/splits";
import { windowDataset } from "../data/window";
import { accuracy, auc } from "../metrics/classification";
import { collectScored } from "../metrics/collect";
import { evaluatePairs } from "../metrics/index";
import { getModel } from "../registry";
import { type FoldResult, finiteOrNull } from "./result";

/** Everything one fold needs; plain data so it can cross into a worker thread. */
export interface FoldTask {
  readonly dataDir: string;
  readonly format: SplitFormat;
  readonly fold: number;
  readonly model: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly maxEpochs?: number;
  /** Window length (200 in the papers' loaders); 0 keeps whole sequences. */
  readonly window: number;
  readonly seed: number;
  /** Keep only the first `limitLearners` sequences of each split (CI smoke runs); 0 = all. */
  readonly limitLearners?: number;
}

function prepare(dataset: KTDataset, task: FoldTask): KTDataset {
  const limited = task.limitLearners
    ? { ...dataset, sequences: dataset.sequences.slice(0, task.limitLearners) }
    : dataset;
  return task.window > 0 ? windowDataset(limited, task.window) : limited;
}

/**
 * One fold of the papers' protocol: fit on train{i} with early stopping on valid{i}, score test{i}
 * (DKVMN layout: the shared test file). The model comes from the registry by name only.
 */
export async function runFold(
  task: FoldTask,
  hooks: { onProgress?: (p: FitProgress) => void; signal?: AbortSignal } = {},
): Promise<FoldResult> {
  const data = loadFold(task.dataDir, task.format, task.fold);
  const [train, valid, test] = [data.train, data.valid, data.test].map((d) => prepare(d, task)) as [
    KTDataset,
    KTDataset,
    KTDataset,
  ];
  const model = getModel(task.model).create(task.config, {
    numSkills: train.numSkills,
    numProblems: train.numProblems,
  });
  try {
    const report = await model.fit(train, valid, {
      ...(task.maxEpochs !== undefined ? { maxEpochs: task.maxEpochs } : {}),
      seed: task.seed,
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    });
    const predictions = await model.predict(test.sequences);
    const all = evaluatePairs(collectScored(test.sequences, predictions));
    const dedupPairs = collectScored(test.sequences, predictions, keepFirstOfRepeats);
    const hasRepeats = dedupPairs.probs.length < all.count;
    return {
      fold: task.fold,
      testAuc: finiteOrNull(all.auc),
      testAcc: finiteOrNull(all.accuracy),
      testRmse: finiteOrNull(all.rmse),
      testLogLoss: finiteOrNull(all.logLoss),
      testCount: all.count,
      // Without problem ids there is nothing to de-duplicate: report null rather than a copy of testAuc.
      testAucDedup: test.numProblems > 0 || hasRepeats ? finiteOrNull(auc(dedupPairs)) : null,
      testAccDedup: test.numProblems > 0 || hasRepeats ? finiteOrNull(accuracy(dedupPairs)) : null,
      testCountDedup: dedupPairs.probs.length,
      ece: finiteOrNull(all.calibration.ece),
      reliability: all.calibration.bins.map((b) => ({
        ...b,
        meanPredicted: finiteOrNull(b.meanPredicted),
        observed: finiteOrNull(b.observed),
      })),
      epochs: report.epochs,
      bestEpoch: report.bestEpoch,
      wallSeconds: report.wallSeconds,
      interactionsPerSecond: report.interactionsPerSecond,
      history: report.history.map((h) => ({
        ...h,
        trainLoss: finiteOrNull(h.trainLoss),
        validAuc: finiteOrNull(h.validAuc),
      })),
    };
  } finally {
    model.dispose();
  }
}
