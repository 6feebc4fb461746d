import { describe, expect, it } from "vitest";
import { canonicalJson, durationToMs, StatementSchema, toLearnerEvent, VERBS } from "./statement";

const base = {
  id: "6f1c8f2e-2f5b-4c1e-9a53-0d6f4f8f6a11",
  actor: { id: "0b7c2f6e-1d1a-4b7a-8f0e-5b1f3c2d4e5f" },
  verb: { id: VERBS.answered },
  object: { id: "urn:pathwise:item:2c9d6a7e-3b1f-4f5e-9a8b-7c6d5e4f3a2b" },
  result: { success: true, score: { scaled: 1 }, response: "3/4", duration: "PT1M2.5S" },
  timestamp: "2026-11-28T10:00:00.000Z",
};

describe("StatementSchema", () => {
  it("accepts an xAPI-shaped statement and maps it to the canonical learner event", () => {
    const event = toLearnerEvent(StatementSchema.parse(base));
    expect(event).toEqual({
      id: base.id,
      learnerId: base.actor.id,
      verb: VERBS.answered,
      objectId: base.object.id,
      itemId: "2c9d6a7e-3b1f-4f5e-9a8b-7c6d5e4f3a2b",
      correct: true,
      score: 1,
      response: "3/4",
      durationMs: 62_500,
      timestamp: new Date("2026-11-28T10:00:00.000Z"),
    });
  });

  it("rejects unknown fields, bad ids and bad timestamps, naming the path", () => {
    const extra = StatementSchema.safeParse({ ...base, stored: "x" });
    expect(extra.success).toBe(false);
    expect(extra.error?.issues[0]?.code).toBe("unrecognized_keys");
    const badId = StatementSchema.safeParse({ ...base, id: "not-a-uuid" });
    expect(badId.error?.issues[0]?.path).toEqual(["id"]);
    const badTime = StatementSchema.safeParse({ ...base, timestamp: "yesterday" });
    expect(badTime.error?.issues[0]?.path).toEqual(["timestamp"]);
  });

  it("canonical JSON ignores key order", () => {
    const reordered = {
      timestamp: base.timestamp,
      result: base.result,
      object: base.object,
      verb: base.verb,
      actor: base.actor,
      id: base.id,
    };
    expect(canonicalJson(reordered)).toBe(canonicalJson(base));
    expect(canonicalJson({ ...base, result: { ...base.result, success: false } })).not.toBe(
      canonicalJson(base),
    );
  });

  it("parses ISO 8601 durations", () => {
    expect(durationToMs("PT0.25S")).toBe(250);
    expect(durationToMs("P1DT1H")).toBe(90_000_000);
    expect(durationToMs("5 seconds")).toBeUndefined();
  });
});
