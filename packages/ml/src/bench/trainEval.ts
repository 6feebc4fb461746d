import type { FitOptions, FitReport, KnowledgeTracer, SavedModel } from "../contract";
import { loadFold } from "../data/dataset";
import { keepFirstOfRepeats } from "../data/dedup";
import type { KTDataset } from "../data/sequence";
import type { SplitFormat } from "../data/splits";
import { windowDataset } from "../data/window";
import { auc } from "../metrics/classification";
import { collectScored } from "../metrics/collect";
import { evaluatePairs, type MetricReport } from "../metrics/index";
import { getModel } from "../registry";

export interface TrainOneOptions {
  readonly dataDir: string;
  readonly format: SplitFormat;
  readonly fold: number;
  readonly model: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly window: number;
  readonly fit?: FitOptions;
}

/** `kt train`: fit one model on train{fold}, early-stopping on valid{fold}; returns the saved model. */
export async function trainOne(options: TrainOneOptions): Promise<{ saved: SavedModel; report: FitReport }> {
  const data = loadFold(options.dataDir, options.format, options.fold);
  const prepare = (d: KTDataset) => (options.window > 0 ? windowDataset(d, options.window) : d);
  const train = prepare(data.train);
  const model = getModel(options.model).create(options.config, {
    numSkills: train.numSkills,
    numProblems: train.numProblems,
  });
  try {
    const report = await model.fit(train, prepare(data.valid), options.fit);
    return { saved: await model.save(), report };
  } finally {
    model.dispose();
  }
}

export interface EvaluationReport extends MetricReport {
  readonly model: string;
  readonly split: string;
  /** AUC without the multi-skill repeats; NaN when the data has no problem ids. */
  readonly aucDedup: number;
}

/** Scores a loaded model on one dataset with every metric, plus the de-duplicated AUC. */
export async function evaluateModel(model: KnowledgeTracer, dataset: KTDataset): Promise<EvaluationReport> {
  const predictions = await model.predict(dataset.sequences);
  const metrics = evaluatePairs(collectScored(dataset.sequences, predictions));
  const aucDedup =
    dataset.numProblems > 0
      ? auc(collectScored(dataset.sequences, predictions, keepFirstOfRepeats))
      : Number.NaN;
  return { ...metrics, model: model.name, split: dataset.name, aucDedup };
}

/** `kt eval`: restores a saved model through the registry and scores it on one split of one fold. */
export async function evaluateSaved(
  saved: SavedModel,
  options: {
    dataDir: string;
    format: SplitFormat;
    fold: number;
    split: "train" | "valid" | "test";
    window: number;
  },
): Promise<EvaluationReport> {
  const data = loadFold(options.dataDir, options.format, options.fold);
  const dataset = data[options.split];
  const { numSkills, numProblems } = saved.dataShape;
  if (dataset.numSkills > numSkills || dataset.numProblems > numProblems) {
    throw new Error(
      `${dataset.name} has ids up to ${dataset.numSkills} skills / ${dataset.numProblems} problems; the model was trained for ${numSkills} / ${numProblems}`,
    );
  }
  const model = await getModel(saved.model).load(saved);
  try {
    return await evaluateModel(model, options.window > 0 ? windowDataset(dataset, options.window) : dataset);
  } finally {
    model.dispose();
  }
}
