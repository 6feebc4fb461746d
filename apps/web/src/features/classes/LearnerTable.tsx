import type { UserView } from "@pathwise/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { fullHistory } from "../../api/events";
import { useResource } from "../../api/use-resource";
import { DataTable } from "../../components/DataTable";
import { uiLocale } from "../../i18n/locales";
import { type PracticeSummary, summarizePractice } from "../history/summary";

/** Learners of a class with raw practice counts from their event histories (no model involved). */
export function LearnerTable({ classId, learners }: { classId: string; learners: readonly UserView[] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const ids = learners.map((learner) => learner.id);
  const summaries = useResource(
    async (signal) => {
      const histories = await Promise.all(ids.map((id) => fullHistory(id, signal)));
      return new Map(
        ids.map((id, index) => [id, summarizePractice((histories[index] ?? []).map((e) => e.statement))]),
      );
    },
    [ids.join()],
  );
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const cell = (id: string, render: (summary: PracticeSummary) => string) => {
    if (summaries.status !== "ready") return "…";
    const summary = summaries.data.get(id);
    return summary ? render(summary) : "—";
  };

  return (
    <DataTable
      columns={[
        { label: t("admin.name") },
        { label: t("classes.answers"), numeric: true },
        { label: t("classes.correctRate"), numeric: true },
        { label: t("classes.lastActive") },
      ]}
    >
      {learners.map((learner) => (
        <tr key={learner.id}>
          <td>
            <Link href={`/classes/${classId}/learners/${learner.id}`}>{learner.displayName}</Link>
            <span className="table__sub">{learner.email}</span>
          </td>
          <td className="numeric">{cell(learner.id, (s) => String(s.answers))}</td>
          <td className="numeric">
            {cell(learner.id, (s) => (s.correctRate === undefined ? "—" : percent.format(s.correctRate)))}
          </td>
          <td>{cell(learner.id, (s) => (s.lastActive ? day.format(s.lastActive) : "—"))}</td>
        </tr>
      ))}
    </DataTable>
  );
}
