import { describe, expect, it } from "vitest";
import { masteryBand } from "./bands";

describe("masteryBand", () => {
  it("calls a concept without evidence not started, whatever its prior", () => {
    expect(masteryBand({ mastery: 0.1, answers: 0, seededByPlacement: false })).toBe("notStarted");
    expect(masteryBand({ mastery: 0.99, answers: 0, seededByPlacement: false })).toBe("notStarted");
  });

  it("uses the placement prior as evidence", () => {
    expect(masteryBand({ mastery: 0.97, answers: 0, seededByPlacement: true })).toBe("mastered");
  });

  it("splits answered concepts at 0.6 and 0.95", () => {
    expect(masteryBand({ mastery: 0.59, answers: 3, seededByPlacement: false })).toBe("low");
    expect(masteryBand({ mastery: 0.6, answers: 3, seededByPlacement: false })).toBe("learning");
    expect(masteryBand({ mastery: 0.95, answers: 3, seededByPlacement: false })).toBe("mastered");
  });
});
