import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConceptGraph } from "../../api/courses";
import type { NewGoal } from "../../api/goals";
import { Alert, ErrorMessage } from "../../components/Feedback";
import { Field } from "../../components/Field";
import { useFormSubmit } from "../../components/use-form-submit";
import { ConceptPicker, goalFromForm } from "./ConceptPicker";

/**
 * Setting a goal: concepts to master, an optional note and target date. Used for a learner's own goal
 * and a teacher's goal for a class; `save` returns the confirmation to show.
 */
export function GoalForm({
  graph,
  title,
  submitLabel,
  save,
}: {
  graph: ConceptGraph;
  title: string;
  submitLabel: string;
  save: (goal: NewGoal) => Promise<string>;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string>();
  const [missing, setMissing] = useState(false);
  const { busy, error, onSubmit } = useFormSubmit(async (form, element) => {
    setSaved(undefined);
    const goal = goalFromForm(form);
    setMissing(goal.conceptIds.length === 0);
    if (goal.conceptIds.length === 0) return;
    const confirmation = await save(goal);
    // Cleared only after a successful save, so a failed one keeps what was chosen.
    element.reset();
    setSaved(confirmation);
  });
  return (
    <form className="goal-form" onSubmit={onSubmit}>
      <h3>{title}</h3>
      <ConceptPicker graph={graph} legend={t("goals.chooseConcepts")} />
      <div className="form-row">
        <Field label={t("goals.note")} name="note" maxLength={500} />
        <Field label={t("goals.targetDate")} name="targetDate" type="date" />
      </div>
      {missing && <Alert kind="error">{t("goals.chooseOne")}</Alert>}
      {error !== undefined && <ErrorMessage error={error} />}
      {saved && <Alert kind="success">{saved}</Alert>}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("auth.working") : submitLabel}
      </button>
    </form>
  );
}
