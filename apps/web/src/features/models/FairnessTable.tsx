import { useTranslation } from "react-i18next";
import type { ModelDetail } from "../../api/models";
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
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("models.fairnessTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("models.group")}</th>
            <th scope="col" className="numeric">
              {t("models.learners")}
            </th>
            <th scope="col" className="numeric">
              {t("models.auc")}
            </th>
            <th scope="col" className="numeric">
              {t("models.accuracy")}
            </th>
            <th scope="col" className="numeric">
              {t("models.ece")}
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
