import { useTranslation } from "react-i18next";
import { Link, useParams } from "wouter";
import { classDetail } from "../api/admin";
import { fullHistory } from "../api/events";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { useCourse } from "../features/course/use-course";
import { GoalsPanel } from "../features/goals/GoalsPanel";
import { HistoryTable } from "../features/history/HistoryTable";
import { LearnerMasteryMap, useLearnerMastery } from "../features/mastery/LearnerMasteryMap";
import { MasteryOverTime } from "../features/progress/MasteryOverTime";
import { PracticeProgress } from "../features/progress/PracticeProgress";

const RECENT = 30;

/** A teacher's view of one learner of their class: map, mastery over time, goals, recent practice. */
export function LearnerHistoryPage() {
  const { t } = useTranslation();
  const { classId = "", learnerId = "" } = useParams<{ classId: string; learnerId: string }>();
  const detail = useResource((signal) => classDetail(classId, signal), [classId]);
  const history = useResource((signal) => fullHistory(learnerId, signal), [learnerId]);
  const course = useCourse();
  const mastery = useLearnerMastery(learnerId, course);
  const learner =
    detail.status === "ready"
      ? detail.data.members.find((member) => member.user.id === learnerId)?.user
      : undefined;

  return (
    <>
      <p>
        <Link href={`/classes/${classId}`}>← {t("classes.back")}</Link>
      </p>
      <PageHeader title={t("classes.historyOf", { name: learner?.displayName ?? "…" })} />
      <div className="stack">
        <section className="card" aria-labelledby="map-title">
          <h2 id="map-title">{t("dashboard.mapTitle")}</h2>
          <LearnerMasteryMap
            course={course.status === "ready" ? course.data : undefined}
            mastery={mastery}
            label={t("classes.mapOf", { name: learner?.displayName ?? "…" })}
          />
        </section>
        {course.status === "ready" && course.data && (
          <section className="card" aria-labelledby="mastery-history-title">
            <h2 id="mastery-history-title">{t("masteryHistory.title")}</h2>
            <MasteryOverTime course={course.data} learnerId={learnerId} />
          </section>
        )}
        {course.status === "ready" && course.data && (
          <section className="card" aria-labelledby="goals-title">
            <h2 id="goals-title">{t("goals.title")}</h2>
            <GoalsPanel course={course.data} learnerId={learnerId} viewer="staff" />
          </section>
        )}
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">{t("progress.title")}</h2>
          {history.status === "ready" && <PracticeProgress history={history.data} />}
        </section>
        <section className="card" aria-label={t("dashboard.historyTitle")}>
          {history.status === "loading" && <Loading />}
          {history.status === "error" && <ErrorMessage error={history.error} />}
          {history.status === "ready" && history.data.length === 0 && (
            <p className="empty">{t("classes.noHistory")}</p>
          )}
          {history.status === "ready" && history.data.length > 0 && (
            <HistoryTable
              entries={history.data.slice(-RECENT).reverse()}
              course={course.status === "ready" ? course.data : undefined}
            />
          )}
        </section>
      </div>
    </>
  );
}
