import { type JobDetail, JobDetailSchema, JobListResponseSchema, type JobSummary } from "@pathwise/contracts";
import { apiRequest } from "./http";

export type { JobDetail, JobSummary };

export async function listJobs(signal?: AbortSignal): Promise<JobSummary[]> {
  const body = await apiRequest("/api/jobs?limit=100", {
    response: JobListResponseSchema,
    ...(signal ? { signal } : {}),
  });
  return body.jobs;
}

export function getJob(jobId: string, signal?: AbortSignal): Promise<JobDetail> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}`, {
    response: JobDetailSchema,
    ...(signal ? { signal } : {}),
  });
}

export function cancelJob(jobId: string): Promise<JobDetail> {
  return apiRequest(`/api/jobs/${encodeURIComponent(jobId)}/cancel`, {
    method: "POST",
    response: JobDetailSchema,
  });
}
