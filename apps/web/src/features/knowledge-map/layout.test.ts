import { describe, expect, it } from "vitest";
import { layoutConceptMap, NODE_HEIGHT, NODE_WIDTH } from "./layout";

const concepts = ["counting", "addition", "subtraction", "multiplication", "fractions"].map((id) => ({
  id,
  title: id,
}));
const prerequisites = [
  { concept: "addition", requires: "counting" },
  { concept: "subtraction", requires: "addition" },
  { concept: "multiplication", requires: "addition" },
  { concept: "fractions", requires: "multiplication" },
  { concept: "fractions", requires: "subtraction" },
];

describe("layoutConceptMap", () => {
  const placed = new Map(layoutConceptMap(concepts, prerequisites).map((node) => [node.id, node]));
  const at = (id: string) => placed.get(id) ?? { x: Number.NaN, y: Number.NaN };

  it("places every prerequisite left of the concepts that need it", () => {
    for (const edge of prerequisites) expect(at(edge.requires).x).toBeLessThan(at(edge.concept).x);
  });

  it("never overlaps two concept boxes", () => {
    const nodes = [...placed.values()];
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it("ignores edges that name unknown concepts instead of inventing nodes", () => {
    const result = layoutConceptMap(concepts, [...prerequisites, { concept: "ghost", requires: "counting" }]);
    expect(result.map((node) => node.id)).toEqual(concepts.map((concept) => concept.id));
  });
});
