import { useTranslation } from "react-i18next";
import type { ModelDecision, ModelSummary } from "../../api/models";
import { DataTable } from "../../components/DataTable";
import { uiLocale } from "../../i18n/locales";
import { type MessageKey, messageKey } from "../../i18n/message-key";
import { localizedReason } from "./decision-reason";

const ACTIONS: Record<ModelDecision["action"], MessageKey> = {
  promote: messageKey("models.action.promote"),
  rollback: messageKey("models.action.rollback"),
  reject: messageKey("models.action.reject"),
  keep: messageKey("models.action.keep"),
};

/** The automatic rule's reason in the UI language; a person's reason as they typed it. */
function DecisionReason({ decision, locale }: { decision: ModelDecision; locale: string }) {
  const { t } = useTranslation();
  const localized = localizedReason(decision, locale);
  return <span>{localized ? t(localized.key, localized.values) : decision.reason}</span>;
}

/**
 * The audited decisions for the course, newest first: what happened to which model, who decided (the
 * automatic champion/challenger rule or a person), when, why, and the figures it was compared on.
 */
export function DecisionsLog({
  decisions,
  models,
  currentUserId,
}: {
  decisions: readonly ModelDecision[];
  models: readonly ModelSummary[];
  currentUserId: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const kindOf = (id: string | null) => models.find((model) => model.id === id)?.kind ?? "—";
  if (decisions.length === 0) return <p className="muted">{t("models.noDecisions")}</p>;
  return (
    <DataTable
      caption={t("models.decisionsTitle")}
      columns={[
        { label: t("models.decidedAt") },
        { label: t("models.decision") },
        { label: t("models.decidedBy") },
        { label: t("models.reason") },
      ]}
    >
      {decisions.map((decision) => (
        <tr key={decision.id}>
          <td>{when.format(new Date(decision.decidedAt))}</td>
          <td>
            {t(ACTIONS[decision.action])}
            <span className="table__sub">{kindOf(decision.modelId)}</span>
          </td>
          <td>
            {decision.actorId === null
              ? t("models.byRule")
              : decision.actorId === currentUserId
                ? t("models.byYou")
                : t("models.byStaff")}
          </td>
          <td>
            <DecisionReason decision={decision} locale={locale} />
            {Object.keys(decision.comparison).length > 0 && (
              <details>
                <summary>{t("models.comparison")}</summary>
                <pre className="comparison">{JSON.stringify(decision.comparison, null, 2)}</pre>
              </details>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
