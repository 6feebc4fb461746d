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
import { asId } from "@pathwise/domain";
import { datasetsDir } from "@pathwise/ml/data";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobRunner, type JobRunner } from "../src/jobs/runner";
import { datasetImportHandler } from "../src/use-cases/dataset-import-job";
import { type Caller, call, type School, seedSchool, signIn, startTestApp, type TestApp } from "./helpers";

const courseFile = new URL("../../../packages/content/courses/middle-school-math.yaml", import.meta.url);
const demoYaml = readFileSync(courseFile, "utf8");

/** Well-shaped, but with an unknown prerequisite key and a multiple-choice answer that is not a choice. */
const brokenCourse = JSON.stringify({
  format: "pathwise.course/v1",
  locales: ["en"],
  concepts: [{ key: "a", title: { en: "A" }, prerequisites: ["missing"] }],
  items: [
    {
      key: "q1",
      kind: "multiple_choice",
      concepts: ["a"],
      difficulty: { level: 1 },
      prompt: { en: "Pick" },
      choices: [
        { key: "x", text: { en: "X" } },
        { key: "z", text: { en: "Z" } },
      ],
      answer: "y",
    },
  ],
  courses: [{ key: "c", title: { en: "C" }, goals: [{ key: "g", title: { en: "G" }, targets: ["a"] }] }],
});

/**
 * A copy of the first learners of the real ASSIST2009 DKVMN split in `<root>/assist2009/dkvmn_split`
 * (3 lines per learner), so the job reads a few kilobytes instead of 7 MB.
 */
