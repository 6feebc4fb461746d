import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { gradeAnswer, ReviewScheduler } from "./fsrs";
import { interleave } from "./interleave";

const day = 86_400_000;
const t0 = new Date("2026-11-01T09:00:00Z");

describe("FSRS review", () => {
  it("grades answers: wrong → Again, slow → Hard, fast → Easy, else Good", () => {
    expect(gradeAnswer(false)).toBe(Rating.Again);
    expect(gradeAnswer(true)).toBe(Rating.Good);
    expect(gradeAnswer(true, 50, 20)).toBe(Rating.Hard);
    expect(gradeAnswer(true, 5, 20)).toBe(Rating.Easy);
  });

  it("spaces successful reviews further apart and pulls a lapse forward", () => {
    const scheduler = new ReviewScheduler();
    let card = scheduler.record(undefined, "fractions", Rating.Good, t0);
    const intervals: number[] = [];
    let at = t0;
    for (let i = 0; i < 4; i++) {
      at = card.card.due;
      const next = scheduler.record(card, "fractions", Rating.Good, at);
      intervals.push((next.card.due.getTime() - at.getTime()) / day);
      card = next;
    }
    for (let i = 1; i < intervals.length; i++)
      expect(intervals[i]).toBeGreaterThan(intervals[i - 1] as number);
    const lapse = scheduler.record(card, "fractions", Rating.Again, card.card.due);
    expect(lapse.card.due.getTime() - card.card.due.getTime()).toBeLessThan(day);
  });

  it("lists due cards, least recalled first", () => {
    const scheduler = new ReviewScheduler();
    const a = scheduler.replay("a", [{ correct: true, at: t0 }]);
    const b = scheduler.replay("b", [
      { correct: true, at: t0 },
      { correct: true, at: new Date(t0.getTime() + 3 * day) },
    ]);
    const now = new Date(t0.getTime() + 60 * day);
    const due = scheduler.due(
      [b, a].filter((c) => c !== undefined),
      now,
    );
    expect(due.map((d) => d.concept)).toEqual(["a", "b"]);
    expect(due[0]?.retrievability).toBeLessThan(due[1]?.retrievability as number);
    expect(
      scheduler.due(
        [b].filter((c) => c !== undefined),
        t0,
      ),
    ).toEqual([]);
  });
});

describe("interleaving reviews with new material", () => {
  const review = (name: string, retrievability: number) => ({ name, retrievability });

  it("puts urgent reviews first, then one review after every two new steps", () => {
    const plan = interleave(["n1", "n2", "n3", "n4"], [review("r-ok", 0.85), review("r-urgent", 0.5)], 7);
    expect(plan.map((s) => (s.kind === "new" ? s.step : s.step.name))).toEqual([
      "r-urgent",
      "n1",
      "n2",
      "r-ok",
      "n3",
      "n4",
    ]);
  });

  it("fills with reviews when new material runs out, and respects the plan length", () => {
    const plan = interleave(["n1"], [review("a", 0.8), review("b", 0.9), review("c", 0.95)], 3);
    expect(plan.map((s) => (s.kind === "new" ? s.step : s.step.name))).toEqual(["n1", "a", "b"]);
  });
});
