import { localize } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import type { ConceptGraph } from "../../api/courses";
import { uiLocale } from "../../i18n/locales";

/**
 * The knowledge map as text: every concept in learning order with what it builds on. The same
 * information as the drawing, for screen readers, keyboards and small screens.
 */
export function ConceptList({ graph }: { graph: ConceptGraph }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const byId = new Map(graph.concepts.map((concept) => [concept.id, concept]));
  const title = (id: string) => {
    const concept = byId.get(id);
    return concept ? localize(concept.title, locale) : id;
  };
  return (
    <details className="concept-list">
      <summary>{t("dashboard.conceptListTitle")}</summary>
      <ol>
        {graph.order.map((id) => {
          const requires = graph.prerequisites
            .filter((edge) => edge.concept === id)
            .map((edge) => title(edge.requires));
          return (
            <li key={id}>
              {title(id)}
              {requires.length > 0 && (
                <span className="concept-list__requires">
                  {t("dashboard.buildsOn", { concepts: requires.join(locale === "zh-CN" ? "、" : ", ") })}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
