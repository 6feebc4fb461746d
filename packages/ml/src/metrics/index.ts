import { type Calibration, calibration } from "./calibration";
import { accuracy, auc, logLoss, rmse } from "./classification";
import type { ScoredPairs } from "./collect";

export type { Calibration, ReliabilityBin } from "./calibration";
export { calibration } from "./calibration";
export { accuracy, auc, logLoss, rmse } from "./classification";
export type { ScoredPairs } from "./collect";
export { collectScored, scoredPairs } from "./collect";

/** Every metric the benchmark reports, for one set of scored positions. */
export interface MetricReport {
  readonly count: number;
  readonly auc: number;
  readonly accuracy: number;
  readonly rmse: number;
  readonly logLoss: number;
  readonly calibration: Calibration;
}

export function evaluatePairs(pairs: ScoredPairs, numBins = 10): MetricReport {
  return {
    count: pairs.probs.length,
    auc: auc(pairs),
    accuracy: accuracy(pairs),
    rmse: rmse(pairs),
    logLoss: logLoss(pairs),
    calibration: calibration(pairs, numBins),
  };
}
