import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createRepositories } from "@pathwise/storage";
import { type TestDatabase, testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 4's requirement: two worker processes on one PostgreSQL process a queue with no job run twice.
 * Each is a real `node --import tsx` child running the real runner and repository (fixtures/job-worker.ts).
 */
const url = process.env.TEST_DATABASE_URL;
const postgres = testDatabases().find((target) => target.name === "postgres");
const JOBS = 200;

function startWorker(env: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const script = fileURLToPath(new URL("./fixtures/job-worker.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited early with code ${code}`)));
  });
  return { child, ready };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe.skipIf(!url || !postgres)("two worker processes on one PostgreSQL", () => {
  let handle: TestDatabase;
  let workers: ChildProcess[] = [];
  beforeAll(async () => {
    handle = await (postgres as NonNullable<typeof postgres>).open();
  });
  afterAll(async () => {
    for (const child of workers) if (child.exitCode === null) child.kill("SIGKILL");
    await handle?.dispose();
  });

  it(`run each of ${JOBS} jobs exactly once`, { timeout: 60_000 }, async () => {
    const { db } = handle;
    const repos = createRepositories(db);
    const tenant = await repos.tenants.create({ slug: `workers-${Date.now()}`, name: { en: "Workers" } });
    await db.query("CREATE TABLE job_runs (job_id uuid NOT NULL, worker text NOT NULL)");
    const ids: string[] = [];
    for (let n = 0; n < JOBS; n++)
      ids.push((await repos.jobs.enqueue({ tenantId: tenant.id, kind: "count-run", payload: { n } })).job.id);
    const schema = (await db.query<{ schema: string }>("SELECT current_schema() AS schema")).rows[0]?.schema;
    const env = { JOB_WORKER_DATABASE_URL: url ?? "", JOB_WORKER_SCHEMA: schema ?? "" };
    const started = [startWorker(env), startWorker(env)];
    workers = started.map((w) => w.child);
    await Promise.all(started.map((w) => w.ready));

    const deadline = Date.now() + 45_000;
    for (;;) {
      const { rows } = await db.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM jobs WHERE kind = 'count-run' AND status <> 'succeeded'",
      );
      if (rows[0]?.open === 0) break;
      if (Date.now() > deadline) throw new Error(`${rows[0]?.open} jobs still not done after 45 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const child of workers) child.kill("SIGTERM");
    expect(await Promise.all(workers.map(exited))).toEqual([0, 0]);

    const runs = await db.query<{ job_id: string; runs: number }>(
      "SELECT job_id, count(*)::int AS runs FROM job_runs GROUP BY job_id",
    );
    expect(runs.rows).toHaveLength(JOBS);
    expect(runs.rows.filter((row) => row.runs !== 1)).toEqual([]);
    expect(new Set(runs.rows.map((row) => row.job_id))).toEqual(new Set(ids));
    // Both processes took part, so the claims really raced.
    const perWorker = await db.query<{ worker: string }>("SELECT DISTINCT worker FROM job_runs");
    expect(perWorker.rows).toHaveLength(2);
    const attempts = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM job_attempts a JOIN jobs j ON j.id = a.job_id WHERE j.kind = 'count-run'",
    );
    expect(attempts.rows[0]?.n).toBe(JOBS);
  });
});

describe.skipIf(Boolean(url && postgres))("two worker processes on one PostgreSQL", () => {
  it.skip("needs TEST_DATABASE_URL (a PostgreSQL server): PGlite is one process's database", () => {});
});
