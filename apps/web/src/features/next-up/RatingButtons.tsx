import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type RecommendationRating, rateRecommendation } from "../../api/learning";
import { Alert, ErrorMessage } from "../../components/Feedback";

/**
 * The four ratings of a recommendation (issue 6), posted as recommendation feedback. The server answers
 * with the planner's new target success, shown so the learner sees what the rating changed.
 */
export function RatingButtons({ learnerId, itemId }: { learnerId: string; itemId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    { status: "idle" | "busy" } | { status: "done"; target: number } | { status: "error"; error: unknown }
  >({ status: "idle" });
  const labels: Record<RecommendationRating, string> = {
    useful: t("nextUp.rateUseful"),
    too_easy: t("nextUp.rateTooEasy"),
    too_hard: t("nextUp.rateTooHard"),
    not_now: t("nextUp.rateNotNow"),
  };
  async function rate(rating: RecommendationRating) {
    setState({ status: "busy" });
    try {
      const result = await rateRecommendation(learnerId, itemId, rating);
      setState({ status: "done", target: result.targetSuccess });
    } catch (error) {
      setState({ status: "error", error });
    }
  }
  return (
    <div className="rating">
      <fieldset className="rating__buttons">
        <legend>{t("nextUp.rateLegend")}</legend>
        {(Object.keys(labels) as RecommendationRating[]).map((rating) => (
          <button
            key={rating}
            type="button"
            className="button button--secondary"
            disabled={state.status === "busy"}
            onClick={() => void rate(rating)}
          >
            {labels[rating]}
          </button>
        ))}
      </fieldset>
      {state.status === "done" && (
        <Alert kind="success">{t("nextUp.rated", { target: `${Math.round(state.target * 100)}%` })}</Alert>
      )}
      {state.status === "error" && <ErrorMessage error={state.error} />}
    </div>
  );
}
