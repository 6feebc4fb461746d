import { randomUUID } from "node:crypto";
import { asId, type TenantId, type UserId } from "@pathwise/domain";
import type { Database, Queryable } from "../database";
import { json, toDate } from "./rows";

/**
 * The job queue of migration 5 (read its comment for the design). Every time that decides who owns a
 * job — leases, backoff, `run_after` — comes from the database clock (`now()`), so several processes
 * on different machines agree on when a lease has lapsed.
 */
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export const JOB_STATUSES: readonly JobStatus[] = ["queued", "running", "succeeded", "failed", "cancelled"];
export type JobAttemptOutcome = "succeeded" | "failed" | "cancelled" | "lease_expired";

export interface Job {
  readonly id: string;
  readonly tenantId: TenantId;
  readonly kind: string;
  readonly payload: unknown;
  readonly status: JobStatus;
  readonly dedupeKey: string | undefined;
  /** Attempts started so far (the running one included). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly runAfter: Date;
  readonly leaseUntil: Date | undefined;
  readonly lockedBy: string | undefined;
  readonly cancelRequested: boolean;
  readonly progress: number;
  readonly progressMessage: string | undefined;
  readonly result: unknown;
  readonly error: string | undefined;
  readonly createdBy: UserId | undefined;
  readonly createdAt: Date;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
}

export interface JobAttempt {
  readonly attempt: number;
  readonly worker: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | undefined;
  readonly outcome: JobAttemptOutcome | undefined;
  readonly error: string | undefined;
}

export interface NewJob {
  readonly tenantId: TenantId;
  readonly kind: string;
  readonly payload: unknown;
  /** At most one queued-or-running job per (tenant, key); a clash returns the existing job. */
  readonly dedupeKey?: string;
  readonly maxAttempts?: number;
  readonly runAfter?: Date;
  readonly createdBy?: UserId;
}

/** `created: false` means the dedupe key matched an active job, which is returned instead. */
export type EnqueueResult =
  | { readonly created: true; readonly job: Job }
  | { readonly created: false; readonly job: Job };

export interface FailOptions {
  /** Retrying cannot help: fail now whatever attempts are left. */
  readonly permanent?: boolean;
  /** Backoff base: the retry after attempt n waits `base · 2^(n-1)` ms. */
  readonly retryBaseMs?: number;
}

/** Default backoff base: retries after 5 s, 10 s, 20 s, … */
export const DEFAULT_RETRY_BASE_MS = 5_000;
/** The reason recorded when a lease lapsed on the job's last attempt. */
export const LEASE_EXPIRED_ERROR = "worker stopped responding";

interface JobRow {
  id: string;
  tenant_id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  dedupe_key: string | null;
  attempts: number;
  max_attempts: number;
  run_after: unknown;
  lease_until: unknown;
  locked_by: string | null;
  cancel_requested: boolean;
  progress: number;
  progress_message: string | null;
  result: unknown;
  error: string | null;
  created_by: string | null;
  created_at: unknown;
  started_at: unknown;
  finished_at: unknown;
}

function optionalDate(value: unknown): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    tenantId: asId<TenantId>(row.tenant_id),
    kind: row.kind,
    payload: row.payload,
    status: row.status,
    dedupeKey: row.dedupe_key ?? undefined,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAfter: toDate(row.run_after),
    leaseUntil: optionalDate(row.lease_until),
    lockedBy: row.locked_by ?? undefined,
    cancelRequested: row.cancel_requested,
    progress: Number(row.progress),
    progressMessage: row.progress_message ?? undefined,
    result: row.result ?? undefined,
    error: row.error ?? undefined,
    createdBy: row.created_by ? asId<UserId>(row.created_by) : undefined,
    createdAt: toDate(row.created_at),
    startedAt: optionalDate(row.started_at),
    finishedAt: optionalDate(row.finished_at),
  };
}

/** Milliseconds as a PostgreSQL interval expression over parameter `$n`. */
const msInterval = (n: number) => `($${n}::double precision * interval '1 millisecond')`;

