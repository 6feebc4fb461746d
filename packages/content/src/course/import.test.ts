import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createRepositories, type Database } from "@pathwise/storage";
import { type TestDatabase, testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { inTransaction } from "../store";
import { type InContentTransaction, importCourseFile } from "./import";

const demoPath = fileURLToPath(new URL("../../courses/middle-school-math.yaml", import.meta.url));

const writer =
  (db: Database): InContentTransaction =>
  (work) =>
    inTransaction(db, (repos) => work(repos.content));

async function counts(db: Database) {
  const { rows } = await db.query<{
    courses: number;
    concepts: number;
    items: number;
    edges: number;
    links: number;
  }>(
    `SELECT (SELECT count(*)::int FROM courses) AS courses, (SELECT count(*)::int FROM concepts) AS concepts,
            (SELECT count(*)::int FROM items) AS items, (SELECT count(*)::int FROM prerequisites) AS edges,
            (SELECT count(*)::int FROM item_concepts) AS links`,
  );
  return rows[0];
}

describe.each(testDatabases())("course import on $name", (target) => {
  let test: TestDatabase;
  let demo: Record<string, unknown>;
  beforeAll(async () => {
    test = await target.open();
    demo = parse(await readFile(demoPath, "utf8"));
  });
  afterAll(() => test?.dispose());

  async function school(slug: string) {
    return createRepositories(test.db).tenants.create({ slug, name: { en: slug } });
  }

  it("imports the demo course, and re-importing it updates without duplicating", async () => {
    const tenant = await school("import-twice");
    const first = await importCourseFile(demo, tenant.id, writer(test.db));
    expect(first).toMatchObject({
      ok: true,
      courses: [
        { key: "middle-school-math", course: "created", concepts: { created: 30 }, items: { created: 92 } },
      ],
    });
    const before = await counts(test.db);
    const again = await importCourseFile(demo, tenant.id, writer(test.db));
    expect(again).toMatchObject({
      ok: true,
      courses: [
        { course: "updated", concepts: { created: 0, updated: 30 }, items: { created: 0, updated: 92 } },
      ],
    });
    expect(await counts(test.db)).toEqual(before);
  });

  it("writes nothing when the file has a problem, and reports it per item by key", async () => {
    const tenant = await school("import-invalid");
    const before = await counts(test.db);
    const broken = structuredClone(demo) as { items: { answer: unknown }[] };
    (broken.items[2] as { answer: unknown }).answer = "z";
    const result = await importCourseFile(broken, tenant.id, writer(test.db));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "items[2] (whole-numbers.divide-bags).answer",
          message: 'answer "z" is not one of the choices a, b, c, d',
        },
      ],
    });
    expect(await counts(test.db)).toEqual(before);
  });

  it("rolls back every course of the file when the database fails half-way", async () => {
    const tenant = await school("import-rollback");
    const before = await counts(test.db);
    const twoCourses = structuredClone(demo) as { courses: Record<string, unknown>[] };
    twoCourses.courses.push({ ...twoCourses.courses[0], key: "second-course" });
    // The second course is written after the first inside the same transaction; make it fail for real.
    const failing: InContentTransaction = (work) =>
      inTransaction(test.db, (repos) =>
        work({
          async importCourse(input) {
            const report = await repos.content.importCourse(input);
            if (input.course.key === "second-course")
              await repos.content.importCourse({
                ...input,
                tenantId: "00000000-0000-4000-8000-000000000000" as never,
              });
            return report;
          },
        }),
      );
    await expect(importCourseFile(twoCourses, tenant.id, failing)).rejects.toThrow();
    expect(await counts(test.db)).toEqual(before);
  });
});
