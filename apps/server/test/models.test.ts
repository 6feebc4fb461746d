import { randomBytes } from "node:crypto";
import {
  asId,
  type ClassId,
  type CourseId,
  type ItemId,
  itemObjectId,
  joinCodeFromBytes,
  type Statement,
  type StatementId,
  type TenantId,
  type UserId,
  VERBS,
} from "@pathwise/domain";
import { sha256Hex } from "@pathwise/storage";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHandlers } from "../src/jobs/handlers";
import type { JobRunner } from "../src/jobs/runner";
import { createJobSystem, type JobDeps } from "../src/jobs/system";
import { checkRetraining } from "../src/learner-model/retraining";
import {
  type Caller,
  call,
  PASSWORD,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  type TestApp,
} from "./helpers";

/**
 * Learner models end to end on a real database: a course whose answers come from a known model (each
 * learner masters each concept or not; answers follow with noise), trained by the real job runner in
 * worker threads, registered, selected, promoted and rolled back through the API, retrained on new answers.
 */
const ENV = {
  PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "10000",
  PATHWISE_JOB_POLL_MS: "50",
  PATHWISE_FAIRNESS_MIN_GROUP: "3",
  PATHWISE_FAIRNESS_ATTRIBUTES: "programme",
  PATHWISE_TRAIN_CANDIDATES: "bkt",
};
const quiet = { info() {}, warn() {}, error() {} };
const TINY_DKT = { embeddingSize: 8, hiddenSize: 8, batchSize: 16, maxEpochs: 1 };

