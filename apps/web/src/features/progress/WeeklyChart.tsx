import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { useTranslation } from "react-i18next";
import { uiLocale } from "../../i18n/locales";
import { useChart } from "../charts/use-chart";
import type { WeekOfPractice } from "./weekly";

// Only the parts of ECharts this chart uses, so the bundle stays small.
use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent]);

const PRIMARY = "#2f4bb8";
const SUCCESS = "#176b30";

/**
 * Answers per week (bars) and the share answered correctly (line), drawn by ECharts. The chart has a
 * text description in the UI language for screen readers.
 */
export function WeeklyChart({ weeks }: { weeks: readonly WeekOfPractice[] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const labels = weeks.map((week) => day.format(week.weekStart));
  const answers = weeks.map((week) => week.answers);
  const rates = weeks.map((week) =>
    week.answers === 0 ? null : Math.round((100 * week.correct) / week.answers),
  );
  const total = answers.reduce((sum, count) => sum + count, 0);
  const correct = weeks.reduce((sum, week) => sum + week.correct, 0);
  const description = t("progress.description", {
    weeks: weeks.length,
    answers: total,
    correct: total === 0 ? "—" : percent.format(correct / total),
  });

  const container = useChart(
    () => ({
      grid: { left: 40, right: 44, top: 36, bottom: 28 },
      legend: { top: 0, data: [t("progress.answers"), t("progress.correctShare")] },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: labels },
      yAxis: [
        { type: "value", minInterval: 1, name: "" },
        { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t("progress.answers"),
          type: "bar",
          data: answers,
          itemStyle: { color: PRIMARY },
          barMaxWidth: 28,
        },
        {
          name: t("progress.correctShare"),
          type: "line",
          yAxisIndex: 1,
          data: rates,
          connectNulls: true,
          itemStyle: { color: SUCCESS },
          lineStyle: { width: 2 },
        },
      ],
    }),
    { description, locale, redrawOn: [labels.join(), answers.join(), rates.join(), t] },
  );

  return <div ref={container} className="weekly-chart" />;
}
