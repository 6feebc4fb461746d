import { asId, type CourseId, type TenantId } from "@pathwise/domain";
import { describe, expect, it } from "vitest";
import { retrainingTrigger } from "./retraining";

const now = new Date("2026-11-29T12:00:00Z");
const settings = (overrides: Partial<Parameters<typeof retrainingTrigger>[0]> = {}) => ({
  courseId: asId<CourseId>("c"),
  tenantId: asId<TenantId>("t"),
  candidates: [],
  retrainEveryEvents: null,
  retrainIntervalHours: null,
  lastTrainedSeq: 40,
  lastTrainedAt: new Date("2026-11-29T00:00:00Z"),
  updatedAt: new Date("2026-11-28T00:00:00Z"),
  newAnswers: 0,
  ...overrides,
});

describe("retrainingTrigger", () => {
  it("fires on enough new answers, naming the threshold", () => {
    expect(retrainingTrigger(settings({ retrainEveryEvents: 100, newAnswers: 99 }), now)).toBeUndefined();
    expect(retrainingTrigger(settings({ retrainEveryEvents: 100, newAnswers: 100 }), now)).toEqual({
      reason: "new-events",
      trigger: "at least 100 new answers after seq 40 (the course's retraining threshold)",
    });
  });

  it("fires on schedule only once the interval passed and something new arrived", () => {
    expect(retrainingTrigger(settings({ retrainIntervalHours: 13, newAnswers: 1 }), now)).toBeUndefined();
    expect(retrainingTrigger(settings({ retrainIntervalHours: 12, newAnswers: 0 }), now)).toBeUndefined();
    expect(retrainingTrigger(settings({ retrainIntervalHours: 12, newAnswers: 1 }), now)?.reason).toBe(
      "schedule",
    );
    const never = retrainingTrigger(
      settings({ retrainIntervalHours: 24, newAnswers: 1, lastTrainedAt: null }),
      now,
    );
    expect(never?.trigger).toMatch(/^36 h since the settings were saved/);
  });

  it("does nothing without a rule", () => {
    expect(retrainingTrigger(settings({ newAnswers: 10_000 }), now)).toBeUndefined();
  });
});
