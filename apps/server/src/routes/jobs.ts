import {
  JobDetailSchema,
  JobListQuerySchema,
  JobListResponseSchema,
  JobParamsSchema,
  type JobSummary,
} from "@pathwise/contracts";
import type { Job, JobAttempt } from "@pathwise/storage";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { ApiError } from "../http/errors";

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

/** The job summary every route that starts or shows a job answers with. */
export function presentJob(job: Job): JobSummary {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    message: job.progressMessage ?? null,
    cancelRequested: job.cancelRequested && (job.status === "running" || job.status === "queued"),
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.error ?? null,
    createdBy: job.createdBy ?? null,
    createdAt: job.createdAt.toISOString(),
    runAfter: job.runAfter.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
  };
}

function presentAttempt(attempt: JobAttempt) {
  return {
    attempt: attempt.attempt,
    worker: attempt.worker,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: iso(attempt.finishedAt),
    outcome: attempt.outcome ?? null,
    error: attempt.error ?? null,
  };
}

/**
 * Watching and cancelling background jobs (staff of the job's school; the `job` object rule). Jobs are
 * started by the endpoints of the work they do, not here.
 */
export function registerJobRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function detail(job: Job) {
    const history = await deps.repos.jobs.attempts(job.id);
    return {
      ...presentJob(job),
      payload: job.payload,
      result: job.result ?? null,
      history: history.map(presentAttempt),
    };
  }

  r.get(
    "/api/jobs",
    { schema: { tags: ["jobs"], querystring: JobListQuerySchema, response: { 200: JobListResponseSchema } } },
    async function listJobs(request) {
      const { user } = principalOf(request);
      const jobs = await deps.repos.jobs.list(user.tenantId, {
        limit: request.query.limit,
        ...(request.query.kind === undefined ? {} : { kind: request.query.kind }),
        ...(request.query.status === undefined ? {} : { status: request.query.status }),
      });
      return { jobs: jobs.map(presentJob) };
    },
  );
  r.get(
    "/api/jobs/:jobId",
    { schema: { tags: ["jobs"], params: JobParamsSchema, response: { 200: JobDetailSchema } } },
    async function getJob(request) {
      const job = await deps.repos.jobs.get(request.params.jobId);
      // The object rule admitted it; it can only vanish if deleted in between.
      if (!job) throw new ApiError("not_found", `No such job ${request.params.jobId}`);
      return detail(job);
    },
  );
  r.post(
    "/api/jobs/:jobId/cancel",
    { schema: { tags: ["jobs"], params: JobParamsSchema, response: { 200: JobDetailSchema } } },
    async function cancelJob(request) {
      const { user } = principalOf(request);
      const job = await deps.repos.jobs.requestCancel(user.tenantId, request.params.jobId);
      if (!job) throw new ApiError("not_found", `No such job ${request.params.jobId}`);
      return detail(job);
    },
  );
}
