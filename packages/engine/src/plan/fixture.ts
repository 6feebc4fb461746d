import { buildConceptGraph } from "@pathwise/domain";
import type { ConceptLabels } from "./explain";
import type { PlanRequestInput } from "./request";

/** A small arithmetic course used by the planner tests and the golden explanation files. */
export const courseGraph = buildConceptGraph(
  ["counting", "addition", "multiplication", "fractions", "fraction-addition", "decimals"],
  [
    { requires: "counting", concept: "addition" },
    { requires: "addition", concept: "multiplication" },
    { requires: "multiplication", concept: "fractions" },
    { requires: "fractions", concept: "fraction-addition" },
    { requires: "fractions", concept: "decimals" },
  ],
);

export const courseLabels: ConceptLabels = new Map([
  ["counting", { en: "counting", "zh-CN": "计数" }],
  ["addition", { en: "addition", "zh-CN": "加法" }],
  ["multiplication", { en: "multiplication", "zh-CN": "乘法" }],
  ["fractions", { en: "fractions", "zh-CN": "分数" }],
  ["fraction-addition", { en: "adding fractions", "zh-CN": "分数加法" }],
  ["decimals", { en: "decimals", "zh-CN": "小数" }],
]);

const item = (id: string, concept: string, predictedSuccess: number) => ({
  id,
  concepts: [concept],
  predictedSuccess,
});

export function courseRequest(): PlanRequestInput {
  return {
    now: "2026-11-28T10:00:00Z",
    goals: [
      { concept: "fraction-addition", source: "learner" },
      { concept: "decimals", source: "teacher", assignedBy: "Ms. Li" },
    ],
    mastery: {
      counting: 0.98,
      addition: 0.97,
      multiplication: 0.6,
      fractions: 0.2,
      "fraction-addition": 0.05,
      decimals: 0.1,
    },
    items: [
      item("count-1", "counting", 0.97),
      item("add-1", "addition", 0.95),
      item("add-2", "addition", 0.8),
      item("mult-1", "multiplication", 0.9),
      item("mult-2", "multiplication", 0.66),
      item("mult-3", "multiplication", 0.5),
      item("mult-4", "multiplication", 0.62),
      item("frac-1", "fractions", 0.4),
      item("frac-2", "fractions", 0.7),
      item("fadd-1", "fraction-addition", 0.3),
      item("dec-1", "decimals", 0.55),
    ],
    recent: [
      { itemId: "mult-1", correct: true, at: "2026-11-28T09:50:00Z" },
      { itemId: "mult-2", correct: false, at: "2026-11-28T09:55:00Z" },
    ],
    assignments: [{ itemId: "mult-3", assignedBy: "Ms. Li", due: "2026-12-01T00:00:00Z" }],
    reviews: [
      { concept: "addition", due: "2026-11-27T00:00:00Z", retrievability: 0.82 },
      { concept: "counting", due: "2026-11-20T00:00:00Z", retrievability: 0.6 },
    ],
    influences: {
      multiplication: [
        { itemId: "mult-1", correct: true, at: "2026-11-28T09:50:00Z", weight: 0.2 },
        { itemId: "mult-2", correct: false, at: "2026-11-28T09:55:00Z", weight: 0.5 },
      ],
    },
    feedback: ["too_easy"],
    settings: { horizon: 6 },
  };
}
