import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Job, JobRepository } from "@pathwise/storage";
import type { JobContext, JobHandler } from "./contract";
import { PermanentJobError } from "./contract";
import { type PeriodicTask, startPeriodicTask } from "./periodic";

/** The part of a pino logger the runner uses (Fastify's `app.log` and `pino()` both fit). */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  readonly jobs: JobRepository;
  // biome-ignore lint/suspicious/noExplicitAny: each handler has its own payload type; the runner parses it.
  readonly handlers: readonly JobHandler<any>[];
  readonly periodic?: readonly PeriodicTask[];
  readonly logger: JobLogger;
  /** Jobs run at once by this runner. */
  readonly concurrency: number;
  /** Wait between claims when the queue is empty. */
  readonly pollMs: number;
  /** Lease taken per claim; renewed every third of it while the handler runs. */
  readonly leaseMs: number;
  /** Backoff base between attempts (repository default 5 s); tests shorten it. */
  readonly retryBaseMs?: number;
  /** Least time between two progress writes of one job (default 1 s). */
  readonly progressIntervalMs?: number;
  /** Names this process in `locked_by` and the attempt history; unique per runner by default. */
  readonly workerId?: string;
}

export interface JobRunner {
  readonly workerId: string;
  /** Starts polling and the periodic tasks. */
  start(): void;
  /** Polls at once instead of waiting for the next poll (e.g. right after enqueueing). */
  wake(): void;
  /**
   * Stops claiming, stops the periodic tasks and aborts running handlers (their signal says so), waits up to
   * `timeoutMs` for them to reach a safe point, and gives their jobs back to the queue. A job still running
   * after the timeout keeps its lease until it lapses and another runner reclaims it.
   */
  stop(timeoutMs?: number): Promise<void>;
}