const realSplit = join(datasetsDir(), "assist2009", "dkvmn_split");
const haveData = existsSync(realSplit);
function datasetsRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "pathwise-datasets-"));
  const out = join(root, "assist2009", "dkvmn_split");
  mkdirSync(out, { recursive: true });
  if (!haveData) return root;
  for (const file of readdirSync(realSplit)) {
    if (file.endsWith(".csv")) {
      const lines = readFileSync(join(realSplit, file), "utf8")
        .split("\n")
        .slice(0, 3 * 6);
      writeFileSync(join(out, file), `${lines.join("\n")}\n`);
    } else if (!file.startsWith("SHA256")) copyFileSync(join(realSplit, file), join(out, file));
  }
  // Not a split: no complete fold, so it is not listed.
  mkdirSync(join(root, "empty", "akt_split"), { recursive: true });
  return root;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases())("imports API on $name", (target) => {
  let t: TestApp;
  let school: School;
  let admin: Caller;
  let teacher: Caller;
  const root = datasetsRoot();

  beforeAll(async () => {
    t = await startTestApp(target, {
      PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "10000",
      PATHWISE_DATASETS: root,
    });
    school = await seedSchool(t);
    admin = await signIn(t, school.admin.email);
    teacher = await signIn(t, school.teacher.email);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const courses = async () => (await call(t, "GET", "/api/courses", { as: admin })).json().courses;

  it("checks a course file without writing, imports it in one go, and re-imports it as updates", async () => {
    const body = { filename: "middle-school-math.yaml", text: demoYaml };
    const checked = await call(t, "POST", "/api/courses/import?check=true", { as: admin, body });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ outcome: "checked", concepts: 30, items: 92 });
    expect(checked.json().courses).toHaveLength(1);
    expect(await courses()).toEqual([]);

    const imported = await call(t, "POST", "/api/courses/import", { as: admin, body });
    expect(imported.statusCode).toBe(200);
    const [course] = imported.json().courses;
    expect(imported.json().outcome).toBe("imported");
    expect(course).toMatchObject({ course: "created", concepts: { created: 30, updated: 0 } });
    expect(course.items.created).toBe(92);
    expect((await courses()).map((c: { id: string }) => c.id)).toEqual([course.id]);

    const again = await call(t, "POST", "/api/courses/import", { as: admin, body });
    expect(again.json().courses[0]).toMatchObject({
      id: course.id,
      course: "updated",
      concepts: { created: 0, updated: 30 },
      items: { created: 0, updated: 92 },
    });
  });

  it("answers 422 with every problem's path and message, and writes nothing", async () => {
    const before = await courses();
    const broken = await call(t, "POST", "/api/courses/import", {
      as: admin,
      body: { filename: "broken.json", text: brokenCourse },
    });
    expect(broken.statusCode).toBe(422);
    const error = broken.json().error;
    expect(error.code).toBe("course_invalid");
    expect(error.message).toMatch(/^broken\.json has \d+ problems; nothing was imported$/);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "concepts[0].prerequisites[0]",
          message: 'unknown concept key "missing"',
        }),
        expect.objectContaining({ field: "items[0] (q1).answer" }),
      ]),
    );
    const check = await call(t, "POST", "/api/courses/import?check=true", {
      as: admin,
      body: { filename: "broken.json", text: brokenCourse },
    });
    // A check succeeds in finding the problems: 200 with the same list.
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      outcome: "problems",
      problems: error.issues.map(({ field, message }: { field: string; message: string }) => ({
        path: field,
        message,
      })),
    });

    const syntax = await call(t, "POST", "/api/courses/import", {
      as: admin,
      body: { filename: "course.yaml", text: "concepts: [unclosed" },
    });
    expect(syntax.statusCode).toBe(422);
    expect(syntax.json().error.issues[0].field).toBe("(file)");
    expect(syntax.json().error.issues[0].message).toMatch(/^not valid yaml/);

    const extension = await call(t, "POST", "/api/courses/import", {
      as: admin,
      body: { filename: "course.txt", text: demoYaml },
    });
    expect(extension.json().error.issues[0].message).toMatch(/unsupported extension "\.txt"/);
    expect(await courses()).toEqual(before);
  });

  it("refuses a body over the limit with 413", async () => {
    const huge = await call(t, "POST", "/api/courses/import", {
      as: admin,
      body: { filename: "big.yaml", text: "x".repeat(t.config.bodyLimitBytes + 1) },
    });
    expect(huge.statusCode).toBe(413);
  });

  it("lets only admins import (teachers and learners 403)", async () => {
    const learner = await signIn(t, school.learnerA.email);
    for (const as of [teacher, learner]) {
      const course = await call(t, "POST", "/api/courses/import", {
        as,
        body: { filename: "c.yaml", text: demoYaml },
      });
      expect(course.statusCode).toBe(403);
      expect((await call(t, "GET", "/api/datasets", { as })).statusCode).toBe(403);
      const dataset = await call(t, "POST", "/api/datasets/import", {
        as,
        body: { dataset: "assist2009", format: "dkvmn" },
      });
      expect(dataset.statusCode).toBe(403);
    }
  });

  it("refuses a dataset that is not in the list, and any path", async () => {
    for (const dataset of ["assist2099", "empty"]) {
      const response = await call(t, "POST", "/api/datasets/import", {
        as: admin,
        body: { dataset, format: "akt" },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain(`no dataset "${dataset}"`);
    }
    const traversal = await call(t, "POST", "/api/datasets/import", {
      as: admin,
      body: { dataset: "../assist2009", format: "dkvmn" },
    });
    expect(traversal.statusCode).toBe(400);
    expect(traversal.json().error.field).toBe("body.dataset");
  });

  it.skipIf(!haveData)(
    "lists the splits and imports one by a job that reports progress and creates the course",
    async () => {
      const list = await call(t, "GET", "/api/datasets", { as: admin });
      expect(list.json().datasets).toEqual([
        { name: "assist2009", format: "dkvmn", folds: 5, courseKey: "assist2009-dkvmn" },
      ]);

      const body = { dataset: "assist2009", format: "dkvmn", limitStudents: 4 };
      const started = await call(t, "POST", "/api/datasets/import", { as: admin, body });
      expect(started.statusCode).toBe(202);
      expect(started.json().job).toMatchObject({ kind: "import-dataset", status: "queued" });
      const again = await call(t, "POST", "/api/datasets/import", { as: admin, body });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false, job: { id: started.json().job.id } });

      const runner: JobRunner = createJobRunner({
        jobs: t.repos.jobs,
        handlers: [
          datasetImportHandler({ config: t.config, db: t.db, repos: t.repos, clock: () => new Date() }),
        ],
        logger: { info() {}, warn() {}, error() {} },
        concurrency: 1,
        pollMs: 20,
        leaseMs: 10_000,
        progressIntervalMs: 10,
      });
      runner.start();
      try {
        let job = started.json().job;
        const deadline = Date.now() + 30_000;
        while (!["succeeded", "failed", "cancelled"].includes(job.status) && Date.now() < deadline) {
          await sleep(50);
          job = (await call(t, "GET", `/api/jobs/${job.id}`, { as: admin })).json();
        }
        expect(job.status, job.error ?? "").toBe("succeeded");
        expect(job.progress).toBe(1);
        expect(job.result).toMatchObject({
          course: "assist2009-dkvmn",
          learners: { created: 4, existing: 0 },
        });
        expect(job.result.events.stored).toBeGreaterThan(0);
        const course = await call(t, "GET", `/api/courses/${job.result.courseId}`, { as: admin });
        expect(course.json().key).toBe("assist2009-dkvmn");
        expect(await t.repos.events.countForTenant(asId(school.tenantId))).toBe(job.result.events.stored);
      } finally {
        await runner.stop(5_000);
      }
    },
  );
});
