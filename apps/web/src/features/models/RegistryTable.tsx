import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ModelSummary } from "../../api/models";
import { uiLocale } from "../../i18n/locales";
import { formatMetric, formatShare } from "./format";
import { ModelStatusBadge } from "./ModelStatusBadge";

/** Every model trained for the course, newest first, with its status and held-out metrics. */
export function RegistryTable({ models }: { models: readonly ModelSummary[] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  if (models.length === 0) return <p className="muted">{t("models.noModels")}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("models.registryTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("models.kind")}</th>
            <th scope="col">{t("models.statusColumn")}</th>
            <th scope="col" className="numeric">
              {t("models.validAuc")}
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
            <th scope="col">{t("models.trained")}</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr key={model.id}>
              <td>
                <Link href={`/models/${model.id}`}>
                  {t("models.modelLink", { kind: model.kind, when: when.format(new Date(model.createdAt)) })}
                </Link>
              </td>
              <td>
                <ModelStatusBadge status={model.status} />
              </td>
              <td className="numeric">{formatMetric(model.validAuc, locale)}</td>
              <td className="numeric">{formatMetric(model.test.auc, locale)}</td>
              <td className="numeric">{formatShare(model.test.accuracy, locale)}</td>
              <td className="numeric">{formatMetric(model.test.ece, locale)}</td>
              <td>{when.format(new Date(model.createdAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
