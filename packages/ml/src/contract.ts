import type { KTDataset, LearnerSequence, SequencePredictions } from "./data/sequence";

/**
 * The one contract every knowledge-tracing model implements, baseline or deep.
 * config → init (constructor via the registry) → fit → predict → save/load.
 * The trainer and the benchmark never branch on a model's name; they go through the registry.
 */
export interface FitProgress {
  readonly epoch: number;
  readonly epochs: number;
  /** Fraction of the whole fit done, 0..1. */
  readonly fraction: number;
  readonly trainLoss?: number;
  readonly validAuc?: number;
  readonly message?: string;
}

export interface FitOptions {
  readonly maxEpochs?: number;
  readonly seed?: number;
  readonly onProgress?: (p: FitProgress) => void;
  /** Aborting stops fitting at the next batch boundary; fit then rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly validAuc: number;
  readonly seconds: number;
}

export interface FitReport {
  readonly epochs: number;
  readonly bestEpoch: number;
  readonly history: readonly EpochRecord[];
  readonly wallSeconds: number;
  /** Training interactions processed per second of training wall time. */
  readonly interactionsPerSecond: number;
}

/** What a saved model file holds: enough to rebuild the model without the training data. */
export interface SavedModel {
  readonly format: "pathwise-kt";
  /** Bumped when the meaning of ids or inputs changes; load refuses other versions. */
  readonly schemaVersion: number;
  readonly model: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly dataShape: { readonly numSkills: number; readonly numProblems: number };
  /** Named weight arrays (little-endian float32 base64 in files; see ml/src/io). */
  readonly weights: Readonly<
    Record<string, { readonly shape: readonly number[]; readonly values: Float32Array }>
  >;
}

export interface KnowledgeTracer {
  readonly name: string;
  readonly config: Readonly<Record<string, unknown>>;
  fit(train: KTDataset, valid: KTDataset, options?: FitOptions): Promise<FitReport>;
  /** p(correct) for every position of every sequence (position 0 is NaN). */
  predict(sequences: readonly LearnerSequence[]): Promise<SequencePredictions[]>;
  save(): Promise<SavedModel>;
  /** Frees native/tensor memory. */
  dispose(): void;
}

/** A registry entry: how to build a model by name with its defaults, and how to restore one. */
export interface ModelDefinition {
  readonly name: string;
  readonly description: string;
  readonly defaults: Readonly<Record<string, unknown>>;
  create(
    config: Readonly<Record<string, unknown>>,
    shape: { numSkills: number; numProblems: number },
  ): KnowledgeTracer;
  load(saved: SavedModel): Promise<KnowledgeTracer>;
}
