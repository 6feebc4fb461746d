import { asId, type TenantId } from "@pathwise/domain";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type JobHandler, PermanentJobError } from "../src/jobs/contract";
import { createJobRunner, type JobLogger, type JobRunner } from "../src/jobs/runner";
import { type Caller, call, type School, seedSchool, signIn, startTestApp, type TestApp } from "./helpers";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value, failing after `timeoutMs`. */
async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await sleep(20);
  }
}

/** A logger that keeps what it was told, so tests can see errors were logged instead of thrown. */
function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const logger: JobLogger = {
    info: (_, message) => lines.push({ level: "info", message }),
    warn: (_, message) => lines.push({ level: "warn", message }),
    error: (_, message) => lines.push({ level: "error", message }),
  };
  return { logger, lines };
}

describe.each(testDatabases())("job runner and jobs API on $name", (target) => {
  let t: TestApp;
  let school: School;
  let tenantId: TenantId;
  let teacher: Caller;
  let runner: JobRunner | undefined;
  const gates = new Map<string, () => void>();
  const seen: { kind: string; attempt: number; aborted?: unknown }[] = [];

  // biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types in one list.
  const handlers: JobHandler<any>[] = [
    {
      kind: "echo",
      payload: z.strictObject({ value: z.number() }),
      async run({ payload, progress }) {
        progress(0.5, "halfway");
        return { doubled: payload.value * 2 };
      },
    },
    {
      kind: "gated",
      payload: z.strictObject({ gate: z.string() }),
      async run({ payload, progress, signal }) {
        progress(0.25, "waiting at the gate");
        await new Promise<void>((resolve, reject) => {
          gates.set(payload.gate, resolve);
          signal.addEventListener("abort", () => reject(new Error(`aborted: ${signal.reason}`)));
        });
        return "opened";
      },
    },
    {
      kind: "flaky",
      payload: z.object({}),
      maxAttempts: 3,
      async run({ attempt }) {
        seen.push({ kind: "flaky", attempt });
        throw new Error(`flaky failure on attempt ${attempt}`);
      },
    },
    {
      kind: "hopeless",
      payload: z.object({}),
      async run({ attempt }) {
        seen.push({ kind: "hopeless", attempt });
        throw new PermanentJobError("the course has no events to train on");
      },
    },
  ];

  function startRunner(logger: JobLogger = recordingLogger().logger, leaseMs = 3_000): JobRunner {
    runner = createJobRunner({
      jobs: t.repos.jobs,
      handlers,
      logger,
      concurrency: 2,
      pollMs: 20,
      leaseMs,
      retryBaseMs: 50,
      progressIntervalMs: 10,
    });
    runner.start();
    return runner;
  }
  const enqueue = (kind: string, payload: unknown, extra: { maxAttempts?: number } = {}) =>
    t.repos.jobs.enqueue({ tenantId, kind, payload, ...extra }).then((r) => r.job);
  const jobView = (id: string, as: Caller = teacher) => call(t, "GET", `/api/jobs/${id}`, { as });
  const settled = (id: string) =>
    eventually(async () => {
      const body = (await jobView(id)).json();
      return ["succeeded", "failed", "cancelled"].includes(body.status) ? body : undefined;
    });

  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "10000" });
    school = await seedSchool(t);
    tenantId = asId(school.tenantId);
    teacher = await signIn(t, school.teacher.email);
  });
  afterEach(async () => {
    await runner?.stop(5_000);
    runner = undefined;
  });
  afterAll(() => t.close());

  it("runs a job to success and shows its result, progress and history through the API", async () => {
    startRunner();
    const job = await enqueue("echo", { value: 21 });
    const body = await settled(job.id);
    expect(body).toMatchObject({ status: "succeeded", progress: 1, result: { doubled: 42 }, attempts: 1 });
    expect(body.history).toMatchObject([{ attempt: 1, outcome: "succeeded", error: null }]);
    expect(body.startedAt).not.toBeNull();
    expect(body.finishedAt).not.toBeNull();
  });

  it("shows progress while a job runs", async () => {
    startRunner();
    const job = await enqueue("gated", { gate: "progress" });
    const running = await eventually(async () => {
      const body = (await jobView(job.id)).json();
      return body.message === "waiting at the gate" ? body : undefined;
    });
    expect(running).toMatchObject({ status: "running", progress: 0.25 });
    await eventually(async () => gates.get("progress"));
    gates.get("progress")?.();
    expect(await settled(job.id)).toMatchObject({ status: "succeeded", result: "opened" });
  });

  it("retries a failing job with backoff, then marks it failed with the last error", async () => {
    const { logger, lines } = recordingLogger();
    startRunner(logger);
    const job = await enqueue("flaky", {}, { maxAttempts: 3 });
    const body = await settled(job.id);
    expect(body).toMatchObject({ status: "failed", attempts: 3, error: "flaky failure on attempt 3" });
    expect(body.history.map((a: { outcome: string }) => a.outcome)).toEqual(["failed", "failed", "failed"]);
    // Attempt n+1 starts no earlier than 50 · 2^(n-1) ms after attempt n ended.
    const [first, second, third] = body.history.map((a: { startedAt: string; finishedAt: string }) => ({
      start: Date.parse(a.startedAt),
      end: Date.parse(a.finishedAt),
    }));
    expect(second.start - first.end).toBeGreaterThanOrEqual(45);
    expect(third.start - second.end).toBeGreaterThanOrEqual(95);
    expect(lines.filter((l) => l.level === "error").map((l) => l.message)).toContain("job ended failed");
  });

  it("fails at once on a permanent error and on a payload the handler's schema refuses", async () => {
    startRunner();
    const hopeless = await enqueue("hopeless", {}, { maxAttempts: 5 });
    const invalid = await enqueue("echo", { value: "not a number" });
    expect(await settled(hopeless.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      error: "the course has no events to train on",
    });
    const refused = await settled(invalid.id);
    expect(refused).toMatchObject({ status: "failed", attempts: 1 });
    expect(refused.error).toMatch(/^invalid payload for echo: payload\.value: /);
  });

  it("cancels a queued job at once and a running one through its signal", async () => {
    const queued = await enqueue("echo", { value: 1 });
    const cancelled = await call(t, "POST", `/api/jobs/${queued.id}/cancel`, { as: teacher });
    expect(cancelled.json()).toMatchObject({ status: "cancelled" });

    startRunner();
    const running = await enqueue("gated", { gate: "cancel" });
    await eventually(async () => gates.get("cancel"));
    const asked = await call(t, "POST", `/api/jobs/${running.id}/cancel`, { as: teacher });
    expect(asked.json()).toMatchObject({ status: "running", cancelRequested: true });
    const body = await settled(running.id);
    expect(body).toMatchObject({ status: "cancelled", cancelRequested: false });
    expect(body.history).toMatchObject([{ outcome: "cancelled", error: "aborted: cancelled" }]);
  });

  it("reclaims a job whose worker stopped responding and runs it again", async () => {
    const job = await enqueue("echo", { value: 5 });
    await t.repos.jobs.claim("a-worker-that-died", 100, ["echo"]);
    startRunner();
    const body = await settled(job.id);
    expect(body).toMatchObject({ status: "succeeded", attempts: 2, result: { doubled: 10 } });
    expect(body.history).toMatchObject([
      { worker: "a-worker-that-died", outcome: "lease_expired", error: "worker stopped responding" },
      { worker: runner?.workerId, outcome: "succeeded" },
    ]);
  });

  it("gives running jobs back to the queue on stop", async () => {
    const stopping = startRunner();
    const job = await enqueue("gated", { gate: "shutdown" });
    await eventually(async () => gates.get("shutdown"));
    await stopping.stop(5_000);
    runner = undefined;
    const body = (await jobView(job.id)).json();
    expect(body).toMatchObject({ status: "queued", attempts: 1, maxAttempts: 4 });
    expect(body.history).toMatchObject([{ outcome: "failed", error: "interrupted: the worker shut down" }]);
    await t.repos.jobs.requestCancel(tenantId, job.id);
  });

  it("runs periodic tasks without overlap, logs their errors and stops them", async () => {
    const { logger, lines } = recordingLogger();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    runner = createJobRunner({
      jobs: t.repos.jobs,
      handlers: [],
      logger,
      concurrency: 1,
      pollMs: 20,
      leaseMs: 3_000,
      periodic: [
        {
          name: "check",
          everyMs: 5,
          async run() {
            running++;
            maxRunning = Math.max(maxRunning, running);
            runs++;
            await sleep(20);
            running--;
            if (runs === 2) throw new Error("transient");
          },
        },
      ],
    });
    runner.start();
    await eventually(async () => (runs >= 4 ? true : undefined));
    await runner.stop(5_000);
    runner = undefined;
    const after = runs;
    await sleep(60);
    expect(runs).toBe(after);
    expect(maxRunning).toBe(1);
    expect(lines).toContainEqual({ level: "error", message: "periodic task failed" });
  });

  it("lets staff list their school's jobs; learners get 403, another school 404", async () => {
    const job = await enqueue("echo", { value: 7 });
    const list = await call(t, "GET", "/api/jobs?kind=echo&status=queued&limit=5", { as: teacher });
    expect(list.statusCode).toBe(200);
    const jobs = list.json().jobs as { id: string; kind: string; status: string }[];
    expect(jobs[0]?.id).toBe(job.id);
    expect(jobs.every((j) => j.kind === "echo" && j.status === "queued")).toBe(true);

    const learner = await signIn(t, school.learnerA.email);
    expect((await call(t, "GET", "/api/jobs", { as: learner })).statusCode).toBe(403);
    expect((await jobView(job.id, learner)).statusCode).toBe(403);
    const other = await seedSchool(t);
    const otherAdmin = await signIn(t, other.admin.email);
    expect((await jobView(job.id, otherAdmin)).statusCode).toBe(404);
    expect((await call(t, "POST", `/api/jobs/${job.id}/cancel`, { as: otherAdmin })).statusCode).toBe(404);
    expect((await call(t, "GET", "/api/jobs", { as: otherAdmin })).json().jobs).toEqual([]);
    expect((await jobView("not-a-uuid")).statusCode).toBe(400);
    await t.repos.jobs.requestCancel(tenantId, job.id);
  });
});
