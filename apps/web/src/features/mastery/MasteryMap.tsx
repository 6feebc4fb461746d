import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import type { Mastery } from "../../api/learning";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";
import { KnowledgeMap } from "../knowledge-map/KnowledgeMap";
import { MASTERY_BANDS, type MasteryBand, masteryBand } from "./bands";

/** Band names as literal keys, so the catalogue test sees every one used. */
export function useBandNames(): Record<MasteryBand, string> {
  const { t } = useTranslation();
  return {
    notStarted: t("mastery.bandNotStarted"),
    low: t("mastery.bandLow"),
    learning: t("mastery.bandLearning"),
    mastered: t("mastery.bandMastered"),
  };
}

/** The legend: one swatch per band, named in words, so the map's colours can be read. */
export function MasteryLegend() {
  const { t } = useTranslation();
  const names = useBandNames();
  return (
    <ul className="mastery-legend" aria-label={t("mastery.legend")}>
      {MASTERY_BANDS.map((band) => (
        <li key={band}>
          <span className={`mastery-swatch concept-node--${band}`} aria-hidden="true" />
          {names[band]}
        </li>
      ))}
    </ul>
  );
}

/**
 * The course's knowledge map coloured by one learner's mastery (the server's learner model), with a
 * legend and a note naming the model: the course's trained champion, or the interim BKT before one exists.
 */
export function MasteryMap({
  course,
  mastery,
  label,
}: {
  course: CourseData;
  mastery: Mastery;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const names = useBandNames();
  const byConcept = new Map(mastery.concepts.map((entry) => [entry.conceptId, entry]));
  const concepts = course.graph.concepts.map((concept) => {
    const title = localize(concept.title, locale);
    const estimate = byConcept.get(concept.id);
    if (!estimate) return { id: concept.id, title };
    const band = masteryBand(estimate);
    const percent = `${Math.round(estimate.mastery * 100)}%`;
    const detail = band === "notStarted" ? undefined : percent;
    return {
      id: concept.id,
      title,
      band,
      ...(detail ? { detail } : {}),
      description: t("mastery.nodeLabel", { concept: title, band: names[band], percent }),
    };
  });
  return (
    <>
      <KnowledgeMap label={label} concepts={concepts} prerequisites={course.graph.prerequisites} />
      <MasteryLegend />
      <p className="muted map-note">
        {mastery.model.interim || !mastery.model.trainedAt
          ? t("mastery.modelNoteInterim")
          : t("mastery.modelNoteTrained", {
              kind: mastery.model.name.toUpperCase(),
              date: new Date(mastery.model.trainedAt).toLocaleDateString(locale),
            })}
      </p>
    </>
  );
}
