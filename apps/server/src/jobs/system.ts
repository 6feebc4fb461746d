import type { AppDeps } from "../deps";
import type { JobHandler } from "./contract";
import type { PeriodicTask } from "./periodic";
import { createJobRunner, type JobLogger, type JobRunner } from "./runner";

/**
 * What job handlers and periodic tasks may use: the app's dependencies without the HTTP-only ones, so a
 * worker process (worker.ts) can build them without a password hasher.
 */
export type JobDeps = Pick<AppDeps, "config" | "db" | "repos" | "clock">;

export interface JobSystemOptions {
  // biome-ignore lint/suspicious/noExplicitAny: each handler has its own payload type; the runner parses it.
  readonly handlers: readonly JobHandler<any>[];
  readonly periodic: readonly PeriodicTask[];
  readonly logger: JobLogger;
  readonly workerId?: string;
}

/**
 * The one entry both the server (main.ts, when PATHWISE_JOBS_IN_PROCESS) and `npm run worker` use: a
 * runner over the app's job repository with the configured concurrency, poll interval and lease.
 */
export function createJobSystem(deps: JobDeps, options: JobSystemOptions): JobRunner {
  return createJobRunner({
    jobs: deps.repos.jobs,
    handlers: options.handlers,
    periodic: options.periodic,
    logger: options.logger,
    concurrency: deps.config.jobs.concurrency,
    pollMs: deps.config.jobs.pollMs,
    leaseMs: deps.config.jobs.leaseMs,
    ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
  });
}