/** Ends attempt `attempt` of `jobId` with an outcome. */
async function finishAttempt(
  tx: Queryable,
  jobId: string,
  attempt: number,
  outcome: JobAttemptOutcome,
  error: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE job_attempts SET finished_at = now(), outcome = $3, error = $4
     WHERE job_id = $1 AND attempt = $2`,
    [jobId, attempt, outcome, error],
  );
}

/**
 * Running jobs whose lease lapsed (their worker died or hung): the attempt is recorded as
 * `lease_expired`; the job goes back to the queue at once (the lapsed lease already served as a delay),
 * or fails when its attempts are spent, or ends cancelled when a cancel was pending.
 */
async function reclaimExpired(tx: Queryable): Promise<void> {
  const { rows } = await tx.query<{
    id: string;
    attempts: number;
    max_attempts: number;
    cancel_requested: boolean;
  }>(
    `SELECT id, attempts, max_attempts, cancel_requested FROM jobs
     WHERE status = 'running' AND lease_until < now()
     FOR UPDATE SKIP LOCKED`,
  );
  for (const row of rows) {
    await finishAttempt(tx, row.id, row.attempts, "lease_expired", LEASE_EXPIRED_ERROR);
    const [status, error] = row.cancel_requested
      ? ["cancelled", null]
      : row.attempts >= row.max_attempts
        ? ["failed", LEASE_EXPIRED_ERROR]
        : ["queued", LEASE_EXPIRED_ERROR];
    await tx.query(
      `UPDATE jobs SET status = $2, error = coalesce($3, error), lease_until = NULL, locked_by = NULL,
         run_after = now(), finished_at = CASE WHEN $2 = 'queued' THEN NULL ELSE now() END
       WHERE id = $1`,
      [row.id, status, error],
    );
  }
}

export function jobRepository(db: Database) {
  async function get(id: string): Promise<Job | undefined> {
    const { rows } = await db.query<JobRow>("SELECT * FROM jobs WHERE id = $1", [id]);
    return rows[0] && toJob(rows[0]);
  }

  return {
    async enqueue(input: NewJob): Promise<EnqueueResult> {
      // A dedupe clash can race with the existing job finishing; a few rounds settle it.
      for (let round = 0; round < 5; round++) {
        const { rows } = await db.query<JobRow>(
          `INSERT INTO jobs (id, tenant_id, kind, payload, dedupe_key, max_attempts, run_after, created_by)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, coalesce($7::timestamptz, now()), $8)
           ON CONFLICT (tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running')
           DO NOTHING RETURNING *`,
          [
            randomUUID(),
            input.tenantId,
            input.kind,
            json(input.payload),
            input.dedupeKey ?? null,
            input.maxAttempts ?? 3,
            input.runAfter ?? null,
            input.createdBy ?? null,
          ],
        );
        if (rows[0]) return { created: true, job: toJob(rows[0]) };
        const existing = await db.query<JobRow>(
          `SELECT * FROM jobs WHERE tenant_id = $1 AND dedupe_key = $2 AND status IN ('queued', 'running')`,
          [input.tenantId, input.dedupeKey ?? null],
        );
        if (existing.rows[0]) return { created: false, job: toJob(existing.rows[0]) };
      }
      throw new Error(`enqueue ${input.kind}: the dedupe key ${input.dedupeKey} kept changing hands`);
    },

    /**
     * Claims the oldest runnable job of one of `kinds` for `worker`, with a lease of `leaseMs`, in one
     * transaction; also reclaims jobs whose lease lapsed. `SKIP LOCKED` lets concurrent claimers pass
     * over each other's rows instead of waiting, and guarantees no two claim the same job.
     */
    async claim(worker: string, leaseMs: number, kinds: readonly string[]): Promise<Job | undefined> {
      if (kinds.length === 0) return undefined;
      return db.transaction(async (tx) => {
        await reclaimExpired(tx);
        const { rows } = await tx.query<JobRow>(
          `UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, now()),
             lease_until = now() + ${msInterval(2)}, locked_by = $1, error = NULL
           WHERE id = (
             SELECT id FROM jobs
             WHERE status = 'queued' AND run_after <= now()
               AND kind IN (SELECT jsonb_array_elements_text($3::jsonb))
             ORDER BY run_after, created_at LIMIT 1
             FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [worker, leaseMs, json(kinds)],
        );
        const row = rows[0];
        if (!row) return undefined;
        await tx.query(
          "INSERT INTO job_attempts (job_id, attempt, worker, started_at) VALUES ($1, $2, $3, now())",
          [row.id, row.attempts, worker],
        );
        return toJob(row);
      });
    },

    /**
     * Renews the lease and records progress. Undefined when the job is no longer this worker's (its
     * lease lapsed and it was reclaimed, or it finished): the caller must stop working on it.
     */
    async heartbeat(
      id: string,
      worker: string,
      leaseMs: number,
      progress?: number,
      message?: string,
    ): Promise<{ cancelRequested: boolean } | undefined> {
      const { rows } = await db.query<{ cancel_requested: boolean }>(
        `UPDATE jobs SET lease_until = now() + ${msInterval(3)},
           progress = coalesce($4, progress), progress_message = coalesce($5, progress_message)
         WHERE id = $1 AND locked_by = $2 AND status = 'running'
         RETURNING cancel_requested`,
        [id, worker, leaseMs, progress ?? null, message ?? null],
      );
      return rows[0] && { cancelRequested: rows[0].cancel_requested };
    },

    /** Records success; false when the job was no longer this worker's (nothing is written then). */
    async complete(id: string, worker: string, result: unknown): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ attempts: number }>(
          `UPDATE jobs SET status = 'succeeded', result = $3::jsonb, progress = 1, finished_at = now(),
             lease_until = NULL, locked_by = NULL, error = NULL
           WHERE id = $1 AND locked_by = $2 AND status = 'running' RETURNING attempts`,
          [id, worker, json(result)],
        );
        if (!rows[0]) return false;
        await finishAttempt(tx, id, rows[0].attempts, "succeeded", null);
        return true;
      });
    },

    /**
     * Records a failed attempt. The job ends `cancelled` if a cancel was requested, `failed` (with this
     * error) if the error is permanent or the attempts are spent, else goes back to the queue after an
     * exponential backoff of `retryBaseMs · 2^(attempt-1)`. Returns the resulting status, or undefined
     * when the job was no longer this worker's.
     */
    async fail(
      id: string,
      worker: string,
      error: string,
      options: FailOptions = {},
    ): Promise<JobStatus | undefined> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{
          attempts: number;
          max_attempts: number;
          cancel_requested: boolean;
        }>(
          `SELECT attempts, max_attempts, cancel_requested FROM jobs
           WHERE id = $1 AND locked_by = $2 AND status = 'running' FOR UPDATE`,
          [id, worker],
        );
        const row = rows[0];
        if (!row) return undefined;
        const status: JobStatus = row.cancel_requested
          ? "cancelled"
          : options.permanent || row.attempts >= row.max_attempts
            ? "failed"
            : "queued";
        const backoffMs = (options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS) * 2 ** (row.attempts - 1);
        await finishAttempt(tx, id, row.attempts, status === "cancelled" ? "cancelled" : "failed", error);
        await tx.query(
          `UPDATE jobs SET status = $2, error = $3, lease_until = NULL, locked_by = NULL,
             run_after = CASE WHEN $2 = 'queued' THEN now() + ${msInterval(4)} ELSE run_after END,
             finished_at = CASE WHEN $2 = 'queued' THEN NULL ELSE now() END
           WHERE id = $1`,
          [id, status, status === "cancelled" ? null : error, backoffMs],
        );
        return status;
      });
    },

    /**
     * Gives a job back to the queue because this worker is shutting down. The interrupted attempt stays in
     * the history, and the job gets one more attempt so that a graceful shutdown never spends one of its
     * tries. False when the job was no longer this worker's.
     */
    async release(id: string, worker: string, reason: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ attempts: number }>(
          `UPDATE jobs SET status = 'queued', run_after = now(), lease_until = NULL, locked_by = NULL,
             max_attempts = max_attempts + 1
           WHERE id = $1 AND locked_by = $2 AND status = 'running' RETURNING attempts`,
          [id, worker],
        );
        if (!rows[0]) return false;
        await finishAttempt(tx, id, rows[0].attempts, "failed", reason);
        return true;
      });
    },

    /**
     * Asks for a job to stop: a queued job is cancelled at once, a running one gets `cancel_requested`
     * (its runner aborts the handler at the next heartbeat). A finished job is returned unchanged.
     * Undefined when the job does not exist in this tenant.
     */
    async requestCancel(tenantId: TenantId, id: string): Promise<Job | undefined> {
      const { rows } = await db.query<JobRow>(
        `UPDATE jobs SET
           status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
           finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
           cancel_requested = cancel_requested OR status IN ('queued', 'running')
         WHERE id = $1 AND tenant_id = $2 RETURNING *`,
        [id, tenantId],
      );
      return rows[0] && toJob(rows[0]);
    },

    get,

    /** A tenant's jobs, newest first. */
    async list(
      tenantId: TenantId,
      filter: { kind?: string; status?: JobStatus; limit: number },
    ): Promise<Job[]> {
      const { rows } = await db.query<JobRow>(
        `SELECT * FROM jobs WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2)
           AND ($3::text IS NULL OR status = $3)
         ORDER BY created_at DESC, id LIMIT $4`,
        [tenantId, filter.kind ?? null, filter.status ?? null, filter.limit],
      );
      return rows.map(toJob);
    },

    /** The history of a job: one row per attempt, oldest first. */
    async attempts(id: string): Promise<JobAttempt[]> {
      const { rows } = await db.query<{
        attempt: number;
        worker: string;
        started_at: unknown;
        finished_at: unknown;
        outcome: JobAttemptOutcome | null;
        error: string | null;
      }>("SELECT * FROM job_attempts WHERE job_id = $1 ORDER BY attempt", [id]);
      return rows.map((row) => ({
        attempt: Number(row.attempt),
        worker: row.worker,
        startedAt: toDate(row.started_at),
        finishedAt: optionalDate(row.finished_at),
        outcome: row.outcome ?? undefined,
        error: row.error ?? undefined,
      }));
    },
  };
}
export type JobRepository = ReturnType<typeof jobRepository>;
