import { useTranslation } from "react-i18next";
import { learnerGoals } from "../../api/goals";
import { masteryHistory } from "../../api/progress";
import { useResource } from "../../api/use-resource";
import { ErrorMessage, Loading } from "../../components/Feedback";
import type { CourseData } from "../course/use-course";
import { MasteryHistoryChart } from "./MasteryHistoryChart";

/** The "Mastery over time" card body for one learner: their history and open goals, then the chart. */
export function MasteryOverTime({ course, learnerId }: { course: CourseData; learnerId: string }) {
  const { t } = useTranslation();
  const data = useResource(
    async (signal) => {
      const [history, goals] = await Promise.all([
        masteryHistory(learnerId, course.course.id, signal),
        learnerGoals(learnerId, course.course.id, signal),
      ]);
      const goalConcepts = goals
        .filter((goal) => goal.status === "open")
        .flatMap((goal) => goal.concepts.map((c) => c.conceptId));
      return { history, goalConcepts };
    },
    [learnerId, course],
  );
  if (data.status === "loading") return <Loading />;
  if (data.status === "error") return <ErrorMessage error={data.error} />;
  if (data.data.history.days.length === 0) return <p className="empty">{t("masteryHistory.empty")}</p>;
  return (
    <MasteryHistoryChart
      history={data.data.history}
      course={course}
      goalConceptIds={data.data.goalConcepts}
    />
  );
}
