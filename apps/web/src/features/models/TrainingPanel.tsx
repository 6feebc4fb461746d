import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { JobDetail } from "../../api/jobs";
import { startTraining } from "../../api/models";
import { ErrorMessage } from "../../components/Feedback";
import { JobProgress } from "../jobs/JobProgress";

/**
 * Start training (teachers and admins): enqueues the course's training job — or finds the one already
 * running, since a course trains one job at a time — and shows its progress live until it finishes.
 */
export function TrainingPanel({
  courseId,
  onFinished,
}: {
  courseId: string;
  onFinished: (job: JobDetail) => void;
}) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  async function start() {
    setError(undefined);
    try {
      const started = await startTraining(courseId);
      setJobId(started.job.id);
      setRunning(true);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="card stack" aria-labelledby="training-title">
      <h2 id="training-title">{t("models.trainingTitle")}</h2>
      <p className="muted">{t("models.trainingLead")}</p>
      <div>
        <button type="button" className="button" onClick={() => void start()} disabled={running}>
          {t("models.startTraining")}
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      {jobId && (
        <JobProgress
          key={jobId}
          jobId={jobId}
          title={t("models.trainingJob")}
          onFinished={(job) => {
            setRunning(false);
            onFinished(job);
          }}
        />
      )}
    </section>
  );
}
