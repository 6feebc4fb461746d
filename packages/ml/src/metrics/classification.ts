import type { ScoredPairs } from "./collect";

/**
 * Exact area under the ROC curve via the Mann-Whitney U statistic (Hanley & McNeil 1982):
 * AUC = (R₊ − n₊(n₊+1)/2) / (n₊·n₋), where R₊ is the sum of the ranks of the positive examples.
 * Tied scores get the average of the ranks they span, which counts a tied (positive, negative) pair
 * as one half — the same value as sklearn's `roc_auc_score`. NaN when one class is absent.
 */
export function auc({ probs, labels }: ScoredPairs): number {
  const n = probs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (probs[a] as number) - (probs[b] as number),
  );
  let positives = 0;
  let positiveRankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && probs[order[j + 1] as number] === probs[order[i] as number]) j++;
    // Ranks are 1-based: the tie block i..j shares the average rank ((i+1)+(j+1))/2.
    const averageRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Fraction of predictions on the right side of `threshold` (p ≥ threshold predicts correct). */
export function accuracy({ probs, labels }: ScoredPairs, threshold = 0.5): number {
  if (probs.length === 0) return Number.NaN;
  let hits = 0;
  for (let i = 0; i < probs.length; i++) {
    const predicted = (probs[i] as number) >= threshold ? 1 : 0;
    if (predicted === labels[i]) hits++;
  }
  return hits / probs.length;
}

/** Root mean squared error between p(correct) and the 0/1 label. */
export function rmse({ probs, labels }: ScoredPairs): number {
  if (probs.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < probs.length; i++) {
    const diff = (probs[i] as number) - (labels[i] as number);
    sum += diff * diff;
  }
  return Math.sqrt(sum / probs.length);
}

/**
 * Mean binary cross-entropy −[y ln p + (1−y) ln(1−p)], with p clipped to [eps, 1−eps] so a single
 * confident mistake cannot make the mean infinite (sklearn's `log_loss` clips the same way).
 */
export function logLoss({ probs, labels }: ScoredPairs, eps = 1e-7): number {
  if (probs.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probs[i] as number));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probs.length;
}
