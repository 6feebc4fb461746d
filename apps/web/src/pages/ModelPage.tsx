import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { getModel, type ModelDetail, promoteModel } from "../api/models";
import { useResource } from "../api/use-resource";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Loaded } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { FairnessTable } from "../features/models/FairnessTable";
import { MetricsList } from "../features/models/MetricsList";
import { ModelCard } from "../features/models/ModelCard";
import { ModelStatusBadge } from "../features/models/ModelStatusBadge";
import { ReliabilityChart } from "../features/models/ReliabilityChart";
import { uiLocale } from "../i18n/locales";
import { useSession } from "../session/SessionContext";
import "../styles/staff.css";

/** A loaded model's page; `reload` fetches it again after a promotion. */
function ModelView({ model: m, reload }: { model: ModelDetail; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const locale = uiLocale(i18n.language);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const seconds = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <>
      <PageHeader
        title={t("models.modelTitle", { kind: m.kind.toUpperCase() })}
        lead={t("models.trainedAt", { when: when.format(new Date(m.createdAt)) })}
      />
      <div className="stack">
        <p className="button-row">
          <Link href={`/models?course=${m.courseId}`}>{t("models.backToCourse")}</Link>
          <ModelStatusBadge status={m.status} />
        </p>
        <section className="card stack" aria-labelledby="metrics-title">
          <h2 id="metrics-title">{t("models.metricsTitle")}</h2>
          <MetricsList metrics={m.test} />
          <p className="muted">
            {t("models.trainingSummary", {
              epochs: m.training.epochs,
              best: m.training.bestEpoch,
              seconds: seconds.format(m.training.wallSeconds),
            })}
          </p>
          {user?.role === "admin" && m.status !== "champion" && (
            <div>
              <ConfirmDialog
                buttonLabel={t("models.promote")}
                title={t("models.promoteTitle")}
                explanation={t("models.promoteExplanation", { kind: m.kind })}
                confirmLabel={t("models.promote")}
                reasonLabel={t("models.reason")}
                onConfirm={async (reason) => {
                  await promoteModel(m.id, reason);
                  reload();
                }}
              />
            </div>
          )}
        </section>
        <section className="card stack" aria-labelledby="reliability-title">
          <h2 id="reliability-title">{t("models.reliabilityTitle")}</h2>
          <ReliabilityChart metrics={m.test} />
        </section>
        <section className="card stack" aria-labelledby="fairness-title">
          <h2 id="fairness-title">{t("models.fairnessTitle")}</h2>
          <FairnessTable rows={m.fairness} />
        </section>
        <section className="card stack" aria-labelledby="card-title">
          <h2 id="card-title">{t("models.cardTitle")}</h2>
          <ModelCard markdown={m.card} />
        </section>
      </div>
    </>
  );
}

/** One trained model: metrics, reliability diagram, fairness table, its model card; admins may promote it. */
export function ModelPage() {
  const { modelId = "" } = useParams<{ modelId: string }>();
  const model = useResource((signal) => getModel(modelId, signal), [modelId]);
  return <Loaded resource={model}>{(data) => <ModelView model={data} reload={model.reload} />}</Loaded>;
}
