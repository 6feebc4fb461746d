import { useTranslation } from "react-i18next";
import { listJobs } from "../api/jobs";
import { useResource } from "../api/use-resource";
import { Loaded } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { JobsTable } from "../features/jobs/JobsTable";
import "../styles/staff.css";

/** The school's recent background jobs (imports, training) with their status, progress and errors. */
export function JobsPage() {
  const { t } = useTranslation();
  const jobs = useResource((signal) => listJobs(signal), []);
  return (
    <>
      <PageHeader title={t("jobs.title")} lead={t("jobs.lead")} />
      <section className="card stack" aria-labelledby="jobs-title">
        <div className="button-row">
          <h2 id="jobs-title">{t("jobs.recent")}</h2>
          <button type="button" className="button button--secondary" onClick={jobs.reload}>
            {t("jobs.refresh")}
          </button>
        </div>
        <Loaded resource={jobs}>{(data) => <JobsTable jobs={data} />}</Loaded>
      </section>
    </>
  );
}
