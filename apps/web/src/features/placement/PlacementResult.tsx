import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { PlacementSession } from "../../api/learning";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";

type Result = NonNullable<PlacementSession["result"]>;

/** The finished test: ability on the IRT scale with its standard error, and the mastery it seeded. */
export function PlacementResult({ result, course }: { result: Result; course: CourseData }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const stopReasons: Record<Result["stopReason"], string> = {
    "se-threshold": t("placement.stopPrecise"),
    "item-cap": t("placement.stopCap"),
    "bank-exhausted": t("placement.stopBank"),
  };
  const seeded = new Map(result.seededMastery.map((entry) => [entry.conceptId, entry.mastery]));
  return (
    <section className="card" aria-labelledby="placement-result-title">
      <h2 id="placement-result-title">{t("placement.resultTitle")}</h2>
      <p>{t("placement.ability", { theta: result.theta.toFixed(2), se: result.se.toFixed(2) })}</p>
      <p className="muted">
        {t("placement.itemsAnswered", { count: result.itemsAdministered })} · {stopReasons[result.stopReason]}
      </p>
      <p className="muted">{t("placement.abilityNote")}</p>
      <table className="table">
        <caption>{t("placement.seededTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("history.concept")}</th>
            <th scope="col" className="numeric">
              {t("placement.masteryColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {course.graph.concepts
            .filter((concept) => seeded.has(concept.id))
            .map((concept) => (
              <tr key={concept.id}>
                <td>{localize(concept.title, locale)}</td>
                <td className="numeric">{Math.round((seeded.get(concept.id) ?? 0) * 100)}%</td>
              </tr>
            ))}
        </tbody>
      </table>
      <Link href="/" className="button">
        {t("placement.toDashboard")}
      </Link>
    </section>
  );
}
