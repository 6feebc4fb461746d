import { describe, expect, it } from "vitest";
import { heatmapCells, NOT_STARTED } from "./cells";

const estimate = (conceptId: string, mastery: number, answers: number) => ({
  conceptId,
  mastery,
  answers,
  seededByPlacement: false,
});

describe("heatmapCells", () => {
  it("puts learners on rows and concepts on columns, in the given orders", () => {
    const estimates = new Map([
      ["ann", [estimate("b", 0.97, 4), estimate("a", 0.5, 2)]],
      ["bob", [estimate("a", 0.7, 1), estimate("b", 0.1, 0)]],
    ]);
    const { cells, bands } = heatmapCells(["ann", "bob"], ["a", "b"], estimates);
    expect(cells).toEqual([
      [0, 0, 50],
      [1, 0, 97],
      [0, 1, 70],
      [1, 1, NOT_STARTED],
    ]);
    expect(bands).toEqual({ notStarted: 1, low: 1, learning: 1, mastered: 1 });
  });

  it("leaves a learner without estimates empty instead of inventing values", () => {
    const { cells } = heatmapCells(["ann"], ["a"], new Map());
    expect(cells).toEqual([]);
  });
});
