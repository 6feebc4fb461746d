import { describe, expect, it } from "vitest";
import { structureFromEdges } from "../kss/structure";
import { prerequisiteClosure, topologicalOrder } from "./closure";
import { firstStepToward, structuralNeighbourhood } from "./neighbourhood";

// 0 → 1 → 3, 0 → 2 → 3, 4 (isolated), 5 → 6
const graph = structureFromEdges(7, [
  [0, 1],
  [1, 3],
  [0, 2],
  [2, 3],
  [5, 6],
]);

describe("prerequisite closure", () => {
  it("contains the targets and every transitive prerequisite, nothing else", () => {
    expect([...prerequisiteClosure(graph, [3])].sort()).toEqual([0, 1, 2, 3]);
    expect([...prerequisiteClosure(graph, [1, 6])].sort()).toEqual([0, 1, 5, 6]);
    expect([...prerequisiteClosure(graph, [4])]).toEqual([4]);
  });

  it("names a concept outside the graph", () => {
    expect(() => prerequisiteClosure(graph, [9])).toThrow(/concept index 9 outside 0..6/);
  });
});

describe("topological order", () => {
  it("puts every prerequisite first, smallest index first among the available", () => {
    expect(topologicalOrder(graph)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("names the concepts of a cycle", () => {
    const cyclic = structureFromEdges(3, [
      [0, 1],
      [1, 2],
      [2, 1],
    ]);
    expect(() => topologicalOrder(cyclic)).toThrow(/cycle through concepts 1, 2/);
  });
});

describe("structural neighbourhood", () => {
  it("is the concept, its prerequisites, successors, grand-prerequisites and co-requisites", () => {
    expect([...structuralNeighbourhood(graph, 1)].sort()).toEqual([0, 1, 2, 3]);
    expect([...structuralNeighbourhood(graph, 3)].sort()).toEqual([0, 1, 2, 3]);
    expect([...structuralNeighbourhood(graph, 5)].sort()).toEqual([5, 6]);
  });

  it("routes to a distant concept through neighbourhoods", () => {
    const chain = structureFromEdges(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(firstStepToward(chain, 0, 4)).toBe(1);
    expect(firstStepToward(chain, 4, 0)).toBe(2); // 0 is not a grand-prerequisite of 4, 2 is
  });
});
