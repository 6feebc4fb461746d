import { useTranslation } from "react-i18next";
import type { JobSummary } from "../../api/jobs";
import { DataTable } from "../../components/DataTable";
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
    <DataTable
      caption={t("jobs.caption")}
      columns={[
        { label: t("jobs.kind") },
        { label: t("jobs.statusColumn") },
        { label: t("jobs.progress"), numeric: true },
        { label: t("jobs.attemptsColumn"), numeric: true },
        { label: t("jobs.created") },
        { label: t("jobs.error") },
      ]}
    >
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
    </DataTable>
  );
}
