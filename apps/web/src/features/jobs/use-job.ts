import { useEffect, useRef, useState } from "react";
import { getJob, type JobDetail } from "../../api/jobs";

/** How often a running job is asked for its progress. */
export const JOB_POLL_MS = 1000;

export const isFinished = (status: JobDetail["status"]) =>
  status === "succeeded" || status === "failed" || status === "cancelled";

/**
 * Follows one background job: asks `GET /api/jobs/:id` about once a second until it has finished,
 * then calls `onFinished` once. A failed poll is kept as `error` and the next poll tries again (a
 * restarting server should not end the watch).
 */
export function useJob(jobId: string, onFinished?: (job: JobDetail) => void) {
  const [job, setJob] = useState<JobDetail>();
  const [error, setError] = useState<unknown>();
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const next = await getJob(jobId, controller.signal);
        setJob(next);
        setError(undefined);
        if (isFinished(next.status)) {
          finished.current?.(next);
          return;
        }
      } catch (failure) {
        if (controller.signal.aborted) return;
        setError(failure);
      }
      timer = setTimeout(() => void poll(), JOB_POLL_MS);
    }
    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  return { job, error, update: setJob };
}
