import type { TenantId, UserId } from "@pathwise/domain";
import type { z } from "zod";

/**
 * What a background job kind looks like to the job runner (jobs/runner.ts). Handlers are registered by
 * kind in one list built by the composition root (jobs/handlers.ts); the runner never switches on a kind.
 * The same handlers run inside the server process (default) and in `npm run worker` processes.
 */
export interface JobContext<Payload> {
  readonly jobId: string;
  readonly tenantId: TenantId;
  readonly createdBy: UserId | undefined;
  readonly payload: Payload;
  /** 1 on the first try; a retried job sees 2, 3, … */
  readonly attempt: number;
  /** Aborted when a user cancels the job or the process shuts down; stop at the next safe point. */
  readonly signal: AbortSignal;
  /** Records progress (0..1) and a short human message; cheap to call often (the runner throttles writes). */
  progress(fraction: number, message?: string): void;
}

export interface JobHandler<Payload = unknown> {
  readonly kind: string;
  readonly payload: z.ZodType<Payload>;
  /** Attempts before the job is marked failed (default 3); backoff between attempts is exponential. */
  readonly maxAttempts?: number;
  /** Runs the job; the resolved value (plain JSON) is stored as the job's result. */
  run(context: JobContext<Payload>): Promise<unknown>;
}

/**
 * An error a handler throws when retrying cannot help (bad payload, a course too small to train on):
 * the job fails at once with this message instead of being retried.
 */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
