import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { importAssistmentsDataset } from "@pathwise/content";
import { asId, type TenantId, VERBS } from "@pathwise/domain";
import { datasetsDir } from "@pathwise/ml/data";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHandlers } from "../src/jobs/handlers";
import type { JobLogger, JobRunner } from "../src/jobs/runner";
import { createJobSystem } from "../src/jobs/system";
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
 * The learner-model loop of issue 4 end to end, on real ASSIST2009 learners: import a subset into a school →
 * a training job runs to completion with progress → a champion is registered with metrics → mastery and
 * predictions are served by it → new answers shift mastery → a rating is recorded → retraining triggered by
 * new answers trains a challenger that is compared with the champion and promoted or rejected, on record.
 */
const DATA = join(datasetsDir(), "assist2009", "akt_split");
const LEARNERS = 60;
/** Small and quick: the loop, not accuracy, is under test (accuracy: docs/benchmarks/kt.md). */
const CANDIDATES = [
  { kind: "bkt" },
  { kind: "dkt", config: { embeddingSize: 16, hiddenSize: 16, maxEpochs: 1 } },
];
const silent: JobLogger = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!existsSync(DATA)).each(testDatabases())("learner-model loop on $name", (target) => {
  let t: TestApp;
  let school: School;
  let admin: Caller;
  let runner: JobRunner;
  let courseId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_TRAIN_MAX_EPOCHS: "2" });
    school = await seedSchool(t);
    admin = await signIn(t, school.admin.email);
    const tenant = await t.repos.tenants.get(asId<TenantId>(school.tenantId));
    if (!tenant) throw new Error("school missing");
    const report = await importAssistmentsDataset(t.db, tenant, {
      dir: DATA,
      format: "akt",
      limitStudents: LEARNERS,
    });
    const course = await t.repos.content.findCourseByKey(tenant.id, report.course);
    if (!course) throw new Error(`imported course ${report.course} not found`);
    courseId = course.id;
    runner = createJobSystem(
      { config: t.config, db: t.db, repos: t.repos, clock: () => new Date() },
      {
        handlers: jobHandlers({ config: t.config, db: t.db, repos: t.repos, clock: () => new Date() }),
        periodic: [],
        logger: silent,
      },
    );
    runner.start();
  }, 240_000);
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  /** Polls the job through the API until it ends; returns its final view and every progress seen. */
  async function finish(jobId: string) {
    const seen: number[] = [];
    const deadline = Date.now() + 240_000;
    for (;;) {
      runner.wake();
      const response = await call(t, "GET", `/api/jobs/${jobId}`, { as: admin });
      expect(response.statusCode).toBe(200);
      const job = response.json();
      seen.push(job.progress);
      if (["succeeded", "failed", "cancelled"].includes(job.status)) return { job, seen };
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} after 4 minutes`);
      await sleep(250);
    }
  }

  async function masteryOf(learnerId: string) {
    const response = await call(t, "GET", `/api/learners/${learnerId}/courses/${courseId}/mastery`, {
      as: admin,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  let championId: string;
  let learnerId: string;

  it("trains on the imported answers, reports progress, and registers a champion with metrics", async () => {
    const started = await call(t, "POST", `/api/courses/${courseId}/training-jobs`, {
      as: admin,
      body: { candidates: CANDIDATES },
    });
    expect(started.statusCode, started.body).toBe(202);
    const { job, seen } = await finish(started.json().job.id);
    expect(job.error ?? null).toBeNull();
    expect(job.status).toBe("succeeded");
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect(job.progress).toBe(1);

    const models = (await call(t, "GET", `/api/courses/${courseId}/models`, { as: admin })).json().models;
    expect(models).toHaveLength(CANDIDATES.length);
    const champion = models.find((m: { status: string }) => m.status === "champion");
    expect(champion).toBeDefined();
    championId = champion.id;
    // Held-out learners of real data: better than chance, far from perfect.
    expect(champion.test.auc).toBeGreaterThan(0.6);
    expect(champion.test.auc).toBeLessThan(0.99);
    const detail = (await call(t, "GET", `/api/models/${championId}`, { as: admin })).json();
    expect(detail.card).toContain(champion.kind);
  }, 300_000);

  it("serves mastery, predictions and explanations from the champion", async () => {
    const learner = await t.repos.users.create({
      tenantId: asId<TenantId>(school.tenantId),
      email: `loop-${randomUUID().slice(0, 8)}@example.org`,
      displayName: "loop learner",
      role: "learner",
      passwordHash: await t.passwords.hash(PASSWORD),
    });
    learnerId = learner.id;
    const mastery = await masteryOf(learnerId);
    expect(mastery.model).toMatchObject({ interim: false, modelId: championId });

    const items = (await call(t, "GET", `/api/courses/${courseId}/items?limit=50`, { as: admin })).json()
      .items;
    const ids = items.map((i: { id: string }) => i.id);
    const predictions = await call(
      t,
      "GET",
      `/api/learners/${learnerId}/courses/${courseId}/predictions?items=${ids.join(",")}`,
      { as: admin },
    );
    expect(predictions.statusCode).toBe(200);
    const values = predictions.json().predictions.map((p: { pCorrect: number }) => p.pCorrect);
    expect(values).toHaveLength(ids.length);
    for (const p of values) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  }, 60_000);

  it("shifts mastery as new answers arrive, and records a rating", async () => {
    const concepts = (await masteryOf(learnerId)).concepts as {
      conceptId: string;
      key: string;
      mastery: number;
    }[];
    const items = (await call(t, "GET", `/api/courses/${courseId}/items?limit=500`, { as: admin })).json()
      .items as {
      id: string;
      conceptIds: string[];
    }[];
    // The concept with the most items: answer five of them correctly.
    const counts = new Map<string, number>();
    for (const item of items) for (const c of item.conceptIds) counts.set(c, (counts.get(c) ?? 0) + 1);
    const [conceptId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const before = concepts.find((c) => c.conceptId === conceptId)?.mastery ?? 0;
    const practised = items.filter((i) => i.conceptIds.includes(conceptId)).slice(0, 5);
    const learner = await signIn(t, (await t.repos.users.get(asId(learnerId)))?.email ?? "");
    const statements = practised.map((item, i) => ({
      id: randomUUID(),
      actor: { id: learnerId },
      verb: { id: VERBS.answered },
      object: { id: `urn:pathwise:item:${item.id}` },
      result: { success: true, response: "ok" },
      timestamp: new Date(Date.now() + i * 1000).toISOString(),
    }));
    expect((await call(t, "POST", "/api/events", { as: learner, body: statements })).statusCode).toBeLessThan(
      300,
    );
    const after = (await masteryOf(learnerId)).concepts.find(
      (c: { conceptId: string }) => c.conceptId === conceptId,
    ).mastery;
    expect(after).toBeGreaterThan(before);

    const explanation = await call(
      t,
      "GET",
      `/api/learners/${learnerId}/courses/${courseId}/explanations?item=${practised[0]?.id}`,
      { as: admin },
    );
    expect(explanation.statusCode).toBe(200);
    const why = explanation.json();
    expect(why.model.modelId).toBe(championId);
    expect(why.influences.length).toBeGreaterThan(0);
    for (const influence of why.influences) expect(Number.isFinite(influence.weight)).toBe(true);

    const rated = await call(t, "POST", `/api/learners/${learnerId}/recommendation-feedback`, {
      as: learner,
      body: { id: randomUUID(), itemId: practised[0]?.id, rating: "too_easy" },
    });
    expect(rated.statusCode).toBe(200);
    const history = (await call(t, "GET", `/api/learners/${learnerId}/events`, { as: admin })).json();
    expect(JSON.stringify(history)).toContain("too_easy");
  }, 60_000);

  it("retrains after new answers and records the champion/challenger decision", async () => {
    const settings = await call(t, "PUT", `/api/courses/${courseId}/model-settings`, {
      as: admin,
      body: { candidates: CANDIDATES.slice(0, 1), retrainEveryEvents: 5, retrainIntervalHours: null },
    });
    expect(settings.statusCode).toBe(200);
    const checks = await checkRetraining({ repos: t.repos, clock: () => new Date() });
    const check = checks.find((c) => c.courseId === courseId);
    expect(check?.created).toBe(true);
    const { job } = await finish(check?.jobId ?? "");
    expect(job.status).toBe("succeeded");

    const decisions = (await call(t, "GET", `/api/courses/${courseId}/model-decisions`, { as: admin })).json()
      .decisions as { action: string; modelId: string; comparison: Record<string, unknown> }[];
    // First the initial promotion, then the verdict on the retrained challenger, with its comparison.
    const verdict = decisions.find(
      (d) => d.modelId !== championId && ["promote", "reject"].includes(d.action),
    );
    expect(verdict).toBeDefined();
    expect(Object.keys(verdict?.comparison ?? {}).length).toBeGreaterThan(0);
    const models = (await call(t, "GET", `/api/courses/${courseId}/models`, { as: admin })).json().models as {
      id: string;
      status: string;
    }[];
    const challenger = models.find((m) => m.id === verdict?.modelId);
    expect(challenger?.status).toBe(verdict?.action === "promote" ? "champion" : "rejected");
    // The mastery endpoint serves whichever model is champion now.
    const now = models.find((m) => m.status === "champion");
    expect((await masteryOf(learnerId)).model.modelId).toBe(now?.id);
  }, 300_000);
});
