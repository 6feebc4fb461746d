import { useTranslation } from "react-i18next";
import { setClassGoal } from "../../api/goals";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { useCourse } from "../course/use-course";
import { GoalForm } from "./GoalForm";

/** A teacher sets one goal for every learner of the class at once (stored as one goal per learner). */
export function ClassGoal({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const course = useCourse();
  if (course.status === "loading") return <Loading />;
  if (course.status === "error") return <ErrorMessage error={course.error} />;
  const data = course.data;
  if (!data) return <p className="empty">{t("dashboard.mapEmpty")}</p>;
  return (
    <>
      <p className="muted">{t("goals.classLead")}</p>
      <GoalForm
        graph={data.graph}
        title={t("goals.classFormTitle")}
        submitLabel={t("goals.classSubmit")}
        save={async (goal) => {
          const goals = await setClassGoal(classId, data.course.id, goal);
          return t("goals.classSaved", { count: goals.length });
        }}
      />
    </>
  );
}