/** mulberry32: the synthetic answers are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function answer(learner: UserId, item: string, success: boolean, minute: number): Statement {
  return {
    id: asId<StatementId>(crypto.randomUUID()),
    actor: { id: learner },
    verb: { id: VERBS.answered },
    object: { id: itemObjectId(asId<ItemId>(item)) },
    result: { success },
    timestamp: new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString(),
  };
}

describe.each(testDatabases())("learner models on $name", (target) => {
  let t: TestApp;
  let deps: JobDeps;
  let school: School;
  let admin: Caller;
  let teacher: Caller;
  let learner: Caller;
  let otherAdmin: Caller;
  let courseId: CourseId;
  let items: string[];
  let learners: UserId[];
  let runner: JobRunner | undefined;

  async function course(key: string, concepts: number) {
    const report = await t.repos.content.importCourse({
      tenantId: asId<TenantId>(school.tenantId),
      course: { key, title: { en: `Course ${key}` }, goals: [] },
      concepts: Array.from({ length: concepts }, (_, c) => ({ key: `c${c}`, title: { en: `C${c}` } })),
      prerequisites: [],
      items: Array.from({ length: concepts * 2 }, (_, i) => ({
        key: `i${i}`,
        stem: { en: "?" },
        concepts: [`c${i % concepts}`],
        difficulty: { level: 1 },
        answer: { kind: "numeric" as const, value: 1, tolerance: 0 },
      })),
    });
    const list = await t.repos.content.listItems(asId(school.tenantId), report.courseId, {
      limit: 100,
      offset: 0,
    });
    return { courseId: report.courseId, items: list.map((item) => item.id) };
  }

  /** Answers of `who` on the course, from fixed per-learner mastery of each item's concept. */
  function synthetic(who: readonly UserId[], perLearner: number, seed: number, startMinute = 0) {
    const next = random(seed);
    const statements: Statement[] = [];
    who.forEach((id, l) => {
      const mastered = items.map(() => next() < 0.5);
      for (let k = 0; k < perLearner; k++) {
        const i = Math.floor(next() * items.length);
        const knows = mastered[i % 3] === true;
        const correct = next() < (knows ? 0.9 : 0.15);
        statements.push(answer(id, items[i] as string, correct, startMinute + l * perLearner + k));
      }
    });
    return statements;
  }

  async function startRunner() {
    runner = createJobSystem(deps, { handlers: jobHandlers(deps), periodic: [], logger: quiet });
    runner.start();
  }

  async function waitForJob(jobId: string, timeoutMs = 120_000) {
    const started = Date.now();
    for (;;) {
      const response = await call(t, "GET", `/api/jobs/${jobId}`, { as: admin });
      const job = response.json();
      if (["succeeded", "failed", "cancelled"].includes(job.status)) return job;
      if (Date.now() - started > timeoutMs) throw new Error(`job ${jobId} still ${job.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    t = await startTestApp(target, ENV);
    const { config, db, repos, passwords } = t;
    deps = { config, db, repos, clock: () => new Date() };
    school = await seedSchool(t);
    const other = await seedSchool(t);
    ({ courseId, items } = await course("main", 3));
    const schoolClass = await repos.classes.create({
      tenantId: asId(school.tenantId),
      name: { en: "Synthetic" },
      joinCode: joinCodeFromBytes(randomBytes(8)),
    });
    const passwordHash = await passwords.hash(PASSWORD);
    learners = [];
    for (let l = 0; l < 30; l++) {
      // Fixed ids: the learner split hashes them, so every run splits alike.
      const id = asId<UserId>(`00000000-0000-4000-8000-${String(l).padStart(12, "0")}`);
      await repos.users.create({
        id,
        tenantId: asId(school.tenantId),
        email: `synthetic-${l}-${school.tenantId}@example.org`,
        displayName: `Synthetic ${l}`,
        role: "learner",
        passwordHash,
      });
      await repos.classes.enrol({ classId: schoolClass.id as ClassId, userId: id, role: "learner" });
      await repos.users.setAttributes(id, { programme: l % 2 === 0 ? "yes" : "no" });
      learners.push(id);
    }
    await repos.events.append(asId(school.tenantId), synthetic(learners, 24, 7));
    [admin, teacher, learner, otherAdmin] = [
      await signIn(t, school.admin.email),
      await signIn(t, school.teacher.email),
      await signIn(t, school.learnerA.email),
      await signIn(t, other.admin.email),
    ];
  });
  afterAll(async () => {
    await runner?.stop();
    await t.close();
  });

  it("trains the candidates in a job to completion, registers them with metrics, card and fairness, and promotes the first champion", async () => {
    const body = {
      candidates: [
        { kind: "bkt", config: { maxEpochs: 3 } },
        { kind: "dkt", config: TINY_DKT },
      ],
    };
    const first = await call(t, "POST", `/api/courses/${courseId}/training-jobs`, { as: teacher, body });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ created: true, job: { kind: "train-models", status: "queued" } });
    const again = await call(t, "POST", `/api/courses/${courseId}/training-jobs`, { as: admin, body: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json().job.id).toBe(first.json().job.id);

    await startRunner();
    const job = await waitForJob(first.json().job.id);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: "succeeded", progress: 1 });
    expect(job.result.models).toHaveLength(2);
    expect(job.result.decision.action).toBe("promote");
    expect(job.result.snapshot).toMatchObject({ answers: 720, learners: 30, items: 6, concepts: 3 });

    const models = (await call(t, "GET", `/api/courses/${courseId}/models`, { as: teacher })).json().models;
    expect(models.map((m: { kind: string }) => m.kind).sort()).toEqual(["bkt", "dkt"]);
    const champion = models.find((m: { status: string }) => m.status === "champion");
    expect(champion.id).toBe(job.result.decision.modelId);
    const bkt = models.find((m: { kind: string }) => m.kind === "bkt");
    expect(bkt.test.auc).toBeGreaterThan(0.65);
    expect(bkt.test.count).toBeGreaterThan(50);
    expect(bkt.test.reliability).toHaveLength(10);

    const detail = await call(t, "GET", `/api/models/${bkt.id}`, { as: teacher });
    expect(detail.statusCode).toBe(200);
    const model = detail.json();
    expect(model).not.toHaveProperty("file");
    expect(model.card).toContain("## Metrics per group");
    expect(model.card).toContain("720 answers by 30 learners");
    expect(model.training.epochs).toBeGreaterThanOrEqual(1);
    const stored = await t.repos.models.getFile(asId(school.tenantId), bkt.id);
    expect(model.fileSha256).toBe(sha256Hex(stored?.file ?? new Uint8Array()));
    const dimensions = new Set(model.fairness.map((row: { dimension: string }) => row.dimension));
    expect(dimensions).toEqual(new Set(["class", "attribute:programme"]));
    for (const row of model.fairness)
      expect(row.suppressed ? row.metrics === null && row.learners === null : row.metrics.count > 0).toBe(
        true,
      );

    const decisions = (
      await call(t, "GET", `/api/courses/${courseId}/model-decisions`, { as: teacher })
    ).json();
    expect(decisions.decisions).toEqual([
      expect.objectContaining({
        action: "promote",
        modelId: champion.id,
        actorId: null,
        previousModelId: null,
      }),
    ]);
    expect(decisions.decisions[0].reason).toMatch(/^No champion yet; (bkt|dkt) had the best validation AUC/);
    expect(decisions.decisions[0]).toMatchObject({
      reasonCode: "first-champion",
      comparison: { candidates: 2, challengerKind: champion.kind },
    });
  }, 180_000);

  it("fails a training job on a tiny course at once, with what exists and what is needed", async () => {
    const tiny = await course("tiny", 1);
    const statements = [0, 1, 2].flatMap((l) =>
      [0, 1, 2, 3].map((k) =>
        answer(learners[l] as UserId, tiny.items[0] as string, k % 2 === 0, 500 + l * 4 + k),
      ),
    );
    await t.repos.events.append(asId(school.tenantId), statements);
    const started = await call(t, "POST", `/api/courses/${tiny.courseId}/training-jobs`, {
      as: admin,
      body: {},
    });
    const job = await waitForJob(started.json().job.id);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(1);
    expect(job.error).toBe(
      'Course "Course tiny" has 12 graded answers by 3 learners; training needs at least 200 answers by at least 10 learners',
    );
    const rollback = await call(t, "POST", `/api/courses/${tiny.courseId}/models/rollback`, {
      as: admin,
      body: { reason: "try" },
    });
    expect(rollback.statusCode).toBe(409);
    expect(rollback.json().error.code).toBe("model_conflict");
  }, 60_000);

  it("promotes and rolls back by hand, audited with the admin; learners and other schools are refused", async () => {
    const models = (await call(t, "GET", `/api/courses/${courseId}/models`, { as: admin })).json().models;
    const champion = models.find((m: { status: string }) => m.status === "champion");
    const other = models.find((m: { status: string }) => m.status !== "champion");
    const url = `/api/models/${other.id}/promote`;
    expect((await call(t, "POST", url, { as: learner, body: { reason: "x" } })).statusCode).toBe(403);
    expect((await call(t, "POST", url, { as: teacher, body: { reason: "x" } })).statusCode).toBe(403);
    expect((await call(t, "POST", url, { as: otherAdmin, body: { reason: "x" } })).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/models/${other.id}`, { as: otherAdmin })).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/courses/${courseId}/models`, { as: learner })).statusCode).toBe(403);

    const promoted = await call(t, "POST", url, { as: admin, body: { reason: "compare in class" } });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({
      action: "promote",
      modelId: other.id,
      previousModelId: champion.id,
      actorId: school.admin.id,
      reason: "compare in class",
    });
    expect((await call(t, "POST", url, { as: admin, body: { reason: "again" } })).json().error.code).toBe(
      "model_conflict",
    );
    const rolledBack = await call(t, "POST", `/api/courses/${courseId}/models/rollback`, {
      as: admin,
      body: { reason: "worse on the class" },
    });
    expect(rolledBack.statusCode).toBe(200);
    expect(rolledBack.json()).toMatchObject({
      action: "rollback",
      modelId: champion.id,
      actorId: school.admin.id,
    });
    expect((await t.repos.models.getChampion(asId(school.tenantId), courseId))?.id).toBe(champion.id);
  });

  it("retrains once enough new answers arrive, enqueues once, and compares the challenger with the champion", async () => {
    await runner?.stop();
    runner = undefined;
    const settingsUrl = `/api/courses/${courseId}/model-settings`;
    expect((await call(t, "GET", settingsUrl, { as: teacher })).statusCode).toBe(403);
    const put = await call(t, "PUT", settingsUrl, {
      as: admin,
      body: {
        candidates: [{ kind: "bkt", config: { maxEpochs: 2 } }],
        retrainEveryEvents: 40,
        retrainIntervalHours: null,
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      retrainEveryEvents: 40,
      lastTrainedSeq: expect.any(Number),
      answersSinceTraining: 0,
    });
    expect(put.json().knownKinds).toEqual(expect.arrayContaining(["bkt", "dkt", "sakt"]));
    expect(await checkRetraining(deps)).toEqual([]);

    await t.repos.events.append(asId(school.tenantId), synthetic(learners.slice(0, 10), 4, 11, 1000));
    const since = (await call(t, "GET", settingsUrl, { as: admin })).json().answersSinceTraining;
    expect(since).toBeGreaterThanOrEqual(40);
    const [first, ...none] = await checkRetraining(deps);
    expect(none).toEqual([]);
    expect(first).toMatchObject({ courseId, created: true, trigger: { reason: "new-events" } });
    const [second] = await checkRetraining(deps);
    expect(second).toMatchObject({ jobId: first?.jobId, created: false });

    await startRunner();
    const job = await waitForJob(first?.jobId as string);
    expect(job.status).toBe("succeeded");
    expect(job.payload).toMatchObject({ reason: "new-events" });
    const [latest] = (await call(t, "GET", `/api/courses/${courseId}/model-decisions`, { as: admin })).json()
      .decisions;
    expect(["promote", "reject"]).toContain(latest.action);
    expect(latest).toMatchObject({ actorId: null, modelId: job.result.decision.modelId });
    expect(latest.comparison).toMatchObject({
      championAuc: expect.any(Number),
      challengerAuc: expect.any(Number),
      minGain: 0.002,
    });
    expect(latest.comparison.answers).toBeGreaterThan(0);
    expect(latest.reasonCode).toMatch(/^challenger-(better|not-better)$/);
    expect(await checkRetraining(deps)).toEqual([]);
  }, 120_000);
});
