import { cpus } from "node:os";
import { basename, dirname, resolve } from "node:path";
import type { FitProgress } from "../contract";
import { findFolds, type SplitFormat } from "../data/splits";
import { runFoldsInWorkers } from "./pool";
import { type BenchResult, benchResultSchema, type FoldResult, meanAndStd } from "./result";
import { type FoldTask, runFold } from "./runFold";

export interface BenchOptions {
  readonly dataDir: string;
  readonly format: SplitFormat;
  readonly model: string;
  /** Folds to run; default every complete fold found in `dataDir`. */
  readonly folds?: readonly number[];
  readonly config?: Readonly<Record<string, unknown>>;
  readonly maxEpochs?: number;
  readonly window?: number;
  readonly seed?: number;
  readonly limitLearners?: number;
  /** Worker threads running folds in parallel; 0 runs folds one after another in this thread. */
  readonly workers?: number;
  /** Dataset label in the result; default the folder name (`assist2009` for `assist2009/akt_split`). */
  readonly datasetName?: string;
  readonly onProgress?: (fold: number, progress: FitProgress) => void;
  readonly onFoldDone?: (result: FoldResult) => void;
  readonly signal?: AbortSignal;
}

export function datasetLabel(dataDir: string): string {
  const folder = basename(resolve(dataDir));
  return folder.endsWith("_split") ? basename(dirname(resolve(dataDir))) : folder;
}

/**
 * `kt bench`: the papers' protocol over several folds, each fold in its own worker thread so two cores
 * train at once, aggregated into the result file shape of issue 3 (mean ± population std over folds).
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const available = findFolds(options.dataDir, options.format).map((f) => f.fold);
  const folds = options.folds ?? available;
  const missing = folds.filter((f) => !available.includes(f));
  if (missing.length > 0) {
    throw new Error(
      `${options.dataDir}: fold(s) ${missing.join(", ")} not found (present: ${available.join(", ")})`,
    );
  }
  const config = options.config ?? {};
  const tasks: FoldTask[] = folds.map((fold) => ({
    dataDir: resolve(options.dataDir),
    format: options.format,
    fold,
    model: options.model,
    config,
    window: options.window ?? 200,
    seed: options.seed ?? 42,
    ...(options.maxEpochs !== undefined ? { maxEpochs: options.maxEpochs } : {}),
    ...(options.limitLearners ? { limitLearners: options.limitLearners } : {}),
  }));
  const workers = options.workers ?? 2;
  let results: FoldResult[];
  if (workers > 0) {
    results = await runFoldsInWorkers(tasks, workers, options);
  } else {
    results = [];
    for (const task of tasks) {
      const result = await runFold(task, {
        ...(options.onProgress ? { onProgress: (p: FitProgress) => options.onProgress?.(task.fold, p) } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      results.push(result);
      options.onFoldDone?.(result);
    }
  }
  return summarizeFolds(options, results);
}

/** Aggregates fold results into the result file (also used for the completed folds of an interrupted run). */
export function summarizeFolds(options: BenchOptions, results: readonly FoldResult[]): BenchResult {
  const aucStats = meanAndStd(results.map((r) => r.testAuc));
  const accStats = meanAndStd(results.map((r) => r.testAcc));
  const dedupStats = meanAndStd(results.map((r) => r.testAucDedup));
  return benchResultSchema.parse({
    model: options.model,
    dataset: options.datasetName ?? datasetLabel(options.dataDir),
    format: options.format,
    config: options.config ?? {},
    window: options.window ?? 200,
    maxEpochs: options.maxEpochs ?? null,
    folds: [...results].sort((a, b) => a.fold - b.fold),
    meanAuc: aucStats.mean,
    stdAuc: aucStats.std,
    meanAcc: accStats.mean,
    stdAcc: accStats.std,
    meanAucDedup: dedupStats.mean,
    stdAucDedup: dedupStats.std,
    meanInteractionsPerSecond: meanAndStd(results.map((r) => r.interactionsPerSecond)).mean,
    machine: { node: process.version, cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length },
    createdAt: new Date().toISOString(),
  });
}
