import { describe, expect, it } from "vitest";
import type { LearnerSequence } from "../data/sequence";
import {
  accuracy,
  auc,
  calibration,
  collectScored,
  evaluatePairs,
  logLoss,
  rmse,
  scoredPairs,
} from "./index";

function seq(learner: string, correct: number[]): LearnerSequence {
  return { learner, skills: Int32Array.from(correct.map(() => 1)), correct: Uint8Array.from(correct) };
}

describe("auc", () => {
  it("counts ordered pairs: 3 of 4 positive/negative pairs are ranked right", () => {
    // positives {0.35, 0.8}, negatives {0.1, 0.4}: 0.35 beats 0.1 only, 0.8 beats both → 3/4.
    expect(auc(scoredPairs([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))).toBeCloseTo(0.75, 12);
  });

  it("gives tied positive/negative pairs one half (average ranks)", () => {
    // positives {0.5, 0.9}, negatives {0.5, 0.5}: 0.9 wins 2, the tied 0.5 gets 2 × ½ → 3/4.
    expect(auc(scoredPairs([0.5, 0.5, 0.5, 0.9], [0, 1, 0, 1]))).toBeCloseTo(0.75, 12);
    expect(auc(scoredPairs([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1]))).toBeCloseTo(0.5, 12);
  });

  it("is 1 for a perfect ranking, 0 for a reversed one, NaN with one class", () => {
    expect(auc(scoredPairs([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]))).toBe(1);
    expect(auc(scoredPairs([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]))).toBe(0);
    expect(auc(scoredPairs([0.2, 0.7], [1, 1]))).toBeNaN();
  });
});

describe("accuracy, rmse, log loss", () => {
  it("thresholds at 0.5 inclusive", () => {
    // predicted 1,0,1,0 against 1,1,0,0 → 2 of 4.
    expect(accuracy(scoredPairs([0.5, 0.49, 0.9, 0.2], [1, 1, 0, 0]))).toBe(0.5);
  });

  it("computes RMSE by hand", () => {
    // errors 0.2 and −0.3 → sqrt((0.04 + 0.09) / 2).
    expect(rmse(scoredPairs([0.2, 0.7], [0, 1]))).toBeCloseTo(Math.sqrt(0.065), 12);
  });

  it("computes log loss by hand and clips certain mistakes", () => {
    expect(logLoss(scoredPairs([0.8, 0.4], [1, 0]))).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(logLoss(scoredPairs([0], [1]))).toBeCloseTo(-Math.log(1e-7), 9);
    expect(Number.isFinite(logLoss(scoredPairs([1, 0], [0, 1])))).toBe(true);
  });
});

describe("calibration", () => {
  it("bins predictions and weights the gaps by bin size", () => {
    // bin [0.1,0.2): mean 0.125, observed 0.5 → ½·0.375; bins 0.8 and 0.9: ¼·0.2 + ¼·0.1.
    const result = calibration(scoredPairs([0.1, 0.15, 0.8, 0.9], [0, 1, 1, 1]), 10);
    expect(result.ece).toBeCloseTo(0.1875 + 0.05 + 0.025, 12);
    expect(result.bins).toHaveLength(10);
    expect(result.bins[1]).toMatchObject({ count: 2, meanPredicted: 0.125, observed: 0.5 });
    expect(result.bins[0]?.count).toBe(0);
    expect(result.bins[0]?.observed).toBeNaN();
  });

  it("puts p = 1 in the last bin", () => {
    expect(calibration(scoredPairs([1], [1]), 4).bins[3]?.count).toBe(1);
  });
});

describe("collectScored", () => {
  it("skips NaN positions and applies the keep filter", () => {
    const sequences = [seq("a", [1, 0, 1]), seq("b", [0, 1])];
    const predictions = [Float32Array.from([Number.NaN, 0.25, 0.75]), Float32Array.from([Number.NaN, 0.5])];
    const all = collectScored(sequences, predictions);
    expect(Array.from(all.probs)).toEqual([0.25, 0.75, 0.5]);
    expect(Array.from(all.labels)).toEqual([0, 1, 1]);
    const filtered = collectScored(sequences, predictions, (s, t) => !(s.learner === "a" && t === 2));
    expect(Array.from(filtered.labels)).toEqual([0, 1]);
    expect(evaluatePairs(all).count).toBe(3);
  });

  it("names the sequence whose prediction length is wrong", () => {
    expect(() => collectScored([seq("x", [1, 1])], [Float32Array.from([Number.NaN])])).toThrow(/"x"/);
  });
});
