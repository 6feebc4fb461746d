import type { Statement } from "@pathwise/domain";
import { describe, expect, it } from "vitest";
import { isoWeekStart, weeklyPractice } from "./weekly";

let next = 0;
function answer(success: boolean | undefined, timestamp: string): Statement {
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    actor: { id: "7d3c1f0e-2a4b-4c5d-8e6f-0a1b2c3d4e5f" },
    verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
    object: { id: "urn:pathwise:item:11111111-1111-4111-8111-111111111111" },
    ...(success === undefined ? {} : { result: { success } }),
    timestamp,
  } as Statement;
}

describe("isoWeekStart", () => {
  it("goes back to Monday 00:00 UTC, and keeps a Monday", () => {
    expect(isoWeekStart(new Date("2026-11-29T23:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z"); // Sunday
    expect(isoWeekStart(new Date("2026-11-23T00:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});

describe("weeklyPractice", () => {
  it("counts graded answers per week and keeps empty weeks between them", () => {
    const weeks = weeklyPractice([
      answer(true, "2026-11-02T10:00:00Z"),
      answer(false, "2026-11-03T10:00:00Z"),
      answer(undefined, "2026-11-04T10:00:00Z"), // not graded: not counted
      answer(true, "2026-11-18T10:00:00Z"),
    ]);
    expect(
      weeks.map((week) => [week.weekStart.toISOString().slice(0, 10), week.answers, week.correct]),
    ).toEqual([
      ["2026-11-02", 2, 1],
      ["2026-11-09", 0, 0],
      ["2026-11-16", 1, 1],
    ]);
  });

  it("is empty without graded answers", () => {
    expect(weeklyPractice([answer(undefined, "2026-11-02T10:00:00Z")])).toEqual([]);
  });
});
