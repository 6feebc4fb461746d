import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../api/events";
import { WeeklyChart } from "./WeeklyChart";
import { weeklyPractice } from "./weekly";

/** The "practice over time" card body: a weekly chart of answers and share correct, or a note. */
export function PracticeProgress({ history }: { history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const weeks = weeklyPractice(history.map((entry) => entry.statement));
  if (weeks.length === 0) return <p className="empty">{t("progress.empty")}</p>;
  return (
    <>
      <p className="card__lead">{t("progress.lead")}</p>
      <WeeklyChart weeks={weeks} />
    </>
  );
}
