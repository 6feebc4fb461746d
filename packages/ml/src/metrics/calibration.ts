import type { ScoredPairs } from "./collect";

/** One bin of a reliability diagram: predictions with p in [lower, upper). */
export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean predicted p(correct) in the bin; NaN when empty. */
  readonly meanPredicted: number;
  /** Observed fraction correct in the bin; NaN when empty. */
  readonly observed: number;
}

export interface Calibration {
  /** Expected calibration error: Σ_b (n_b / n) · |observed_b − meanPredicted_b| (Naeini et al. 2015). */
  readonly ece: number;
  readonly bins: readonly ReliabilityBin[];
}

/**
 * Equal-width reliability bins over [0, 1] and the expected calibration error (Guo et al. 2017, eq. 3).
 * p = 1 falls in the last bin.
 */
export function calibration({ probs, labels }: ScoredPairs, numBins = 10): Calibration {
  if (!Number.isInteger(numBins) || numBins < 1)
    throw new Error(`calibration: numBins ${numBins} must be a positive integer`);
  const counts = new Float64Array(numBins);
  const predictedSums = new Float64Array(numBins);
  const correctSums = new Float64Array(numBins);
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] as number;
    const b = Math.min(numBins - 1, Math.max(0, Math.floor(p * numBins)));
    counts[b] = (counts[b] as number) + 1;
    predictedSums[b] = (predictedSums[b] as number) + p;
    correctSums[b] = (correctSums[b] as number) + (labels[i] as number);
  }
  let ece = 0;
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < numBins; b++) {
    const count = counts[b] as number;
    const meanPredicted = count > 0 ? (predictedSums[b] as number) / count : Number.NaN;
    const observed = count > 0 ? (correctSums[b] as number) / count : Number.NaN;
    if (count > 0) ece += (count / probs.length) * Math.abs(observed - meanPredicted);
    bins.push({ lower: b / numBins, upper: (b + 1) / numBins, count, meanPredicted, observed });
  }
  return { ece: probs.length > 0 ? ece : Number.NaN, bins };
}
