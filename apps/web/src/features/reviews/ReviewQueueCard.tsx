import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { reviewQueue } from "../../api/learning";
import { useResource } from "../../api/use-resource";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";

const SHOWN = 5;

/** Due reviews (FSRS, least recalled first) and the next upcoming ones, with the estimated recall. */
export function ReviewQueueCard({ course, learnerId }: { course: CourseData; learnerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const queue = useResource(
    (signal) => reviewQueue(learnerId, course.course.id, signal),
    [learnerId, course],
  );
  const titleOf = (conceptId: string, key: string) => {
    const concept = course.graph.concepts.find((candidate) => candidate.id === conceptId);
    return concept ? localize(concept.title, locale) : key;
  };
  const date = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" });
  if (queue.status === "loading") return <Loading />;
  if (queue.status === "error") return <ErrorMessage error={queue.error} />;
  const { due, upcoming } = queue.data;
  const later = upcoming.filter((entry) => !entry.isDue).slice(0, SHOWN);
  return (
    <>
      <p>{t("reviews.dueCount", { count: due.length })}</p>
      {due.length > 0 && (
        <ul className="review-list">
          {due.slice(0, SHOWN).map((entry) => (
            <li key={entry.conceptId}>
              {titleOf(entry.conceptId, entry.key)} ·{" "}
              {t("reviews.recall", { percent: `${Math.round(entry.retrievability * 100)}%` })}
            </li>
          ))}
        </ul>
      )}
      {later.length > 0 && (
        <>
          <h3>{t("reviews.upcomingTitle")}</h3>
          <ul className="review-list">
            {later.map((entry) => (
              <li key={entry.conceptId}>
                {titleOf(entry.conceptId, entry.key)} · {date.format(new Date(entry.due))}
              </li>
            ))}
          </ul>
        </>
      )}
      {upcoming.length === 0 && <p className="empty">{t("reviews.empty")}</p>}
    </>
  );
}