/** Why a handler's signal was aborted: the three cases end the job differently. */
type AbortReason = "cancelled" | "shutdown" | "lease_lost";

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The handler's own payload type, or the reason the stored payload does not fit it (zod's issues). */
function parsePayload(
  handler: JobHandler<unknown>,
  payload: unknown,
): { ok: true; payload: unknown } | { ok: false; problem: string } {
  const parsed = handler.payload.safeParse(payload);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issues = parsed.error.issues.map(
    (issue) => `${["payload", ...issue.path.map(String)].join(".")}: ${issue.message}`,
  );
  return { ok: false, problem: `invalid payload for ${handler.kind}: ${issues.join("; ")}` };
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * Runs jobs from the database queue (jobs/contract.ts describes handlers). It claims only kinds it has a
 * handler for, so processes with different handler lists can share one queue. Nothing a handler or the
 * database does can crash the process: every error is logged and recorded on the job.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { jobs, logger, leaseMs } = options;
  const workerId = options.workerId ?? defaultWorkerId();
  const handlers = new Map(options.handlers.map((handler) => [handler.kind, handler as JobHandler<unknown>]));
  if (handlers.size !== options.handlers.length) throw new Error("two job handlers share one kind");
  const kinds = [...handlers.keys()];
  const progressIntervalMs = options.progressIntervalMs ?? 1000;
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const periodic: { stop(): Promise<void> }[] = [];
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;

  /** Sleeps up to `ms`, or less when woken (a job finished, a caller enqueued, stop). */
  function nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function execute(job: Job, controller: AbortController): Promise<void> {
    const handler = handlers.get(job.kind) as JobHandler<unknown>;
    const log = { jobId: job.id, kind: job.kind, attempt: job.attempts, worker: workerId };
    const parsed = parsePayload(handler, job.payload);
    if (!parsed.ok) {
      logger.warn(log, parsed.problem);
      await jobs.fail(job.id, workerId, parsed.problem, { permanent: true });
      return;
    }
    const abort = (reason: AbortReason) => {
      if (!controller.signal.aborted) controller.abort(reason);
    };

    // Progress and lease renewal share one writer, so at most one heartbeat is in flight per job.
    let pending: { fraction?: number; message?: string } = {};
    let lastRenewed = Date.now();
    let writing: Promise<void> = Promise.resolve();
    let progressTimer: NodeJS.Timeout | undefined;
    function heartbeat(): Promise<void> {
      writing = writing.then(async function renewLease() {
        const { fraction, message } = pending;
        pending = {};
        try {
          const answer = await jobs.heartbeat(job.id, workerId, leaseMs, fraction, message);
          if (!answer) return abort("lease_lost");
          lastRenewed = Date.now();
          if (answer.cancelRequested) abort("cancelled");
        } catch (error) {
          logger.warn({ ...log, err: error }, "job heartbeat failed");
          // Past the lease another runner may have taken the job over; stop rather than run it twice.
          if (Date.now() - lastRenewed >= leaseMs) abort("lease_lost");
        }
      });
      return writing;
    }
    const leaseTimer = setInterval(() => void heartbeat(), Math.max(1, Math.floor(leaseMs / 3)));
    const context: JobContext<unknown> = {
      jobId: job.id,
      tenantId: job.tenantId,
      createdBy: job.createdBy,
      payload: parsed.payload,
      attempt: job.attempts,
      signal: controller.signal,
      progress(fraction, message) {
        if (!Number.isFinite(fraction)) return;
        pending = {
          fraction: Math.min(1, Math.max(0, fraction)),
          ...(message === undefined ? {} : { message }),
        };
        progressTimer ??= setTimeout(() => {
          progressTimer = undefined;
          void heartbeat();
        }, progressIntervalMs);
      },
    };

    let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, result: await handler.run(context) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(leaseTimer);
      clearTimeout(progressTimer);
      await writing;
    }
    const reason = controller.signal.aborted ? (controller.signal.reason as AbortReason) : undefined;
    if (reason === "lease_lost") {
      logger.warn(log, "job lease lost: another runner may have taken it over; its outcome here is dropped");
    } else if (outcome.ok) {
      const stored = await jobs.complete(job.id, workerId, outcome.result);
      logger.info(log, stored ? "job succeeded" : "job succeeded but was no longer ours");
    } else if (reason === "shutdown") {
      await jobs.release(job.id, workerId, "interrupted: the worker shut down");
      logger.info(log, "job released on shutdown");
    } else {
      const permanent = outcome.error instanceof PermanentJobError;
      const message = describe(outcome.error);
      const status = await jobs.fail(job.id, workerId, message, {
        permanent,
        ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
      });
      const details = { ...log, err: outcome.error, status };
      if (status === "queued") logger.warn(details, "job attempt failed; it will be retried");
      else logger.error(details, `job ended ${status}`);
    }
  }

  /** Runs a claimed job; whatever goes wrong, even recording the outcome, is logged and never thrown. */
  function launch(job: Job): void {
    const controller = new AbortController();
    const done = execute(job, controller)
      .catch((error: unknown) => {
        logger.error({ jobId: job.id, kind: job.kind, err: error }, "job bookkeeping failed");
      })
      .finally(() => {
        active.delete(job.id);
        wakeUp?.();
      });
    active.set(job.id, { controller, done });
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      if (active.size >= options.concurrency) {
        await nap(options.pollMs);
        continue;
      }
      let job: Job | undefined;
      try {
        job = await jobs.claim(workerId, leaseMs, kinds);
      } catch (error) {
        logger.error(
          { worker: workerId, err: error },
          "claiming a job failed; retrying after the poll interval",
        );
      }
      if (job && !stopping) launch(job);
      else if (job) await jobs.release(job.id, workerId, "interrupted: the worker shut down").catch(() => {});
      else await nap(options.pollMs);
    }
  }

  return {
    workerId,
    start() {
      if (loop || stopping) return;
      if (kinds.length > 0) loop = poll();
      for (const task of options.periodic ?? []) periodic.push(startPeriodicTask(task, logger));
      logger.info({ worker: workerId, kinds, concurrency: options.concurrency }, "job runner started");
    },
    wake() {
      wakeUp?.();
    },
    async stop(timeoutMs = 30_000) {
      stopping = true;
      wakeUp?.();
      await loop;
      const running = [...active.values()];
      for (const { controller } of running) if (!controller.signal.aborted) controller.abort("shutdown");
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([
        Promise.all([...running.map((entry) => entry.done), ...periodic.map((task) => task.stop())]),
        timeout,
      ]);
      clearTimeout(timer);
      if (active.size > 0)
        logger.warn({ worker: workerId, jobs: [...active.keys()] }, "jobs still running at shutdown");
    },
  };
}
