import { type LocalizedText, localize, toLearnerEvent } from "@pathwise/domain";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../api/events";
import { DataTable } from "../../components/DataTable";
import { uiLocale } from "../../i18n/locales";
import type { CourseData } from "../course/use-course";

/** Recent answers as a table: when, which concept and question, and whether it was right. */
export function HistoryTable({
  entries,
  course,
}: {
  entries: readonly HistoryEntry[];
  course: CourseData | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const items = new Map(course?.items.map((item) => [item.id, item]));
  const concepts = new Map<string, LocalizedText>(
    course?.graph.concepts.map((concept) => [concept.id, concept.title]),
  );
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });

  return (
    <DataTable
      columns={[
        { label: t("history.when") },
        { label: t("history.concept") },
        { label: t("history.item") },
        { label: t("history.result") },
      ]}
    >
      {entries.map((entry) => {
        const event = toLearnerEvent(entry.statement);
        const item = event.itemId === undefined ? undefined : items.get(event.itemId);
        const conceptTitle = item?.conceptIds[0] === undefined ? undefined : concepts.get(item.conceptIds[0]);
        return (
          <tr key={event.id}>
            <td>
              <time dateTime={event.timestamp.toISOString()}>{when.format(event.timestamp)}</time>
            </td>
            <td>{conceptTitle ? localize(conceptTitle, locale) : "—"}</td>
            <td className="history__stem">{item ? localize(item.stem, locale) : "—"}</td>
            <td>
              {event.correct === undefined ? (
                "—"
              ) : event.correct ? (
                <span className="badge badge--success">{t("history.correct")}</span>
              ) : (
                <span className="badge badge--danger">{t("history.incorrect")}</span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
