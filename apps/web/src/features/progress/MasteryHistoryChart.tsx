import { localize } from "@pathwise/domain";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MasteryHistory } from "../../api/progress";
import { uiLocale } from "../../i18n/locales";
import { useChart } from "../charts/use-chart";
import type { CourseData } from "../course/use-course";
import { defaultConcepts, masteryChanges } from "./mastery-history";

use([LineChart, GridComponent, TooltipComponent, LegendComponent]);

/** The mastered band starts here (the same threshold as the map and goals), drawn as a dashed line. */
const MASTERED_PERCENT = 95;

/**
 * "Mastery over time": one line per chosen concept, P(mastered) at the end of each day with practice
 * (ECharts). Concepts are chosen with checkboxes (default: the learner's goal concepts or the most
 * practised); a sentence under the chart says the same for screen readers.
 */
export function MasteryHistoryChart({
  history,
  course,
  goalConceptIds,
}: {
  history: MasteryHistory;
  course: CourseData;
  goalConceptIds: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const [selected, setSelected] = useState<string[]>(() => defaultConcepts(history, goalConceptIds));
  const titles = new Map(course.graph.concepts.map((c) => [c.id, localize(c.title, locale)]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  const choices = history.concepts.filter((c) => c.answers > 0 || selected.includes(c.conceptId));
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const labels = history.days.map((d) => day.format(new Date(d)));
  const shown = history.concepts.filter((c) => selected.includes(c.conceptId));
  const changes = masteryChanges(history, selected);
  const description =
    changes.length === 0
      ? t("masteryHistory.noneSelected")
      : t("masteryHistory.description", {
          count: history.days.length,
          changes: new Intl.ListFormat(locale, { type: "conjunction" }).format(
            changes.map((c) =>
              t("masteryHistory.change", { concept: titleOf(c.conceptId), from: c.from, to: c.to }),
            ),
          ),
        });

  const container = useChart(
    () => ({
      grid: { left: 44, right: 16, top: 56, bottom: 28 },
      legend: { top: 0, type: "scroll" },
      tooltip: { trigger: "axis", valueFormatter: (value: number) => `${value}%` },
      xAxis: { type: "category", data: labels, boundaryGap: false },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: shown.map((concept, index) => ({
        name: titleOf(concept.conceptId),
        type: "line",
        data: concept.mastery.map((m) => Math.round(m * 100)),
        showSymbol: history.days.length < 30,
        ...(index === 0
          ? {
              markLine: {
                silent: true,
                symbol: "none",
                label: { formatter: t("masteryHistory.masteredLine") },
                lineStyle: { type: "dashed", color: "#176b30" },
                data: [{ yAxis: MASTERED_PERCENT }],
              },
            }
          : {}),
      })),
    }),
    { description, locale, redrawOn: [labels.join(), selected.join(), t] },
  );

  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((c) => c !== id) : [...current, id]));

  return (
    <>
      <p className="card__lead">{t("masteryHistory.lead")}</p>
      <div ref={container} className="mastery-history-chart" />
      <p className="muted">{description}</p>
      <fieldset className="concept-picker">
        <legend>{t("masteryHistory.chooseConcepts")}</legend>
        <div className="concept-picker__list">
          {choices.map((concept) => (
            <label key={concept.conceptId} className="concept-picker__option">
              <input
                type="checkbox"
                checked={selected.includes(concept.conceptId)}
                onChange={() => toggle(concept.conceptId)}
              />
              {titleOf(concept.conceptId)}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
