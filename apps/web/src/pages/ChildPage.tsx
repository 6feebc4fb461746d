import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { guardianChildren } from "../api/progress";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { useCourse } from "../features/course/use-course";
import { ExamPredictionCard } from "../features/exam/ExamPredictionCard";
import { GoalsPanel } from "../features/goals/GoalsPanel";
import { LearnerMasteryMap, useLearnerMastery } from "../features/mastery/LearnerMasteryMap";
import { MasteryOverTime } from "../features/progress/MasteryOverTime";
import { uiLocale } from "../i18n/locales";

/**
 * A guardian's read-only view of one child: knowledge map, goals, mastery over time and the predicted
 * exam score. Nothing here acts for the child (no practice, ratings or goals; the server refuses them too).
 */
export function ChildPage() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { learnerId = "" } = useParams<{ learnerId: string }>();
  const children = useResource((signal) => guardianChildren(signal), []);
  const course = useCourse();
  const mastery = useLearnerMastery(learnerId, course);
  const child =
    children.status === "ready" ? children.data.find((candidate) => candidate.id === learnerId) : undefined;
  const name = child?.displayName ?? "…";

  return (
    <>
      <p>
        <Link href="/children">← {t("guardian.back")}</Link>
      </p>
      <PageHeader title={t("guardian.childTitle", { name })} lead={t("guardian.childLead")} />
      {course.status === "loading" && <Loading />}
      {course.status === "error" && <ErrorMessage error={course.error} />}
      {course.status === "ready" && !course.data && <p className="empty">{t("dashboard.mapEmpty")}</p>}
      {course.status === "ready" && course.data && (
        <div className="stack">
          <section className="card" aria-labelledby="map-title">
            <h2 id="map-title">{t("dashboard.mapTitle")}</h2>
            <p className="card__lead">
              <strong>{localize(course.data.course.title, locale)}</strong> · {t("dashboard.mapLead")}
            </p>
            <LearnerMasteryMap course={course.data} mastery={mastery} label={t("classes.mapOf", { name })} />
          </section>
          <section className="card" aria-labelledby="mastery-history-title">
            <h2 id="mastery-history-title">{t("masteryHistory.title")}</h2>
            <MasteryOverTime course={course.data} learnerId={learnerId} />
          </section>
          <div className="grid grid--dashboard">
            <section className="card" aria-labelledby="goals-title">
              <h2 id="goals-title">{t("goals.title")}</h2>
              <GoalsPanel course={course.data} learnerId={learnerId} viewer="guardian" />
            </section>
            <section className="card" aria-labelledby="exam-title">
              <h2 id="exam-title">{t("exam.title")}</h2>
              <ExamPredictionCard course={course.data} learnerId={learnerId} />
            </section>
          </div>
        </div>
      )}
    </>
  );
}
