import type { KTDataset, LearnerSequence } from "../data/sequence";

/**
 * Learner-level split for evaluating on held-out learners: every interaction of a learner lands in the
 * same part, so a model is scored on people it never saw (the protocol of Piech et al. 2015 and pyKT).
 *
 * Assignment is by a seeded hash of the learner key, not by shuffling the current list: a learner keeps
 * their part as the course grows. A champion trained on an earlier snapshot with the same seed has never
 * seen the test learners of a later snapshot, so champion and challenger can be compared on them.
 */
export type SplitPart = "train" | "valid" | "test";

export interface LearnerSplitOptions {
  readonly seed: number;
  /** Fraction of learners held out for early stopping and model selection. */
  readonly validFraction: number;
  /** Fraction of learners held out for the final metrics and the fairness table. */
  readonly testFraction: number;
}

export const DEFAULT_LEARNER_SPLIT: LearnerSplitOptions = {
  seed: 2026,
  validFraction: 0.2,
  testFraction: 0.2,
};

/** FNV-1a (32-bit) of `seed:key`, mapped to [0, 1): a stable, platform-independent uniform value. */
export function learnerHash(seed: number, key: string): number {
  let hash = 0x811c9dc5;
  const text = `${seed}:${key}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // FNV's low bits mix poorly for short keys; one murmur3 finaliser round spreads them.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return (hash >>> 0) / 4294967296;
}

export function learnerPart(key: string, options: LearnerSplitOptions = DEFAULT_LEARNER_SPLIT): SplitPart {
  const { validFraction, testFraction } = options;
  if (!(validFraction > 0 && testFraction > 0 && validFraction + testFraction < 1)) {
    throw new Error(
      `learner split: valid (${validFraction}) and test (${testFraction}) fractions must be positive and sum below 1`,
    );
  }
  const u = learnerHash(options.seed, key);
  if (u < testFraction) return "test";
  if (u < testFraction + validFraction) return "valid";
  return "train";
}

export interface LearnerSplit {
  readonly train: KTDataset;
  readonly valid: KTDataset;
  readonly test: KTDataset;
}

/** Splits a dataset's sequences by learner; every part keeps the whole dataset's id ranges. */
export function splitByLearner(
  dataset: KTDataset,
  options: LearnerSplitOptions = DEFAULT_LEARNER_SPLIT,
): LearnerSplit {
  const parts: Record<SplitPart, LearnerSequence[]> = { train: [], valid: [], test: [] };
  for (const sequence of dataset.sequences) parts[learnerPart(sequence.learner, options)].push(sequence);
  const part = (name: SplitPart): KTDataset => ({
    name: `${dataset.name}-${name}`,
    sequences: parts[name],
    numSkills: dataset.numSkills,
    numProblems: dataset.numProblems,
  });
  return { train: part("train"), valid: part("valid"), test: part("test") };
}
