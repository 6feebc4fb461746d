import { describe, expect, it } from "vitest";
import type { MasteryHistory } from "../../api/progress";
import { defaultConcepts, masteryChanges } from "./mastery-history";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function history(answers: number[]): MasteryHistory {
  return {
    learnerId: id(99),
    courseId: id(98),
    model: { name: "bkt-online", interim: true, description: "" },
    days: ["2026-11-01", "2026-11-02"],
    concepts: answers.map((count, n) => ({
      conceptId: id(n),
      key: `c${n}`,
      answers: count,
      mastery: [0.1, 0.1 + n / 100],
    })),
  };
}

describe("defaultConcepts", () => {
  it("starts with the goal concepts the history knows, each once", () => {
    expect(defaultConcepts(history([1, 0, 3]), [id(1), id(42), id(1)])).toEqual([id(1)]);
  });

  it("without goals, takes the most-practised concepts, ties in course order, none unpractised", () => {
    const h = history([2, 0, 5, 2, 1, 7, 3, 0]);
    expect(defaultConcepts(h, [])).toEqual([id(5), id(2), id(6), id(0), id(3)]);
    expect(defaultConcepts(h, [], 10)).toHaveLength(6);
  });
});

describe("masteryChanges", () => {
  it("gives the first and last day's mastery in percent", () => {
    expect(masteryChanges(history([1, 1, 1]), [id(2)])).toEqual([{ conceptId: id(2), from: 10, to: 12 }]);
  });

  it("skips unknown concepts and an empty history", () => {
    expect(masteryChanges({ ...history([1]), days: [], concepts: [] }, [id(0)])).toEqual([]);
  });
});
