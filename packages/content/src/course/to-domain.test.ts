import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { checkAnswer, ItemDefinitionSchema } from "@pathwise/domain";
import { describe, expect, it } from "vitest";
import { parseCourseText } from "./load";
import { toCourseContents } from "./to-domain";
import { validateCourseFile } from "./validate";

const demoPath = fileURLToPath(new URL("../../courses/middle-school-math.yaml", import.meta.url));

async function demoContent() {
  const parsed = parseCourseText(await readFile(demoPath, "utf8"), demoPath);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const result = validateCourseFile(parsed.value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const [content] = toCourseContents(result.course);
  if (!content) throw new Error("the demo file has one course");
  return content;
}

describe("toCourseContent on the demo curriculum", () => {
  it("produces items the domain accepts, whose keys the domain's answer checker can read", async () => {
    const content = await demoContent();
    for (const item of content.items) {
      const { explanation: _explanation, ...definition } = item;
      expect(ItemDefinitionSchema.safeParse(definition).success, item.key).toBe(true);
      const key = item.answer;
      // The stored answer must be gradable by the domain checker: expressions parse, numbers read.
      const canonical =
        key.kind === "multiple_choice"
          ? key.correct.join(",")
          : key.kind === "numeric"
            ? String(key.value)
            : key.kind === "expression"
              ? key.expression
              : key.kind === "short_text"
                ? (key.accepted[0] ?? "")
                : "any text";
      const expected = key.kind === "open_text" ? "ungraded" : "correct";
      expect(checkAnswer(key, canonical).status, item.key).toBe(expected);
    }
  });

  it("puts every concept, edge and item of the demo file into its one course", async () => {
    const content = await demoContent();
    expect(content.prerequisites.length).toBeGreaterThan(30);
    expect(content.concepts).toHaveLength(30);
    expect(content.items).toHaveLength(92);
  });

  it("accepts a wrong answer as incorrect and an equivalent expression as correct", async () => {
    const content = await demoContent();
    const byKey = new Map(content.items.map((item) => [item.key, item]));
    const expand = byKey.get("expressions.distribute");
    const slope = byKey.get("linear.slope");
    if (!expand || !slope) throw new Error("demo items missing");
    expect(checkAnswer(expand.answer, "-15 + 6y").status).toBe("correct");
    expect(checkAnswer(expand.answer, "6y - 5").status).toBe("incorrect");
    expect(checkAnswer(slope.answer, "2").status).toBe("incorrect");
  });
});
