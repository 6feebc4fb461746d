import type { Statement } from "@pathwise/domain";
import { describe, expect, it } from "vitest";
import { summarizePractice } from "./summary";

const learner = "7d3c1f0e-2a4b-4c5d-8e6f-0a1b2c3d4e5f";
function answer(n: number, success: boolean | undefined, timestamp: string): Statement {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    actor: { id: learner },
    verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
    object: { id: "urn:pathwise:item:11111111-1111-4111-8111-111111111111" },
    ...(success === undefined ? {} : { result: { success } }),
    timestamp,
  } as Statement;
}

describe("summarizePractice", () => {
  it("counts graded answers and the share answered correctly, and finds the latest activity", () => {
    const summary = summarizePractice([
      answer(1, true, "2026-11-01T10:00:00Z"),
      answer(2, false, "2026-11-03T10:00:00Z"),
      answer(3, true, "2026-11-02T10:00:00Z"),
      answer(4, undefined, "2026-11-04T09:00:00Z"), // ungraded: counts as activity, not as an answer
    ]);
    expect(summary).toEqual({
      answers: 3,
      correct: 2,
      correctRate: 2 / 3,
      lastActive: new Date("2026-11-04T09:00:00Z"),
    });
  });

  it("reports no rate and no activity for an empty history", () => {
    expect(summarizePractice([])).toEqual({
      answers: 0,
      correct: 0,
      correctRate: undefined,
      lastActive: undefined,
    });
  });
});
