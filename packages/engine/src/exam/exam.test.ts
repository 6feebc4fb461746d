import { describe, expect, it } from "vitest";
import { predictExam, reviewAdvice } from "./predict";
import {
  centralInterval,
  expectedValue,
  mixedScoreDistribution,
  poissonBinomial,
} from "./score-distribution";

describe("Poisson-binomial score distribution", () => {
  it("reduces to the binomial for equal probabilities", () => {
    const pmf = poissonBinomial([0.5, 0.5, 0.5]);
    expect([...pmf]).toEqual([0.125, 0.375, 0.375, 0.125]);
  });

  it("has mean Σp and sums to 1", () => {
    const ps = [0.1, 0.9, 0.35, 0.6, 0.75];
    const pmf = poissonBinomial(ps);
    expect(pmf.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(expectedValue(pmf)).toBeCloseTo(2.7, 12);
  });

  it("names an invalid probability", () => {
    expect(() => poissonBinomial([0.5, 1.2])).toThrow(/got 1.2/);
  });

  it("widens with a learner-level spread but keeps the mean near Σp for symmetric p", () => {
    const ps = new Array(20).fill(0.5);
    const [lo0, hi0] = centralInterval(poissonBinomial(ps), 0.9);
    const [lo1, hi1] = centralInterval(mixedScoreDistribution(ps, 1), 0.9);
    expect(hi1 - lo1).toBeGreaterThan(hi0 - lo0);
    expect(expectedValue(mixedScoreDistribution(ps, 1))).toBeCloseTo(10, 6);
  });
});

describe("central interval", () => {
  it("leaves at most 5% in each tail", () => {
    const pmf = poissonBinomial(new Array(30).fill(0.7));
    const [lo, hi] = centralInterval(pmf, 0.9);
    const below = [...pmf.slice(0, lo)].reduce((s, x) => s + x, 0);
    const above = [...pmf.slice(hi + 1)].reduce((s, x) => s + x, 0);
    expect(below).toBeLessThanOrEqual(0.05);
    expect(above).toBeLessThanOrEqual(0.05);
    expect(below + (pmf[lo] as number)).toBeGreaterThan(0.05);
  });
});

describe("exam prediction and advice", () => {
  const blueprint = [
    { id: "q1", concept: "fractions", probability: 0.4 },
    { id: "q2", concept: "fractions", probability: 0.5 },
    { id: "q3", concept: "decimals", probability: 0.9 },
    { id: "q4", concept: "ratios", probability: 0.7 },
  ];

  it("predicts the expected score with a 90% interval inside [0, n]", () => {
    const prediction = predictExam(blueprint);
    expect(prediction.expectedScore).toBeCloseTo(2.5, 12);
    expect(prediction.interval90[0]).toBeGreaterThanOrEqual(0);
    expect(prediction.interval90[1]).toBeLessThanOrEqual(4);
  });

  it("advises the concepts losing most expected points, and due reviews of tested concepts only", () => {
    const due = [
      { concept: "ratios", due: new Date("2026-11-01"), retrievability: 0.8 },
      { concept: "geometry", due: new Date("2026-11-01"), retrievability: 0.3 },
    ];
    const advice = reviewAdvice(blueprint, due, 2);
    expect(advice.weakestConcepts.map((w) => w.concept)).toEqual(["fractions", "ratios"]);
    expect(advice.weakestConcepts[0]?.expectedPointsLost).toBeCloseTo(1.1, 12);
    expect(advice.dueReviews.map((d) => d.concept)).toEqual(["ratios"]);
  });
});
