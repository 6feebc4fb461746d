import type { LearnerSequence, SequencePredictions } from "../data/sequence";

/**
 * Flattened (prediction, label) pairs ready for a metric.
 * `probs[k]` is p(correct) in [0, 1] and `labels[k]` is 0 or 1; shape [m] for both.
 * NaN predictions (padding, the first interaction of a sequence, positions a filter skipped)
 * never get here: `collectScored` drops them.
 */
export interface ScoredPairs {
  readonly probs: Float64Array;
  readonly labels: Uint8Array;
}

/**
 * Pairs each non-NaN prediction with its label. `keep(seqIndex, position)` can drop further positions
 * (e.g. the multi-skill repeats for the de-duplicated score).
 */
export function collectScored(
  sequences: readonly LearnerSequence[],
  predictions: readonly SequencePredictions[],
  keep?: (sequence: LearnerSequence, position: number) => boolean,
): ScoredPairs {
  if (sequences.length !== predictions.length) {
    throw new Error(
      `collectScored: ${sequences.length} sequences but ${predictions.length} prediction arrays`,
    );
  }
  const probs: number[] = [];
  const labels: number[] = [];
  sequences.forEach((sequence, s) => {
    const predicted = predictions[s] as SequencePredictions;
    if (predicted.length !== sequence.correct.length) {
      throw new Error(
        `collectScored: sequence "${sequence.learner}" has ${sequence.correct.length} positions but ${predicted.length} predictions`,
      );
    }
    for (let t = 0; t < predicted.length; t++) {
      const p = predicted[t] as number;
      if (Number.isNaN(p)) continue;
      if (keep && !keep(sequence, t)) continue;
      probs.push(p);
      labels.push(sequence.correct[t] as number);
    }
  });
  return { probs: Float64Array.from(probs), labels: Uint8Array.from(labels) };
}

/** Pairs from plain arrays; NaN predictions are dropped here too. */
export function scoredPairs(probs: ArrayLike<number>, labels: ArrayLike<number>): ScoredPairs {
  if (probs.length !== labels.length) {
    throw new Error(`scoredPairs: ${probs.length} predictions but ${labels.length} labels`);
  }
  const p: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < probs.length; i++) {
    const value = probs[i] as number;
    if (Number.isNaN(value)) continue;
    const label = labels[i] as number;
    if (label !== 0 && label !== 1)
      throw new Error(`scoredPairs: label ${label} at index ${i} is not 0 or 1`);
    p.push(value);
    y.push(label);
  }
  return { probs: Float64Array.from(p), labels: Uint8Array.from(y) };
}
