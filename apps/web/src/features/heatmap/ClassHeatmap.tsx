import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { classMastery } from "../../api/progress";
import { useResource } from "../../api/use-resource";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { uiLocale } from "../../i18n/locales";
import { useCourse } from "../course/use-course";
import { type ConceptEstimate, heatmapCells } from "./cells";
import { MasteryHeatmap } from "./MasteryHeatmap";

/**
 * Loads the class's mastery in one request (every learner × concept, the same estimates as each
 * learner's own mastery) and draws the class heatmap with concepts in the course's learning order.
 */
export function ClassHeatmap({
  classId,
  learners,
}: {
  classId: string;
  learners: readonly { id: string; displayName: string }[];
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const course = useCourse();
  const courseId = course.status === "ready" ? course.data?.course.id : undefined;
  const ids = learners.map((learner) => learner.id);
  const estimates = useResource(
    async (signal) => {
      if (!courseId) return new Map<string, readonly ConceptEstimate[]>();
      const loaded = await classMastery(classId, courseId, signal);
      return new Map(loaded.learners.map((entry) => [entry.learnerId, entry.concepts]));
    },
    [classId, courseId, ids.join()],
  );

  if (course.status === "loading" || estimates.status === "loading") return <Loading />;
  if (course.status === "error") return <ErrorMessage error={course.error} />;
  if (estimates.status === "error") return <ErrorMessage error={estimates.error} />;
  if (!course.data) return <p className="empty">{t("dashboard.mapEmpty")}</p>;
  const graph = course.data.graph;
  const titles = new Map(graph.concepts.map((concept) => [concept.id, localize(concept.title, locale)]));
  const order = graph.order.filter((id) => titles.has(id));
  const { cells, bands } = heatmapCells(ids, order, estimates.data);
  const description = t("classes.heatmapDescription", {
    learners: learners.length,
    concepts: order.length,
    mastered: bands.mastered,
    learning: bands.learning,
    low: bands.low,
    notStarted: bands.notStarted,
  });
  return (
    <>
      <p className="muted">{t("classes.heatmapLead")}</p>
      <MasteryHeatmap
        learners={learners.map((learner) => learner.displayName)}
        concepts={order.map((id) => titles.get(id) ?? id)}
        cells={cells}
        description={description}
      />
      <p className="muted">{description}</p>
    </>
  );
}
