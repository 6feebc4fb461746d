import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ModelSummary } from "../../api/models";
import { DataTable } from "../../components/DataTable";
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
    <DataTable
      caption={t("models.registryTitle")}
      columns={[
        { label: t("models.kind") },
        { label: t("models.statusColumn") },
        { label: t("models.validAuc"), numeric: true },
        { label: t("models.auc"), numeric: true },
        { label: t("models.accuracy"), numeric: true },
        { label: t("models.ece"), numeric: true },
        { label: t("models.trained") },
      ]}
    >
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
    </DataTable>
  );
}
