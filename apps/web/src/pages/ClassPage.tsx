import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { useParams } from "wouter";
import { classDetail } from "../api/admin";
import { useResource } from "../api/use-resource";
import { ErrorMessage, Loading } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { LearnerTable } from "../features/classes/LearnerTable";
import { ClassGoal } from "../features/goals/ClassGoal";
import { ClassHeatmap } from "../features/heatmap/ClassHeatmap";
import { uiLocale } from "../i18n/locales";

/** One class: its learners (each opens their history), the class mastery heatmap and a goal for the class. */
export function ClassPage() {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { classId = "" } = useParams<{ classId: string }>();
  const detail = useResource((signal) => classDetail(classId, signal), [classId]);

  if (detail.status === "loading") return <Loading />;
  if (detail.status === "error") return <ErrorMessage error={detail.error} />;
  const learners = detail.data.members
    .filter((member) => member.role === "learner")
    .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName, locale));
  return (
    <>
      <PageHeader
        title={localize(detail.data.class.name, locale)}
        lead={t("classes.learnerCount", { count: learners.length })}
      />
      <div className="stack">
        <section className="card" aria-labelledby="learners-title">
          <h2 id="learners-title">{t("classes.learners")}</h2>
          {learners.length === 0 ? (
            <p className="empty">{t("classes.noLearners")}</p>
          ) : (
            <LearnerTable classId={classId} learners={learners.map((member) => member.user)} />
          )}
        </section>
        <section className="card" aria-labelledby="heatmap-title">
          <h2 id="heatmap-title">{t("classes.heatmapTitle")}</h2>
          {learners.length === 0 ? (
            <p className="empty">{t("classes.noLearners")}</p>
          ) : (
            <ClassHeatmap classId={classId} learners={learners.map((member) => member.user)} />
          )}
        </section>
        <section className="card" aria-labelledby="class-goal-title">
          <h2 id="class-goal-title">{t("goals.classTitle")}</h2>
          {learners.length === 0 ? (
            <p className="empty">{t("classes.noLearners")}</p>
          ) : (
            <ClassGoal classId={classId} />
          )}
        </section>
      </div>
    </>
  );
}
