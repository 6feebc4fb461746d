import { describe, expect, it } from "vitest";
import {
  batchIndices,
  eventsToDataset,
  isMultiSkillRepeat,
  type LearnerSequence,
  padBatch,
  seededRandom,
  windowSequences,
} from "./index";

function sequence(n: number, learner = "a"): LearnerSequence {
  return {
    learner,
    skills: Int32Array.from({ length: n }, (_, i) => (i % 3) + 1),
    problems: Int32Array.from({ length: n }, (_, i) => i + 1),
    correct: Uint8Array.from({ length: n }, (_, i) => i % 2),
  };
}

describe("windowSequences", () => {
  it("cuts 450 positions into 200 + 200 + 50 and keeps short sequences whole (AKT load_data)", () => {
    const windows = windowSequences([sequence(450), sequence(200, "b")], 200);
    expect(windows.map((w) => w.correct.length)).toEqual([200, 200, 50, 200]);
    expect(windows[1]?.problems?.[0]).toBe(201);
    expect(windows[2]?.learner).toBe("a#w2");
    expect(windows[3]?.learner).toBe("b");
  });
});

describe("padBatch", () => {
  it("right-pads with id 0 and marks real positions in the mask", () => {
    const batch = padBatch([sequence(3), sequence(1, "b")]);
    expect(batch.time).toBe(3);
    expect(Array.from(batch.mask)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(Array.from(batch.skills)).toEqual([1, 2, 3, 1, 0, 0]);
    expect(Array.from(batch.lengths)).toEqual([3, 1]);
    expect(() => padBatch([sequence(5)], 4)).toThrow(/"a" has 5 positions/);
  });

  it("batches every index once, reproducibly under a seed", () => {
    const a = batchIndices(10, 4, seededRandom(7));
    expect(a.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(a.flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batchIndices(10, 4, seededRandom(7))).toEqual(a);
  });
});

describe("eventsToDataset", () => {
  it("orders by time, expands multi-concept answers and marks the copies as repeats", () => {
    const { dataset, vocabulary } = eventsToDataset([
      {
        learner: "u1",
        conceptIds: ["fractions"],
        itemId: "q2",
        correct: false,
        timestamp: "2026-01-02T00:00:00Z",
      },
      { learner: "u1", conceptIds: ["add", "fractions"], itemId: "q1", correct: true, timestamp: 1000 },
      { learner: "u2", conceptIds: ["add"], itemId: "q1", correct: 1, timestamp: 5 },
    ]);
    const u1 = dataset.sequences.find((s) => s.learner === "u1") as LearnerSequence;
    expect(Array.from(u1.skills)).toEqual([1, 2, 2]);
    expect(Array.from(u1.problems ?? [])).toEqual([1, 1, 2]);
    expect(Array.from(u1.correct)).toEqual([1, 1, 0]);
    expect(isMultiSkillRepeat(u1, 1)).toBe(true);
    expect(isMultiSkillRepeat(u1, 2)).toBe(false);
    expect(dataset.numSkills).toBe(2);
    expect(vocabulary.items.get("q2")).toBe(2);
  });

  it("rejects a bad record by index and unknown ids under a frozen vocabulary", () => {
    expect(() =>
      eventsToDataset([{ learner: "u", conceptIds: [], itemId: "q", correct: true, timestamp: 1 }]),
    ).toThrow(/answer event 0/);
    const { vocabulary } = eventsToDataset([
      { learner: "u", conceptIds: ["a"], itemId: "q", correct: true, timestamp: 1 },
    ]);
    expect(() =>
      eventsToDataset([{ learner: "u", conceptIds: ["b"], itemId: "q", correct: true, timestamp: 1 }], {
        vocabulary,
        frozen: true,
      }),
    ).toThrow(/unknown concept id "b"/);
  });
});
