import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import type { PlanStep } from "../../api/learning";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";

const percent = (value: unknown) => (typeof value === "number" ? `${Math.round(value * 100)}%` : undefined);
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];

/**
 * The planner's structured reasons (docs/engine.md, "The platform planner") shown as a list. The
 * contract types `reasons` as an open record, so each field is read defensively and skipped when absent.
 */
export function ReasonList({ step, course }: { step: PlanStep; course: CourseData }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const titleOf = (key: string) => {
    const concept = course.graph.concepts.find((candidate) => candidate.key === key);
    return concept ? localize(concept.title, locale) : key;
  };
  const reasons = step.reasons;
  const goal = reasons.goal as { concept?: unknown; source?: unknown } | undefined;
  const chain = strings(reasons.prerequisiteChain);
  const rows: [string, string][] = [];
  if (goal && typeof goal.concept === "string") {
    const who = goal.source === "learner" ? t("nextUp.goalByLearner") : t("nextUp.goalByTeacher");
    rows.push([t("nextUp.reasonGoal"), `${titleOf(goal.concept)} (${who})`]);
  }
  if (chain.length > 1) rows.push([t("nextUp.reasonChain"), chain.map(titleOf).join(" → ")]);
  const mastery = percent(reasons.mastery);
  if (mastery) rows.push([t("nextUp.reasonMastery"), mastery]);
  const predicted = percent(reasons.predictedSuccess);
  const target = percent(reasons.targetSuccess);
  if (predicted && target)
    rows.push([t("nextUp.reasonSuccess"), t("nextUp.successValue", { predicted, target })]);
  if (typeof reasons.reviewDue === "string") {
    rows.push([t("nextUp.reasonReviewDue"), new Date(reasons.reviewDue).toLocaleDateString(locale)]);
  }
  const recall = percent(reasons.retrievability);
  if (recall) rows.push([t("nextUp.reasonRecall"), recall]);
  return (
    <dl className="reason-list">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
