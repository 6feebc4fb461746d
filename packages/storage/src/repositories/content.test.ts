import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchoolWithLearners } from "../test-fixtures";
import { type TestDatabase, testDatabases } from "../testing";
import { ContentImportError, type CourseImport } from "./content-types";
import { createRepositories, type Repositories } from "./index";

function fractionsCourse(tenantId: CourseImport["tenantId"]): CourseImport {
  return {
    tenantId,
    course: {
      key: "fractions-101",
      title: { en: "Fractions", "zh-CN": "分数" },
      goals: [{ key: "ratios-goal", title: { en: "Understand ratios" }, targets: ["ratios"] }],
    },
    concepts: [
      { key: "integers", title: { en: "Integers", "zh-CN": "整数" } },
      { key: "fractions", title: { en: "Fractions", "zh-CN": "分数" } },
      { key: "ratios", title: { en: "Ratios", "zh-CN": "比" } },
    ],
    prerequisites: [
      { concept: "fractions", requires: "integers" },
      { concept: "ratios", requires: "fractions" },
    ],
    items: [
      {
        key: "half",
        stem: { en: "What is 1/2 + 1/4?" },
        concepts: ["fractions"],
        difficulty: { level: 2 },
        answer: { kind: "numeric", value: 0.75, tolerance: 0 },
      },
      {
        key: "ratio-1",
        stem: { en: "Simplify 2:4" },
        concepts: ["ratios", "fractions"],
        difficulty: { level: 3 },
        answer: { kind: "short_text", accepted: ["1:2"], caseSensitive: false },
      },
    ],
  };
}

describe.each(testDatabases())("content repository on $name", (target) => {
  let handle: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
  });
  afterAll(() => handle.dispose());

  it("imports a course, then re-imports it as an update keyed by stable keys", async () => {
    const { tenant } = await createSchoolWithLearners(repos, 0);
    const input = fractionsCourse(tenant.id);
    const first = await repos.content.importCourse(input);
    expect(first).toMatchObject({
      course: "created",
      concepts: { created: 3, updated: 0 },
      items: { created: 2, updated: 0 },
    });
    const second = await repos.content.importCourse({
      ...input,
      concepts: input.concepts.map((c) =>
        c.key === "ratios" ? { ...c, title: { en: "Ratios and rates" } } : c,
      ),
    });
    expect(second).toMatchObject({
      courseId: first.courseId,
      course: "updated",
      concepts: { created: 0, updated: 3 },
    });

    const graph = await repos.content.getConceptGraph(tenant.id, first.courseId);
    expect(graph?.concepts.map((c) => c.key)).toEqual(["integers", "fractions", "ratios"]);
    expect(graph?.concepts[2]?.title).toEqual({ en: "Ratios and rates" });
    expect(graph?.prerequisites).toHaveLength(2);
    const items = await repos.content.listItems(tenant.id, first.courseId, { limit: 10, offset: 0 });
    expect(items.map((i) => [i.key, i.conceptIds.length])).toEqual([
      ["half", 1],
      ["ratio-1", 2],
    ]);
    const ratioConcept = graph?.concepts.find((c) => c.key === "ratios");
    const filtered = await repos.content.listItems(tenant.id, first.courseId, {
      limit: 10,
      offset: 0,
      ...(ratioConcept ? { conceptId: ratioConcept.id } : {}),
    });
    expect(filtered.map((i) => i.key)).toEqual(["ratio-1"]);
  });

  it("rejects a cycle and bad references, naming them, and writes nothing", async () => {
    const { tenant } = await createSchoolWithLearners(repos, 0);
    const input = fractionsCourse(tenant.id);
    const cyclic = {
      ...input,
      prerequisites: [...input.prerequisites, { concept: "integers", requires: "ratios" }],
    };
    await expect(repos.content.importCourse(cyclic)).rejects.toThrow(
      "Prerequisite cycle: integers → fractions → ratios → integers",
    );
    const badRef = {
      ...input,
      items: [{ ...(input.items[0] as CourseImport["items"][number]), concepts: ["decimals"] }],
    };
    const error = await repos.content.importCourse(badRef).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentImportError);
    expect((error as ContentImportError).problems).toEqual([
      "item 'half' refers to unknown concept 'decimals'",
    ]);
    expect(await repos.content.listCourses(tenant.id)).toEqual([]);
  });

  it("keeps tenants apart", async () => {
    const a = await createSchoolWithLearners(repos, 0);
    const b = await createSchoolWithLearners(repos, 0);
    const report = await repos.content.importCourse(fractionsCourse(a.tenant.id));
    expect(await repos.content.getCourse(b.tenant.id, report.courseId)).toBeUndefined();
    const items = await repos.content.listItems(a.tenant.id, report.courseId, { limit: 1, offset: 0 });
    const itemId = items[0]?.id;
    expect(itemId).toBeDefined();
    if (itemId) expect(await repos.content.getItem(b.tenant.id, itemId)).toBeUndefined();
  });
});
