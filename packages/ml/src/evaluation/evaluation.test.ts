import { describe, expect, it } from "vitest";
import type { FitReport } from "../contract";
import { collectScored } from "../metrics/collect";
import { evaluatePairs } from "../metrics/index";
import { masteryDataset } from "../train/synthetic";
import { fairnessTable } from "./fairness";
import { renderModelCard } from "./model-card";
import { learnerHash, learnerPart, splitByLearner } from "./split";

const dataset = masteryDataset({ learners: 200, length: 12, skills: 3, seed: 5 });

describe("learner split", () => {
  it("puts every learner's whole sequence in exactly one part, in roughly the asked fractions", () => {
    const split = splitByLearner(dataset, { seed: 7, validFraction: 0.2, testFraction: 0.2 });
    const names = (part: typeof split.train) => part.sequences.map((s) => s.learner);
    const all = [...names(split.train), ...names(split.valid), ...names(split.test)];
    expect(new Set(all).size).toBe(200);
    expect(all).toHaveLength(200);
    expect(split.test.sequences.length).toBeGreaterThan(20);
    expect(split.test.sequences.length).toBeLessThan(60);
    expect(split.valid.sequences.length).toBeGreaterThan(20);
    expect(split.train.numSkills).toBe(dataset.numSkills);
  });

  it("is deterministic per seed and stable as learners are added", () => {
    const before = dataset.sequences.slice(0, 50).map((s) => learnerPart(s.learner));
    const after = dataset.sequences.map((s) => learnerPart(s.learner)).slice(0, 50);
    expect(after).toEqual(before);
    const other = dataset.sequences.map((s) =>
      learnerPart(s.learner, { seed: 8, validFraction: 0.2, testFraction: 0.2 }),
    );
    expect(other).not.toEqual(
      dataset.sequences.map((s) =>
        learnerPart(s.learner, { seed: 7, validFraction: 0.2, testFraction: 0.2 }),
      ),
    );
  });

  it("spreads hashes uniformly over [0, 1)", () => {
    const values = Array.from({ length: 4000 }, (_, i) => learnerHash(1, `learner-${i}`));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const lowQuarter = values.filter((v) => v < 0.25).length / values.length;
    expect(lowQuarter).toBeGreaterThan(0.22);
    expect(lowQuarter).toBeLessThan(0.28);
  });

  it("refuses fractions that leave no training learners", () => {
    expect(() => learnerPart("a", { seed: 1, validFraction: 0.5, testFraction: 0.5 })).toThrow(/sum below 1/);
  });
});

describe("fairness table", () => {
  // Predictions that are right for learners 0..99 and coin-flips for the others, so groups differ.
  const predictions = dataset.sequences.map((s, l) =>
    Float32Array.from(s.correct, (y, t) => (t === 0 ? Number.NaN : l < 100 ? 0.1 + 0.8 * y : 0.5)),
  );
  const groupsOf = (learner: string) => {
    const index = Number(learner.split("-")[1]);
    const groups = [{ dimension: "class", group: index < 100 ? "a" : "b", label: index < 100 ? "7A" : "7B" }];
    if (index < 5) groups.push({ dimension: "attribute:programme", group: "yes", label: "yes" });
    return groups;
  };

  it("gives each large group the same metrics as computing them over its learners alone", () => {
    const rows = fairnessTable(dataset.sequences, predictions, groupsOf, 10);
    const a = rows.find((r) => r.group === "a");
    const b = rows.find((r) => r.group === "b");
    if (!a || a.suppressed || !b || b.suppressed) throw new Error("groups a and b should be reported");
    expect(a.learners).toBe(100);
    expect(a.label).toBe("7A");
    const direct = evaluatePairs(collectScored(dataset.sequences.slice(0, 100), predictions.slice(0, 100)));
    expect(a.metrics.auc).toBeCloseTo(direct.auc, 12);
    expect(a.metrics.rmse).toBeCloseTo(direct.rmse, 12);
    expect(a.metrics.auc).toBe(1);
    expect(b.metrics.auc).toBe(0.5);
  });

  it("suppresses groups below the minimum size and reveals neither count nor metrics", () => {
    const rows = fairnessTable(dataset.sequences, predictions, groupsOf, 10);
    const small = rows.find((r) => r.dimension === "attribute:programme");
    expect(small).toEqual({
      dimension: "attribute:programme",
      group: "yes",
      label: "yes",
      suppressed: true,
      reason: "fewer than 10 learners",
    });
    expect(
      fairnessTable(dataset.sequences, predictions, groupsOf, 5).find((r) => r.group === "yes")?.suppressed,
    ).toBe(false);
  });

  it("refuses a non-positive minimum group size", () => {
    expect(() => fairnessTable(dataset.sequences, predictions, groupsOf, 0)).toThrow(/positive integer/);
  });
});

describe("model card", () => {
  it("renders every Mitchell et al. section with the figures it was given", () => {
    const predictions = dataset.sequences.map((s) =>
      Float32Array.from(s.correct, (y, t) => (t === 0 ? Number.NaN : 0.2 + 0.6 * y)),
    );
    const test = evaluatePairs(collectScored(dataset.sequences, predictions));
    const training: FitReport = {
      epochs: 3,
      bestEpoch: 2,
      history: [],
      wallSeconds: 1.5,
      interactionsPerSecond: 1234,
    };
    const card = renderModelCard({
      modelId: "m-1",
      kind: "bkt",
      courseTitle: "Fractions | grade 7",
      createdAt: new Date("2026-11-29T00:00:00Z"),
      config: { maxEpochs: 3 },
      snapshot: {
        answers: 2400,
        learners: 200,
        items: 0,
        concepts: 3,
        maxSeq: 99,
        splitSeed: 2026,
        trainLearners: 120,
        validLearners: 40,
        testLearners: 40,
      },
      training,
      validAuc: 0.91,
      test,
      fairness: fairnessTable(
        dataset.sequences,
        predictions,
        () => [{ dimension: "class", group: "x", label: "7A" }],
        10,
      ),
      minGroupSize: 10,
    });
    for (const heading of [
      "## Model details",
      "## Intended use",
      "## Data",
      "## Metrics on held-out test learners",
      "## Metrics per group",
      "## Caveats and limitations",
    ])
      expect(card).toContain(heading);
    expect(card).toContain('"Fractions \\| grade 7"');
    expect(card).toContain("2400 answers by 200 learners");
    expect(card).toContain(`| ${test.auc.toFixed(4)} | ${test.accuracy.toFixed(4)} |`);
    expect(card).toContain("| class | 7A | 200 |");
    expect(card).toContain("| 0.2–0.3 |");
  });
});
