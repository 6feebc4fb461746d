import { localize } from "@pathwise/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dropGoal, type Goal, learnerGoals, setGoal } from "../../api/goals";
import { useResource } from "../../api/use-resource";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";
import { GoalForm } from "./GoalForm";

/** Who looks at the goals: the learner, staff (teacher/admin) acting for them, or a guardian (read-only). */
export type GoalViewer = "learner" | "staff" | "guardian";

/** A learner drops only their own goals (a teacher's goal is an assignment); staff drop any open goal. */
const mayDrop = (goal: Goal, viewer: GoalViewer) =>
  goal.status === "open" && (viewer === "staff" || (viewer === "learner" && goal.setBy.role === "learner"));

function GoalEntry({
  goal,
  course,
  viewer,
  onDropped,
}: {
  goal: Goal;
  course: CourseData;
  viewer: GoalViewer;
  onDropped: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const titles = new Map(course.graph.concepts.map((c) => [c.id, localize(c.title, locale)]));
  const names = goal.concepts.map((c) => titles.get(c.conceptId) ?? c.key).join(", ");
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const setBy =
    goal.setBy.role === "learner"
      ? viewer === "learner"
        ? t("goals.setByYou")
        : t("goals.setByLearner")
      : t("goals.setByStaff", { name: goal.setBy.displayName });

  async function drop() {
    setBusy(true);
    setError(undefined);
    try {
      await dropGoal(goal.id);
      onDropped();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <li className="goal">
      <div className="goal__head">
        <strong>{names}</strong>{" "}
        {goal.status === "achieved" ? (
          <span className="badge badge--success">{t("goals.achieved")}</span>
        ) : (
          <span className="badge">{t("goals.open")}</span>
        )}
      </div>
      <p className="muted">
        {setBy}
        {goal.targetDate && ` · ${t("goals.due", { date: date.format(new Date(goal.targetDate)) })}`}
      </p>
      {goal.note && <p>{goal.note}</p>}
      <p>
        {t("goals.progress", { mastered: goal.progress.mastered, total: goal.progress.total })}
        {" — "}
        {goal.concepts
          .map((c) => `${titles.get(c.conceptId) ?? c.key} ${Math.round(c.mastery * 100)}%`)
          .join(", ")}
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {mayDrop(goal, viewer) && (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void drop()}
        >
          {t("goals.drop")}
        </button>
      )}
    </li>
  );
}

/**
 * A learner's goals in the course: open and achieved ones with who set them and how far the learner is
 * (each concept's mastery; achieved once all reach the mastered band). The learner and staff can set a
 * goal here; `onChange` tells the page (so the plan can aim at the new goal).
 */
export function GoalsPanel({
  course,
  learnerId,
  viewer,
  onChange,
}: {
  course: CourseData;
  learnerId: string;
  viewer: GoalViewer;
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  const goals = useResource(
    (signal) => learnerGoals(learnerId, course.course.id, signal),
    [learnerId, course],
  );
  const changed = () => {
    goals.reload();
    onChange?.();
  };
  const shown = goals.status === "ready" ? goals.data.filter((goal) => goal.status !== "dropped") : [];
  return (
    <>
      {goals.status === "loading" && <Loading />}
      {goals.status === "error" && <ErrorMessage error={goals.error} />}
      {goals.status === "ready" && shown.length === 0 && <p className="empty">{t("goals.empty")}</p>}
      {shown.length > 0 && (
        <ul className="list-plain goal-list">
          {shown.map((goal) => (
            <GoalEntry key={goal.id} goal={goal} course={course} viewer={viewer} onDropped={changed} />
          ))}
        </ul>
      )}
      {viewer !== "guardian" && (
        <GoalForm
          graph={course.graph}
          title={viewer === "learner" ? t("goals.setOwn") : t("goals.setForLearner")}
          submitLabel={t("goals.submit")}
          save={async (goal) => {
            await setGoal(learnerId, course.course.id, goal);
            changed();
            return t("goals.saved");
          }}
        />
      )}
    </>
  );
}
