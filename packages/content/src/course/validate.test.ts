import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCourseText } from "./load";
import { validateCourseFile } from "./validate";

const demoPath = fileURLToPath(new URL("../../courses/middle-school-math.yaml", import.meta.url));
const docsPath = fileURLToPath(new URL("../../../../docs/course-format.md", import.meta.url));

/** A small valid course; tests break one thing at a time. */
function validCourse() {
  return {
    format: "pathwise.course/v1",
    locales: ["en", "zh-CN"],
    concepts: [
      { key: "fractions", title: { en: "Fractions", "zh-CN": "分数" } },
      { key: "ratios", title: { en: "Ratios", "zh-CN": "比" }, prerequisites: ["fractions"] },
      { key: "percent", title: { en: "Percent", "zh-CN": "百分数" }, prerequisites: ["ratios"] },
    ],
    items: [
      {
        key: "half",
        kind: "multiple_choice",
        concepts: ["fractions"],
        difficulty: 1,
        prompt: { en: "Which is one half?", "zh-CN": "哪个是二分之一？" },
        choices: [
          { key: "a", text: { en: "1/2", "zh-CN": "1/2" } },
          { key: "b", text: { en: "2/3", "zh-CN": "2/3" } },
        ],
        answer: "a",
      },
    ],
    courses: [
      {
        key: "basics",
        title: { en: "Basics", "zh-CN": "基础" },
        goals: [{ key: "percent", title: { en: "Percent", "zh-CN": "百分数" }, targets: ["percent"] }],
      },
    ],
  };
}

function problemsOf(raw: unknown) {
  const result = validateCourseFile(raw);
  if (result.ok) throw new Error("expected the course to be rejected");
  return result.problems;
}

describe("validateCourseFile", () => {
  it("accepts a valid course and fills defaults", () => {
    const result = validateCourseFile(validCourse());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.course.concepts[0]?.prerequisites).toEqual([]);
      expect(result.course.items[0]?.difficulty).toEqual({ level: 1 });
    }
  });

  it("names the path of every shape problem at once", () => {
    const raw = validCourse();
    (raw.concepts[1] as Record<string, unknown>).title = { en: "" };
    (raw.items[0] as Record<string, unknown>).kind = "essay";
    (raw.concepts[2] as Record<string, unknown>).colour = "red";
    const paths = problemsOf(raw).map((p) => p.path);
    expect(paths).toContain("concepts[1].title.en");
    expect(paths).toContain("items[0].kind");
    expect(paths).toContain("concepts[2]");
  });

  it("reports unknown keys, duplicates, bad answers and missing translations with their paths", () => {
    const raw = validCourse();
    raw.concepts[2]?.prerequisites?.push("geometry");
    raw.concepts.push({ key: "ratios", title: { en: "Ratios again", "zh-CN": "比" } });
    const item = raw.items[0] as Record<string, unknown>;
    item.answer = "c";
    item.concepts = ["fractions", "algebra"];
    item.explanation = { en: "Half is 1/2." };
    const goal = raw.courses[0]?.goals[0] as { targets: string[] };
    goal.targets.push("calculus");
    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        { path: "concepts[2].prerequisites[1]", message: 'unknown concept key "geometry"' },
        { path: "concepts[3].key", message: 'duplicate key "ratios"' },
        { path: "items[0].answer", message: 'answer "c" is not one of the choices a, b' },
        { path: "items[0].concepts[1]", message: 'unknown concept key "algebra"' },
        { path: "items[0].explanation.zh-CN", message: 'missing the "zh-CN" text the file declares' },
        { path: "courses[0].goals[0].targets[1]", message: 'unknown concept key "calculus"' },
      ]),
    );
  });

  it("rejects a prerequisite cycle and names it", () => {
    const raw = validCourse();
    (raw.concepts[0] as { prerequisites?: string[] }).prerequisites = ["percent"];
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/cycle/i);
    for (const key of ["fractions", "ratios", "percent"]) expect(problems[0]?.message).toContain(key);
    expect(problems[0]?.path).toMatch(/^concepts\[\d\]\.prerequisites$/);
  });

  it("reports YAML syntax errors instead of throwing", () => {
    const parsed = parseCourseText("concepts: [unclosed", "broken.yaml");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/^not valid yaml/);
  });

  it("accepts the demo middle-school curriculum: ~30 concepts, every one with items, in both languages", async () => {
    const parsed = parseCourseText(await readFile(demoPath, "utf8"), demoPath);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = validateCourseFile(parsed.value);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    const { concepts, items } = result.course;
    expect(concepts.length).toBeGreaterThanOrEqual(28);
    expect(result.course.locales).toEqual(["en", "zh-CN"]);
    for (const concept of concepts) {
      expect(items.filter((item) => item.concepts.includes(concept.key)).length).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(items.map((item) => item.kind)).size).toBe(5);
  });

  it("accepts the full example in docs/course-format.md", async () => {
    const docs = await readFile(docsPath, "utf8");
    const example = /```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    if (!example) throw new Error("no yaml example in the docs");
    const parsed = parseCourseText(example, "example.yaml");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = validateCourseFile(parsed.value);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("reads the same course written as JSON", async () => {
    const yaml = parseCourseText(await readFile(demoPath, "utf8"), demoPath);
    if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
    const json = parseCourseText(JSON.stringify(yaml.value), "middle-school-math.json");
    if (!json.ok) throw new Error(JSON.stringify(json.problems));
    expect(validateCourseFile(json.value)).toEqual(validateCourseFile(yaml.value));
    const broken = parseCourseText('{"format": ', "broken.json");
    expect(broken.ok ? "" : broken.problems[0]?.message).toMatch(/^not valid json/);
  });
});
