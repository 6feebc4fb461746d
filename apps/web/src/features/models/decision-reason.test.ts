import { describe, expect, it } from "vitest";
import type { ModelDecision } from "../../api/models";
import { localizedReason } from "./decision-reason";

const decision = (overrides: Partial<ModelDecision>): ModelDecision => ({
  id: "00000000-0000-4000-8000-000000000001",
  courseId: "00000000-0000-4000-8000-000000000002",
  action: "reject",
  modelId: null,
  previousModelId: null,
  actorId: null,
  reason:
    "dkt AUC 0.7012 does not beat the champion (bkt) 0.7100 by 0.002 on 500 answers of 12 held-out learners",
  comparison: {},
  decidedAt: "2026-11-28T10:00:00.000Z",
  ...overrides,
});

const headToHead = {
  candidates: 2,
  challengerKind: "dkt",
  challengerValidAuc: 0.72,
  challengerAuc: 0.7012,
  championKind: "bkt",
  championAuc: 0.71,
  minGain: 0.002,
  answers: 500,
  learners: 12,
};

describe("localizedReason", () => {
  it("says the automatic rule's reason from its code and compared figures", () => {
    expect(
      localizedReason(decision({ reasonCode: "challenger-not-better", comparison: headToHead }), "en"),
    ).toEqual({
      key: "models.reasonCode.challengerNotBetter",
      values: {
        challengerKind: "dkt",
        challengerAuc: "0.701",
        championKind: "bkt",
        championAuc: "0.710",
        minGain: 0.002,
        answers: 500,
        learners: 12,
      },
    });
    expect(
      localizedReason(decision({ reasonCode: "first-champion", comparison: headToHead }), "zh-CN"),
    ).toEqual({
      key: "models.reasonCode.firstChampion",
      values: { challengerKind: "dkt", challengerValidAuc: "0.720", count: 2 },
    });
    expect(localizedReason(decision({ reasonCode: "no-valid-auc" }), "en")?.key).toBe(
      "models.reasonCode.noValidAuc",
    );
  });

  it("an undefined AUC is a dash, not a missing figure", () => {
    const comparison = { ...headToHead, championAuc: null };
    expect(
      localizedReason(decision({ reasonCode: "challenger-better", comparison }), "en")?.values.championAuc,
    ).toBe("—");
  });

  it("leaves a person's words, a decision without a code, or one missing figures as stored", () => {
    const typed = decision({ actorId: "00000000-0000-4000-8000-000000000003", reasonCode: "first-champion" });
    expect(localizedReason(typed, "en")).toBeUndefined();
    expect(localizedReason(decision({ comparison: headToHead }), "en")).toBeUndefined();
    expect(localizedReason(decision({ reasonCode: "auc-undefined", comparison: { answers: 5 } }), "en")).toBe(
      undefined,
    );
  });
});
