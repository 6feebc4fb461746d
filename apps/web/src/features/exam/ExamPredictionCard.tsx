import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { examPrediction } from "../../api/learning";
import { useResource } from "../../api/use-resource";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";

/**
 * Predicted score on a whole-course exam with one question per concept: expected score, 90% interval
 * and the concepts that would cost the most points. The server's interval coverage is not yet
 * measured for the interim model, and the page says so.
 */
export function ExamPredictionCard({ course, learnerId }: { course: CourseData; learnerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const keys = course.graph.concepts.map((concept) => concept.key);
  const prediction = useResource(
    (signal) => examPrediction(learnerId, course.course.id, keys, signal),
    [learnerId, course],
  );
  if (prediction.status === "loading") return <Loading />;
  if (prediction.status === "error") return <ErrorMessage error={prediction.error} />;
  const { expectedScore, interval90, items, advice } = prediction.data;
  const titleOf = (key: string) => {
    const concept = course.graph.concepts.find((candidate) => candidate.key === key);
    return concept ? localize(concept.title, locale) : key;
  };
  return (
    <>
      <p className="exam-score">
        {t("exam.score", {
          score: expectedScore.toFixed(1),
          total: items,
          low: Number(interval90[0].toFixed(1)),
          high: Number(interval90[1].toFixed(1)),
        })}
      </p>
      <p className="muted">{t("exam.blueprint")}</p>
      {advice.weakestConcepts.length > 0 && (
        <>
          <h3>{t("exam.weakestTitle")}</h3>
          <ul className="review-list">
            {advice.weakestConcepts.slice(0, 3).map((entry) => (
              <li key={entry.key}>{titleOf(entry.key)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
