import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import type { ConceptGraph } from "../../api/courses";
import { uiLocale } from "../../i18n/locales";

/**
 * Checkboxes for the course's concepts in learning order, named `conceptIds` in the form, so a goal can
 * name one or several. A fieldset with a legend, so screen readers announce what is being chosen.
 */
export function ConceptPicker({ graph, legend }: { graph: ConceptGraph; legend: string }) {
  const { i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const byId = new Map(graph.concepts.map((concept) => [concept.id, concept]));
  const ordered = graph.order.flatMap((id) => {
    const concept = byId.get(id);
    return concept ? [concept] : [];
  });
  return (
    <fieldset className="concept-picker">
      <legend>{legend}</legend>
      <div className="concept-picker__list">
        {ordered.map((concept) => (
          <label key={concept.id} className="concept-picker__option">
            <input type="checkbox" name="conceptIds" value={concept.id} />
            {localize(concept.title, locale)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The goal a goal form describes: the chosen concepts, the note and target date when filled in. */
export function goalFromForm(form: FormData) {
  const note = String(form.get("note") ?? "").trim();
  const targetDate = String(form.get("targetDate") ?? "");
  return {
    conceptIds: form.getAll("conceptIds").map(String),
    ...(note ? { note } : {}),
    ...(targetDate ? { targetDate } : {}),
  };
}
