import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ModelSummary } from "../../api/models";
import { uiLocale } from "../../i18n/locales";
import { MetricsList } from "./MetricsList";

/** The course's serving model: its kind, when it was trained and promoted, and its held-out metrics. */
export function ChampionCard({
  champion,
  actions,
}: {
  champion: ModelSummary | undefined;
  actions?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(uiLocale(i18n.language), { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="card stack" aria-labelledby="champion-title">
      <h2 id="champion-title">{t("models.championTitle")}</h2>
      {!champion ? (
        <p className="muted">{t("models.noChampion")}</p>
      ) : (
        <>
          <p>
            <strong className="model-kind">{champion.kind}</strong>{" "}
            {t("models.trainedAt", { when: when.format(new Date(champion.createdAt)) })}
            {champion.promotedAt &&
              ` · ${t("models.promotedAt", { when: when.format(new Date(champion.promotedAt)) })}`}
          </p>
          <MetricsList metrics={champion.test} />
          <div className="button-row">
            <Link href={`/models/${champion.id}`} className="button button--secondary">
              {t("models.openCard")}
            </Link>
            {actions}
          </div>
        </>
      )}
    </section>
  );
}
