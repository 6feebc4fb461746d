import type { Migration } from "../migrator";

/**
 * The job queue, in the database itself (DESIGN.md: jobs in PostgreSQL, no broker). Workers claim the
 * oldest runnable job with `FOR UPDATE SKIP LOCKED`, so several worker processes on one PostgreSQL never
 * claim the same job; a claim takes a lease (`lease_until`) that the runner renews while it works, and a
 * job whose lease lapsed (its worker died) is claimable again until `max_attempts` is spent.
 *
 *  - `status`: queued → running → succeeded | failed | cancelled; a failed attempt with attempts left goes
 *    back to queued with `run_after` pushed out by exponential backoff.
 *  - `dedupe_key`: at most one queued-or-running job per (tenant, key) — e.g. one training job per course.
 *  - `cancel_requested`: set by a user; the runner sees it on its next heartbeat and aborts the handler.
 *  - `job_attempts` is the history: one row per attempt, with its worker, outcome and error.
 */
export const jobs: Migration = {
  version: 5,
  name: "jobs",
  up: [
    `CREATE TABLE jobs (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      kind text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      status text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      dedupe_key text,
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
      run_after timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      locked_by text,
      cancel_requested boolean NOT NULL DEFAULT false,
      progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
      progress_message text,
      result jsonb,
      error text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`,
    "CREATE INDEX jobs_runnable_idx ON jobs (run_after, created_at) WHERE status = 'queued'",
    "CREATE INDEX jobs_tenant_idx ON jobs (tenant_id, created_at DESC)",
    `CREATE UNIQUE INDEX jobs_dedupe_idx ON jobs (tenant_id, dedupe_key)
      WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running')`,
    `CREATE TABLE job_attempts (
      job_id uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      worker text NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      outcome text CHECK (outcome IN ('succeeded', 'failed', 'cancelled', 'lease_expired')),
      error text,
      PRIMARY KEY (job_id, attempt)
    )`,
  ],
};
