import { useTranslation } from "react-i18next";
import type { ModelDetail } from "../../api/models";
import { DataTable } from "../../components/DataTable";
import { uiLocale } from "../../i18n/locales";
import { formatMetric, formatShare } from "./format";

/**
 * Held-out metrics per group (each class, each configured learner attribute). Groups smaller than the
 * configured minimum are suppressed by the server: no figures and no count, only the reason.
 */
export function FairnessTable({ rows }: { rows: ModelDetail["fairness"] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  if (rows.length === 0) return <p className="muted">{t("models.noFairness")}</p>;
  return (
    <DataTable
      caption={t("models.fairnessTitle")}
      columns={[
        { label: t("models.group") },
        { label: t("models.learners"), numeric: true },
        { label: t("models.auc"), numeric: true },
        { label: t("models.accuracy"), numeric: true },
        { label: t("models.ece"), numeric: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={`${row.dimension}:${row.group}`}>
          <td>
            {row.label}
            <span className="table__sub">{row.dimension}</span>
          </td>
          {row.suppressed || !row.metrics ? (
            <td colSpan={4}>
              <span className="badge">{t("models.suppressed")}</span> {row.reason ?? ""}
            </td>
          ) : (
            <>
              <td className="numeric">{row.learners ?? "—"}</td>
              <td className="numeric">{formatMetric(row.metrics.auc, locale)}</td>
              <td className="numeric">{formatShare(row.metrics.accuracy, locale)}</td>
              <td className="numeric">{formatMetric(row.metrics.ece, locale)}</td>
            </>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
