import { describe, expect, it } from "vitest";
import { buildConceptGraph, ConceptGraphError } from "./concept-graph";

const concepts = ["integers", "fractions", "ratios", "percent", "proportion"];
const edges = [
  { concept: "fractions", requires: "integers" },
  { concept: "ratios", requires: "fractions" },
  { concept: "percent", requires: "fractions" },
  { concept: "proportion", requires: "ratios" },
];

describe("buildConceptGraph", () => {
  it("orders prerequisites before the concepts that need them", () => {
    const graph = buildConceptGraph(concepts, edges);
    expect(graph.order).toEqual(["integers", "fractions", "ratios", "percent", "proportion"]);
    for (const { concept, requires } of edges) {
      expect(graph.order.indexOf(requires)).toBeLessThan(graph.order.indexOf(concept));
    }
  });

  it("computes the prerequisite closure of targets in topological order", () => {
    const graph = buildConceptGraph(concepts, edges);
    expect(graph.closure(["proportion"])).toEqual(["integers", "fractions", "ratios", "proportion"]);
    expect(graph.closure(["percent", "integers"])).toEqual(["integers", "fractions", "percent"]);
    expect(graph.prerequisitesOf("ratios")).toEqual(["fractions"]);
    expect(graph.dependentsOf("fractions")).toEqual(["ratios", "percent"]);
  });

  it("rejects a cycle with an error naming it", () => {
    const cyclic = [...edges, { concept: "fractions", requires: "ratios" }];
    expect(() => buildConceptGraph(concepts, cyclic)).toThrow(
      "Prerequisite cycle: fractions → ratios → fractions",
    );
    try {
      buildConceptGraph(concepts, cyclic);
    } catch (error) {
      expect(error).toBeInstanceOf(ConceptGraphError);
      expect((error as ConceptGraphError).code).toBe("prerequisite_cycle");
    }
  });

  it("names a longer cycle using the label function", () => {
    const cyclic = [...edges, { concept: "integers", requires: "proportion" }];
    const titles: Record<string, string> = {
      integers: "Integers",
      fractions: "Fractions",
      ratios: "Ratios",
      proportion: "Proportion",
    };
    expect(() => buildConceptGraph(concepts, cyclic, (id) => titles[id] ?? id)).toThrow(
      "Prerequisite cycle: Integers → Fractions → Ratios → Proportion → Integers",
    );
  });

  it("rejects self-prerequisites, unknown and duplicate concepts", () => {
    expect(() => buildConceptGraph(["a"], [{ concept: "a", requires: "a" }])).toThrow(
      "Prerequisite cycle: a → a",
    );
    expect(() => buildConceptGraph(["a"], [{ concept: "a", requires: "zz" }])).toThrow(/Unknown concept.*zz/);
    expect(() => buildConceptGraph(["a", "a"], [])).toThrow("Duplicate concept: a");
  });

  it("handles a deep chain without recursion limits", () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => `c${i}`);
    const chain = ids.slice(1).map((id, i) => ({ concept: id, requires: ids[i] as string }));
    const graph = buildConceptGraph(ids, chain);
    expect(graph.order[4_999]).toBe("c4999");
    expect(graph.closure(["c4999"])).toHaveLength(5_000);
  });
});
