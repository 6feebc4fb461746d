import { localize } from "@pathwise/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { fullHistory } from "../api/events";
import { learnerPlan } from "../api/learning";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { useCourse } from "../features/course/use-course";
import { ExamPredictionCard } from "../features/exam/ExamPredictionCard";
import { GoalsPanel } from "../features/goals/GoalsPanel";
import { HistoryTable } from "../features/history/HistoryTable";
import { ConceptList } from "../features/knowledge-map/ConceptList";
import { LearnerMasteryMap, useLearnerMastery } from "../features/mastery/LearnerMasteryMap";
import { NextUp } from "../features/next-up/NextUp";
import { MasteryOverTime } from "../features/progress/MasteryOverTime";
import { PracticeProgress } from "../features/progress/PracticeProgress";
import { ReviewQueueCard } from "../features/reviews/ReviewQueueCard";
import { uiLocale } from "../i18n/locales";
import { useSession } from "../session/SessionContext";

const RECENT = 8;
/** Steps shown under "Next up": enough to choose from, few enough to read. */
const PLAN_HORIZON = 3;

/** The learner's home: their course's knowledge map, what comes next, and their recent practice. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { user } = useSession();
  const course = useCourse();
  const learnerId = user?.id ?? "";
  const history = useResource((signal) => fullHistory(learnerId, signal), [learnerId]);
  const courseId = course.status === "ready" ? course.data?.course.id : undefined;
  const mastery = useLearnerMastery(learnerId, course);
  const plan = useResource(
    (signal) =>
      courseId ? learnerPlan(learnerId, courseId, PLAN_HORIZON, signal) : Promise.resolve(undefined),
    [learnerId, courseId],
  );
  // A new or dropped goal changes the plan and the chart's default concepts: both are loaded again.
  const [goalsVersion, setGoalsVersion] = useState(0);
  const goalsChanged = () => {
    plan.reload();
    setGoalsVersion((version) => version + 1);
  };
  const recent = history.status === "ready" ? history.data.slice(-RECENT).reverse() : [];

  return (
    <>
      <PageHeader
        title={t("dashboard.title", { name: user?.displayName ?? "" })}
        lead={t("dashboard.lead")}
      />
      <div className="stack">
        <section className="card" aria-labelledby="map-title">
          <h2 id="map-title">{t("dashboard.mapTitle")}</h2>
          {course.status === "loading" && <Loading />}
          {course.status === "error" && <ErrorMessage error={course.error} />}
          {course.status === "ready" && !course.data && <p className="empty">{t("dashboard.mapEmpty")}</p>}
          {course.status === "ready" && course.data && (
            <>
              <p className="card__lead">
                <strong>{localize(course.data.course.title, locale)}</strong> · {t("dashboard.mapLead")}
              </p>
              <LearnerMasteryMap
                course={course.data}
                mastery={mastery}
                label={t("dashboard.mapLabel", { course: localize(course.data.course.title, locale) })}
              />
              <p>
                <Link href="/placement">{t("placement.dashboardLink")}</Link>
              </p>
              <ConceptList graph={course.data.graph} />
            </>
          )}
        </section>
        <div className="grid grid--dashboard">
          <section className="card" aria-labelledby="next-title">
            <h2 id="next-title">{t("dashboard.nextUpTitle")}</h2>
            {plan.status === "loading" && <Loading />}
            {plan.status === "error" && <ErrorMessage error={plan.error} />}
            {plan.status === "ready" && plan.data && course.status === "ready" && course.data && (
              <NextUp plan={plan.data} course={course.data} learnerId={learnerId} />
            )}
            <Link href="/practice" className="button button--secondary">
              {t("dashboard.startPractice")}
            </Link>
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title">{t("dashboard.historyTitle")}</h2>
            {history.status === "loading" && <Loading />}
            {history.status === "error" && <ErrorMessage error={history.error} />}
            {history.status === "ready" && history.data.length === 0 && (
              <p className="empty">{t("dashboard.historyEmpty")}</p>
            )}
            {history.status === "ready" && history.data.length > 0 && (
              <HistoryTable entries={recent} course={course.status === "ready" ? course.data : undefined} />
            )}
          </section>
        </div>
        {course.status === "ready" && course.data && (
          <section className="card" aria-labelledby="goals-title">
            <h2 id="goals-title">{t("goals.title")}</h2>
            <GoalsPanel course={course.data} learnerId={learnerId} viewer="learner" onChange={goalsChanged} />
          </section>
        )}
        {course.status === "ready" && course.data && (
          <section className="card" aria-labelledby="mastery-history-title">
            <h2 id="mastery-history-title">{t("masteryHistory.title")}</h2>
            <MasteryOverTime key={goalsVersion} course={course.data} learnerId={learnerId} />
          </section>
        )}
        {course.status === "ready" && course.data && (
          <div className="grid grid--dashboard">
            <section className="card" aria-labelledby="reviews-title">
              <h2 id="reviews-title">{t("reviews.title")}</h2>
              <ReviewQueueCard course={course.data} learnerId={learnerId} />
            </section>
            <section className="card" aria-labelledby="exam-title">
              <h2 id="exam-title">{t("exam.title")}</h2>
              <ExamPredictionCard course={course.data} learnerId={learnerId} />
            </section>
          </div>
        )}
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">{t("progress.title")}</h2>
          {history.status === "ready" && <PracticeProgress history={history.data} />}
        </section>
      </div>
    </>
  );
}
