import { describe, expect, it } from "vitest";
import { checkAnswer, readNumber } from "./answer-check";
import { AnswerKeySchema } from "./items";

const key = (value: unknown) => AnswerKeySchema.parse(value);

describe("checkAnswer", () => {
  it("grades multiple choice by the exact set of chosen ids", () => {
    const k = key({
      kind: "multiple_choice",
      choices: [
        { id: "a", text: { en: "1/2" } },
        { id: "b", text: { en: "2/4" } },
        { id: "c", text: { en: "3/4" } },
      ],
      correct: ["a", "b"],
    });
    expect(checkAnswer(k, "b, a").status).toBe("correct");
    expect(checkAnswer(k, "a").status).toBe("incorrect");
    expect(checkAnswer(k, "z")).toEqual({ status: "unreadable", reason: "'z' is not one of the choices" });
  });

  it("rejects an answer key whose correct choice does not exist", () => {
    const result = AnswerKeySchema.safeParse({
      kind: "multiple_choice",
      choices: [
        { id: "a", text: { en: "x" } },
        { id: "b", text: { en: "y" } },
      ],
      correct: ["q"],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("correct choice 'q' is not among the choices");
  });

  it("grades numbers with tolerance, fractions, percents and full-width digits", () => {
    const k = key({ kind: "numeric", value: 0.75, tolerance: 0.001 });
    for (const response of ["0.75", "3/4", "75%", ".7505", "０.７５"])
      expect(checkAnswer(k, response).status).toBe("correct");
    expect(checkAnswer(k, "0.8").status).toBe("incorrect");
    expect(checkAnswer(k, "three quarters").status).toBe("unreadable");
    expect(readNumber("-1 1/2")).toBe(-1.5);
    expect(checkAnswer(key({ kind: "numeric", value: 0.3 }), "0.30000000000000004").status).toBe("correct");
  });

  it("grades expressions by equivalence, not by spelling", () => {
    const k = key({ kind: "expression", expression: "2(x+3)", variables: ["x"] });
    for (const response of ["2x+6", "6 + 2*x", "(x+3)*2", "x+x+6"])
      expect(checkAnswer(k, response).status).toBe("correct");
    expect(checkAnswer(k, "2x+3").status).toBe("incorrect");
    expect(checkAnswer(k, "2y+6").status).toBe("unreadable");
    const two = key({ kind: "expression", expression: "(a+b)^2", variables: ["a", "b"] });
    expect(checkAnswer(two, "a^2 + 2ab + b^2").status).toBe("correct");
    expect(checkAnswer(two, "a^2 + b^2").status).toBe("incorrect");
  });

  it("grades short text ignoring case and spacing, and leaves open text ungraded", () => {
    const k = key({ kind: "short_text", accepted: ["right angle", "直角"] });
    expect(checkAnswer(k, "  Right   Angle ").status).toBe("correct");
    expect(checkAnswer(k, "直角").status).toBe("correct");
    expect(checkAnswer(k, "acute").status).toBe("incorrect");
    expect(checkAnswer(key({ kind: "open_text" }), "anything").status).toBe("ungraded");
  });
});
