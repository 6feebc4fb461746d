import type { MetricsView } from "@pathwise/contracts";
import { useTranslation } from "react-i18next";
import { uiLocale } from "../../i18n/locales";
import { formatMetric, formatShare } from "./format";

/** Held-out test metrics: AUC, accuracy, RMSE, log loss and expected calibration error. */
export function MetricsList({ metrics }: { metrics: MetricsView }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const rows: [string, string][] = [
    [t("models.auc"), formatMetric(metrics.auc, locale)],
    [t("models.accuracy"), formatShare(metrics.accuracy, locale)],
    [t("models.rmse"), formatMetric(metrics.rmse, locale)],
    [t("models.logLoss"), formatMetric(metrics.logLoss, locale)],
    [t("models.ece"), formatMetric(metrics.ece, locale)],
  ];
  return (
    <dl className="metrics">
      {rows.map(([label, value]) => (
        <div key={label} className="metrics__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div className="metrics__item">
        <dt>{t("models.scored")}</dt>
        <dd>{new Intl.NumberFormat(locale).format(metrics.count)}</dd>
      </div>
    </dl>
  );
}
