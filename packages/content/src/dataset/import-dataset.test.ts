import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetsDir } from "@pathwise/ml/data";
import { createRepositories } from "@pathwise/storage";
import { type TestDatabase, testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAssistments } from "./assistments";
import { importAssistmentsDataset } from "./import-dataset";

/** Real database work on a shared 2-core machine; the suite-wide default is 60 s. */
const SLOW_DB_TEST_MS = 180_000;

const assist2009 = join(datasetsDir(), "assist2009", "akt_split");
const assist2015 = join(datasetsDir(), "assist2015", "dkvmn_split");
// The published files live outside the repository (../shared/datasets or $PATHWISE_DATASETS).
const haveData = existsSync(assist2009) && existsSync(assist2015);

/**
 * A small subset of the real files: the first `records` learners of every CSV (4 lines each in AKT
 * 2009, 3 in DKVMN) plus the side files, in a temporary `<name>/<split>` folder like the original.
 */
function subset(dir: string, name: string, linesPerRecord: number, records: number): string {
  const root = mkdtempSync(join(tmpdir(), "pathwise-dataset-"));
  const out = join(root, name, "split");
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (file.endsWith(".csv")) {
      const lines = readFileSync(join(dir, file), "utf8")
        .split("\n")
        .slice(0, linesPerRecord * records);
      writeFileSync(join(out, file), `${lines.join("\n")}\n`);
    } else if (!file.startsWith("SHA256")) copyFileSync(join(dir, file), join(out, file));
  }
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return out;
}
const cleanups: (() => void)[] = [];

describe.skipIf(!haveData)("readAssistments on the real files", () => {
  it(
    "reads every ASSIST2009 learner once and collapses multi-skill repeats into one answer",
    () => {
      const all = readAssistments(assist2009, "akt");
      // The dataset README: 4,151 learners, 110 skills, 16,891 problems, 325,637 positions of which
      // 51,071 repeat the previous problem id (all but 2 with the same answer).
      expect(all.learners).toHaveLength(4151);
      expect(all.skills).toHaveLength(110);
      expect(all.problems).toHaveLength(16891);
      expect(all.learners.reduce((sum, l) => sum + l.answers.length, 0)).toBe(325_637 - 51_071 + 2);
      expect(all.skills.find((s) => s.id === 1)?.name).toBe("Box and Whisker");
      expect(all.problems.some((p) => p.skills.length > 1)).toBe(true);
    },
    SLOW_DB_TEST_MS,
  );
});

describe.skipIf(!haveData).each(testDatabases())("dataset import on $name", (target) => {
  let test: TestDatabase;
  let small2009: string;
  let small2015: string;
  beforeAll(async () => {
    test = await target.open();
    small2009 = subset(assist2009, "assist2009", 4, 12);
    small2015 = subset(assist2015, "assist2015", 3, 8);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await test?.dispose();
  });

  it(
    "imports 20 ASSIST2009 learners as pseudonymous accounts with ordered events, idempotently",
    async () => {
      const repos = createRepositories(test.db);
      const tenant = await repos.tenants.create({
        slug: "assist-school",
        name: { en: "ASSISTments school" },
      });
      const expected = readAssistments(small2009, "akt", 20);
      const answers = expected.learners.reduce((sum, l) => sum + l.answers.length, 0);

      const first = await importAssistmentsDataset(test.db, tenant, {
        dir: small2009,
        format: "akt",
        limitStudents: 20,
      });
      expect(first).toMatchObject({
        course: "assist2009-akt",
        concepts: expected.skills.length,
        items: expected.problems.length,
        learners: { created: 20, existing: 0 },
        events: { stored: answers, unchanged: 0 },
      });
      const again = await importAssistmentsDataset(test.db, tenant, {
        dir: small2009,
        format: "akt",
        limitStudents: 20,
      });
      expect(again).toMatchObject({
        learners: { created: 0, existing: 20 },
        events: { stored: 0, unchanged: answers },
      });
      expect(await repos.events.countForTenant(tenant.id)).toBe(answers);

      const learners = await repos.users.listByTenant(tenant.id, { limit: 50, offset: 0, role: "learner" });
      expect(learners).toHaveLength(20);
      for (const learner of learners) {
        expect(learner.email).toMatch(/@datasets\.pathwise\.test$/);
        const source = expected.learners.find((l) => learner.displayName.endsWith(` ${l.key}`));
        const { events } = await repos.events.history(tenant.id, learner.id, { limit: 2000 });
        expect(events.map((e) => e.statement.result?.success)).toEqual(source?.answers.map((a) => a.correct));
      }
    },
    SLOW_DB_TEST_MS,
  );

  it(
    "imports an ASSIST2015 DKVMN subset: one item per skill when the files have no problem ids",
    async () => {
      const repos = createRepositories(test.db);
      const tenant = await repos.tenants.create({ slug: "assist-2015", name: { en: "ASSISTments 2015" } });
      const report = await importAssistmentsDataset(test.db, tenant, {
        dir: small2015,
        format: "dkvmn",
        limitStudents: 10,
      });
      expect(report.items).toBe(report.concepts);
      expect(report.learners.created).toBe(10);
      const [course] = await repos.content.listCourses(tenant.id);
      const items = await repos.content.listItems(tenant.id, course?.id as never, { limit: 500, offset: 0 });
      expect(items.every((item) => item.key.startsWith("skill-item-") && item.conceptIds.length === 1)).toBe(
        true,
      );
    },
    SLOW_DB_TEST_MS,
  );
});
