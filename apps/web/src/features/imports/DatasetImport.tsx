import { DatasetImportResultSchema } from "@pathwise/contracts";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { type DatasetView, startDatasetImport } from "../../api/imports";
import type { JobDetail } from "../../api/jobs";
import { Alert, ErrorMessage } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { SelectField } from "../../components/SelectField";
import { JobProgress } from "../jobs/JobProgress";

/** A trial import stays small unless the admin asks for more. */
const DEFAULT_LIMIT = 200;

const splitValue = (dataset: DatasetView) => `${dataset.name}/${dataset.format}`;

/**
 * Dataset import: pick one of the public ASSISTments splits the server has, a learner limit, start — the
 * import runs as a background job whose progress is shown live, with a cancel button, then its summary.
 */
export function DatasetImport({ datasets }: { datasets: readonly DatasetView[] }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string>();
  const [result, setResult] = useState<JobDetail>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = datasets.find((dataset) => splitValue(dataset) === form.get("split"));
    if (!chosen) return;
    const limit = Number(form.get("limit"));
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const started = await startDatasetImport({
        dataset: chosen.name,
        format: chosen.format,
        ...(limit > 0 ? { limitStudents: limit } : {}),
      });
      setJobId(started.job.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const summary =
    result?.status === "succeeded" ? DatasetImportResultSchema.safeParse(result.result) : undefined;
  return (
    <section className="card stack" aria-labelledby="dataset-import-title">
      <h2 id="dataset-import-title">{t("imports.datasetTitle")}</h2>
      <p className="muted">{t("imports.datasetLead")}</p>
      {datasets.length === 0 ? (
        <p className="muted">{t("imports.noDatasets")}</p>
      ) : (
        <form className="stack" onSubmit={(event) => void start(event)}>
          <SelectField
            label={t("imports.dataset")}
            name="split"
            options={datasets.map((dataset) => ({
              value: splitValue(dataset),
              label: t("imports.datasetOption", {
                name: dataset.name,
                format: dataset.format,
                folds: dataset.folds,
              }),
            }))}
          />
          <Field
            label={t("imports.limit")}
            hint={t("imports.limitHint")}
            name="limit"
            type="number"
            min={1}
            step={1}
            defaultValue={DEFAULT_LIMIT}
          />
          <div>
            <button type="submit" className="button" disabled={busy}>
              {t("imports.start")}
            </button>
          </div>
        </form>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {jobId && (
        <JobProgress key={jobId} jobId={jobId} title={t("imports.datasetJob")} onFinished={setResult} />
      )}
      {summary?.success && (
        <Alert kind="success">
          {t("imports.datasetDone", {
            course: summary.data.course,
            learners: summary.data.learners.created + summary.data.learners.existing,
            stored: summary.data.events.stored,
            unchanged: summary.data.events.unchanged,
            items: summary.data.items,
          })}{" "}
          <Link href={`/models?course=${summary.data.courseId}`}>{t("imports.toModels")}</Link>
        </Alert>
      )}
    </section>
  );
}
