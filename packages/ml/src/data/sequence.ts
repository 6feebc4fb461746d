/**
 * The canonical learner sequence: one learner's interactions in time order.
 * Every reader (ASSISTments AKT/DKVMN layouts, the platform's own event log) produces this shape,
 * and every model consumes it (pyKT's "one reader per raw dataset, one canonical format").
 */
export interface LearnerSequence {
  /** Stable learner key within the dataset (student index, or the platform's learner id). */
  readonly learner: string;
  /** Skill (concept) ids, 1-based; 0 is reserved for padding. Shape [n]. */
  readonly skills: Int32Array;
  /** Problem (item) ids, 1-based, or undefined when the dataset has none (DKVMN layout). Shape [n]. */
  readonly problems?: Int32Array;
  /** 1 = correct, 0 = incorrect. Shape [n]. */
  readonly correct: Uint8Array;
  /** Optional epoch-milliseconds timestamps. Shape [n]. */
  readonly timestamps?: Float64Array;
}

/** A dataset split: sequences plus the id ranges models size their embeddings by. */
export interface KTDataset {
  readonly name: string;
  readonly sequences: readonly LearnerSequence[];
  /** Largest skill id present (ids are 1..numSkills). */
  readonly numSkills: number;
  /** Largest problem id present, 0 when the dataset has no problem ids. */
  readonly numProblems: number;
}

/**
 * Predictions for one sequence: p(correct) at each position. Position 0 is never predicted
 * (nothing precedes it) and carries NaN; metrics skip NaN positions.
 */
export type SequencePredictions = Float32Array;
