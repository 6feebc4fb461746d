import { randomUUID } from "node:crypto";
import type { TenantId } from "@pathwise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchoolWithLearners } from "../test-fixtures";
import { type TestDatabase, testDatabases } from "../testing";
import { createRepositories, type Repositories } from "./index";
import { LEASE_EXPIRED_ERROR } from "./jobs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases())("job queue on $name", (target) => {
  let handle: TestDatabase;
  let repos: Repositories;
  let tenantId: TenantId;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
    tenantId = (await createSchoolWithLearners(repos, 0)).tenant.id;
  });
  afterAll(() => handle.dispose());

  /** Each test uses its own kind, so claims never pick up another test's jobs. */
  const freshKind = () => `test-${randomUUID()}`;

  it("claims the oldest runnable job once, records the attempt and the result", async () => {
    const kind = freshKind();
    const first = (await repos.jobs.enqueue({ tenantId, kind, payload: { n: 1 } })).job;
    await repos.jobs.enqueue({
      tenantId,
      kind,
      payload: { n: 2 },
      runAfter: new Date(Date.now() + 3_600_000),
    });
    const claimed = await repos.jobs.claim("w1", 60_000, [kind]);
    expect(claimed).toMatchObject({ id: first.id, status: "running", attempts: 1, lockedBy: "w1" });
    expect(claimed?.payload).toEqual({ n: 1 });
    expect(await repos.jobs.claim("w2", 60_000, [kind])).toBeUndefined();
    expect(await repos.jobs.claim("w2", 60_000, [freshKind()])).toBeUndefined();

    expect(await repos.jobs.heartbeat(first.id, "w1", 60_000, 0.5, "halfway")).toEqual({
      cancelRequested: false,
    });
    expect(await repos.jobs.get(first.id)).toMatchObject({ progress: 0.5, progressMessage: "halfway" });
    expect(await repos.jobs.complete(first.id, "w2", { wrong: true })).toBe(false);
    expect(await repos.jobs.complete(first.id, "w1", { auc: 0.8 })).toBe(true);
    const done = await repos.jobs.get(first.id);
    expect(done).toMatchObject({
      status: "succeeded",
      result: { auc: 0.8 },
      progress: 1,
      lockedBy: undefined,
    });
    expect(done?.finishedAt).toBeInstanceOf(Date);
    expect(await repos.jobs.attempts(first.id)).toMatchObject([
      { attempt: 1, worker: "w1", outcome: "succeeded" },
    ]);
  });

  it("retries a failed job after an exponential backoff, then fails it with the last error", async () => {
    const kind = freshKind();
    const { job } = await repos.jobs.enqueue({ tenantId, kind, payload: {}, maxAttempts: 3 });
    const base = 200;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claimed = await repos.jobs.claim("w", 60_000, [kind]);
      expect(claimed?.attempts).toBe(attempt);
      const status = await repos.jobs.fail(job.id, "w", `boom ${attempt}`, { retryBaseMs: base });
      expect(status).toBe(attempt < 3 ? "queued" : "failed");
      if (attempt === 3) break;
      const queued = await repos.jobs.get(job.id);
      const delay = (queued?.runAfter.getTime() ?? 0) - Date.now();
      // 2^(attempt-1) · base, less the time spent since the failure.
      expect(delay).toBeGreaterThan(base * 2 ** (attempt - 1) - 150);
      expect(await repos.jobs.claim("w", 60_000, [kind])).toBeUndefined();
      await sleep(delay + 20);
    }
    expect(await repos.jobs.get(job.id)).toMatchObject({ status: "failed", error: "boom 3", attempts: 3 });
    const history = await repos.jobs.attempts(job.id);
    expect(history.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, "failed", "boom 1"],
      [2, "failed", "boom 2"],
      [3, "failed", "boom 3"],
    ]);
  });

  it("fails at once on a permanent error", async () => {
    const kind = freshKind();
    const { job } = await repos.jobs.enqueue({ tenantId, kind, payload: {}, maxAttempts: 5 });
    await repos.jobs.claim("w", 60_000, [kind]);
    expect(await repos.jobs.fail(job.id, "w", "course too small", { permanent: true })).toBe("failed");
    expect(await repos.jobs.get(job.id)).toMatchObject({
      status: "failed",
      error: "course too small",
      attempts: 1,
    });
  });

  it("deduplicates active jobs by key and allows a new one once the old one finished", async () => {
    const kind = freshKind();
    const dedupeKey = `train:${randomUUID()}`;
    const first = await repos.jobs.enqueue({ tenantId, kind, payload: { a: 1 }, dedupeKey });
    const second = await repos.jobs.enqueue({ tenantId, kind, payload: { a: 2 }, dedupeKey });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, job: { id: first.job.id, payload: { a: 1 } } });
    await repos.jobs.claim("w", 60_000, [kind]);
    expect((await repos.jobs.enqueue({ tenantId, kind, payload: {}, dedupeKey })).job.id).toBe(first.job.id);
    await repos.jobs.complete(first.job.id, "w", null);
    const third = await repos.jobs.enqueue({ tenantId, kind, payload: {}, dedupeKey });
    expect(third.created).toBe(true);
    expect(third.job.id).not.toBe(first.job.id);
  });

  it("cancels a queued job at once and asks a running one to stop", async () => {
    const kind = freshKind();
    const queued = (
      await repos.jobs.enqueue({ tenantId, kind, payload: {}, runAfter: new Date(Date.now() + 60_000) })
    ).job;
    expect(await repos.jobs.requestCancel(tenantId, queued.id)).toMatchObject({ status: "cancelled" });
    const running = (await repos.jobs.enqueue({ tenantId, kind, payload: {} })).job;
    await repos.jobs.claim("w", 60_000, [kind]);
    expect(await repos.jobs.requestCancel(tenantId, running.id)).toMatchObject({
      status: "running",
      cancelRequested: true,
    });
    expect(await repos.jobs.heartbeat(running.id, "w", 60_000)).toEqual({ cancelRequested: true });
    expect(await repos.jobs.fail(running.id, "w", "aborted")).toBe("cancelled");
    expect(await repos.jobs.attempts(running.id)).toMatchObject([{ outcome: "cancelled" }]);
    const otherTenant = (await createSchoolWithLearners(repos, 0)).tenant.id;
    expect(await repos.jobs.requestCancel(otherTenant, running.id)).toBeUndefined();
  });

  it("reclaims a job whose lease lapsed, and fails it when its attempts are spent", async () => {
    const kind = freshKind();
    const { job } = await repos.jobs.enqueue({ tenantId, kind, payload: {}, maxAttempts: 2 });
    await repos.jobs.claim("dead", 50, [kind]);
    expect(await repos.jobs.claim("alive", 60_000, [kind])).toBeUndefined();
    await sleep(120);
    const retried = await repos.jobs.claim("alive", 50, [kind]);
    expect(retried).toMatchObject({ id: job.id, attempts: 2, lockedBy: "alive" });
    expect(await repos.jobs.heartbeat(job.id, "dead", 60_000)).toBeUndefined();
    expect(await repos.jobs.complete(job.id, "dead", null)).toBe(false);
    await sleep(120);
    expect(await repos.jobs.claim("third", 60_000, [kind])).toBeUndefined();
    expect(await repos.jobs.get(job.id)).toMatchObject({ status: "failed", error: LEASE_EXPIRED_ERROR });
    const history = await repos.jobs.attempts(job.id);
    expect(history.map((a) => [a.worker, a.outcome])).toEqual([
      ["dead", "lease_expired"],
      ["alive", "lease_expired"],
    ]);
  });

  it("gives a job back on shutdown without spending one of its attempts", async () => {
    const kind = freshKind();
    const { job } = await repos.jobs.enqueue({ tenantId, kind, payload: {}, maxAttempts: 1 });
    await repos.jobs.claim("w", 60_000, [kind]);
    expect(await repos.jobs.release(job.id, "w", "interrupted")).toBe(true);
    expect(await repos.jobs.get(job.id)).toMatchObject({ status: "queued", attempts: 1, maxAttempts: 2 });
    await repos.jobs.claim("w", 60_000, [kind]);
    expect(await repos.jobs.fail(job.id, "w", "real failure")).toBe("failed");
  });

  it("lists a school's jobs newest first, filtered by kind and status", async () => {
    const school = (await createSchoolWithLearners(repos, 0)).tenant.id;
    const kind = freshKind();
    const a = (await repos.jobs.enqueue({ tenantId: school, kind, payload: {} })).job;
    await sleep(5);
    const b = (await repos.jobs.enqueue({ tenantId: school, kind: freshKind(), payload: {} })).job;
    await repos.jobs.requestCancel(school, a.id);
    expect((await repos.jobs.list(school, { limit: 10 })).map((j) => j.id)).toEqual([b.id, a.id]);
    expect((await repos.jobs.list(school, { kind, limit: 10 })).map((j) => j.id)).toEqual([a.id]);
    expect((await repos.jobs.list(school, { status: "queued", limit: 10 })).map((j) => j.id)).toEqual([b.id]);
    expect(await repos.jobs.list(school, { limit: 1 })).toHaveLength(1);
  });
});
