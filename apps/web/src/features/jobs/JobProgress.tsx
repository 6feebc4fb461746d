import { useState } from "react";
import { useTranslation } from "react-i18next";
import { cancelJob, type JobDetail } from "../../api/jobs";
import { ErrorMessage } from "../../components/Feedback";
import { uiLocale } from "../../i18n/locales";
import { JobStatusBadge } from "./JobStatusBadge";
import { isFinished, useJob } from "./use-job";

/**
 * Live progress of one background job (a dataset import, a training run): status, a progress bar with
 * the job's own message, attempts, the error of a failed attempt, and a cancel button while it runs.
 * The one progress view for every kind of job.
 */
export function JobProgress({
  jobId,
  title,
  onFinished,
}: {
  jobId: string;
  title: string;
  onFinished?: (job: JobDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const { job, error, update } = useJob(jobId, onFinished);
  const [cancelError, setCancelError] = useState<unknown>();
  const percent = new Intl.NumberFormat(uiLocale(i18n.language), {
    style: "percent",
    maximumFractionDigits: 0,
  });

  async function cancel() {
    setCancelError(undefined);
    try {
      update(await cancelJob(jobId));
    } catch (failure) {
      setCancelError(failure);
    }
  }

  return (
    <section className="job-progress" aria-label={title} data-job-id={jobId}>
      <h3 className="job-progress__title">{title}</h3>
      {!job ? (
        <p className="muted" role="status">
          {t("app.loading")}
        </p>
      ) : (
        <>
          <p className="job-progress__status" role="status">
            <JobStatusBadge status={job.status} /> {isFinished(job.status) ? "" : (job.message ?? "")}
          </p>
          <div className="job-progress__bar">
            <progress max={1} value={job.progress} aria-label={t("jobs.progress")} />
            <span className="job-progress__percent">{percent.format(job.progress)}</span>
          </div>
          <p className="muted">
            {t("jobs.attempts", { attempts: job.attempts, max: job.maxAttempts })}
            {job.cancelRequested ? ` · ${t("jobs.cancelling")}` : ""}
          </p>
          {job.error && (
            <p className={job.status === "failed" ? "alert alert--error" : "muted"}>
              {t("jobs.lastError", { error: job.error })}
            </p>
          )}
          {!isFinished(job.status) && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void cancel()}
              disabled={job.cancelRequested}
            >
              {t("jobs.cancel")}
            </button>
          )}
        </>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {cancelError !== undefined && <ErrorMessage error={cancelError} />}
    </section>
  );
}
