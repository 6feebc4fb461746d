import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { Plan, PlanStep } from "../../api/learning";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";
import { RatingButtons } from "./RatingButtons";
import { ReasonList } from "./ReasonList";

function StepCard({ step, course, learnerId }: { step: PlanStep; course: CourseData; learnerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const concept = course.graph.concepts.find((candidate) => candidate.id === step.conceptId);
  const kinds = {
    learn: t("nextUp.kindLearn"),
    review: t("nextUp.kindReview"),
    assignment: t("nextUp.kindAssignment"),
  };
  return (
    <li className="next-step">
      <p className="next-step__head">
        <span className="badge">{kinds[step.kind]}</span>{" "}
        <strong>{concept ? localize(concept.title, locale) : step.conceptKey}</strong>
      </p>
      <p className="next-step__stem">{localize(step.item.stem, locale)}</p>
      <details className="why">
        <summary>{t("nextUp.why")}</summary>
        <p>{step.explanation[locale]}</p>
        <ReasonList step={step} course={course} />
      </details>
      <Link href={`/practice?item=${encodeURIComponent(step.item.id)}`} className="button">
        {t("nextUp.practise")}
      </Link>
      <RatingButtons learnerId={learnerId} itemId={step.item.id} />
    </li>
  );
}

/** "Next up": the planner's steps for this learner, each with why it was chosen and a way to rate it. */
export function NextUp({ plan, course, learnerId }: { plan: Plan; course: CourseData; learnerId: string }) {
  const { t } = useTranslation();
  if (plan.steps.length === 0) return <p className="empty">{t("nextUp.empty")}</p>;
  return (
    <ol className="next-steps">
      {plan.steps.map((step) => (
        <StepCard key={step.item.id} step={step} course={course} learnerId={learnerId} />
      ))}
    </ol>
  );
}
