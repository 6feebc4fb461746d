import { useTranslation } from "react-i18next";
import type { JobSummary } from "../../api/jobs";
import { uiLocale } from "../../i18n/locales";
import { JobStatusBadge } from "./JobStatusBadge";

/** The school's recent jobs: kind, status, progress, attempts, when, and the last error. */
export function JobsTable({ jobs }: { jobs: readonly JobSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  if (jobs.length === 0) return <p className="muted">{t("jobs.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("jobs.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("jobs.kind")}</th>
            <th scope="col">{t("jobs.statusColumn")}</th>
            <th scope="col" className="numeric">
              {t("jobs.progress")}
            </th>
            <th scope="col" className="numeric">
              {t("jobs.attemptsColumn")}
            </th>
            <th scope="col">{t("jobs.created")}</th>
            <th scope="col">{t("jobs.error")}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td>
                <code>{job.kind}</code>
                {job.message && <span className="table__sub">{job.message}</span>}
              </td>
              <td>
                <JobStatusBadge status={job.status} />
              </td>
              <td className="numeric">{percent.format(job.progress)}</td>
              <td className="numeric">
                {job.attempts} / {job.maxAttempts}
              </td>
              <td>{when.format(new Date(job.createdAt))}</td>
              <td>{job.error ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
