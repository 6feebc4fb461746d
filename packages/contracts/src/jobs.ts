import { z } from "zod";

/**
 * Background jobs (docs/jobs.md): a school's jobs with their status, progress and attempt history. Jobs are
 * started by the endpoints of the work they do (e.g. training); these endpoints watch and cancel them.
 */
export const JobStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);

export const JobListQuerySchema = z.strictObject({
  kind: z.string().min(1).max(100).optional(),
  status: JobStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const JobParamsSchema = z.strictObject({ jobId: z.uuid() });

export const JobAttemptViewSchema = z.object({
  attempt: z.number().int().min(1),
  worker: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Null while the attempt runs; `lease_expired` when its worker stopped responding. */
  outcome: z.enum(["succeeded", "failed", "cancelled", "lease_expired"]).nullable(),
  error: z.string().nullable(),
});

export const JobSummarySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: JobStatusSchema,
  /** 0..1, as last reported by the handler. */
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
  /** A cancel was asked for and the job has not stopped yet. */
  cancelRequested: z.boolean(),
  attempts: z.number().int().min(0),
  maxAttempts: z.number().int().min(1),
  /** The last attempt's error (kept while a retry waits, so clients can show why). */
  error: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  /** When the job may next run (a retry waits here for its backoff). */
  runAfter: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const JobListResponseSchema = z.object({ jobs: z.array(JobSummarySchema) });

export const JobDetailSchema = JobSummarySchema.extend({
  payload: z.unknown(),
  result: z.unknown(),
  history: z.array(JobAttemptViewSchema),
});
export type JobDetail = z.infer<typeof JobDetailSchema>;
