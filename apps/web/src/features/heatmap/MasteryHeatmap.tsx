import { HeatmapChart } from "echarts/charts";
import { GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import { use } from "echarts/core";
import { useTranslation } from "react-i18next";
import { uiLocale } from "../../i18n/locales";
import { useChart } from "../charts/use-chart";
import { useBandNames } from "../mastery/MasteryMap";
import { type HeatmapCell, NOT_STARTED } from "./cells";

use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent]);

/** Cell fills per band (the same bands and thresholds as the knowledge map, features/mastery/bands.ts). */
const FILL = { notStarted: "#eef0f6", low: "#d9574b", learning: "#e8a73a", mastered: "#2e8b57" };
const ROW_HEIGHT = 30;

/**
 * The class mastery heatmap (learners × concepts), drawn by ECharts. Colours follow the mastery bands,
 * named in the chart's legend; the tooltip gives each cell's percentage and a text description
 * summarises the chart for screen readers.
 */
export function MasteryHeatmap({
  learners,
  concepts,
  cells,
  description,
}: {
  learners: readonly string[];
  concepts: readonly string[];
  cells: readonly HeatmapCell[];
  description: string;
}) {
  const { i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const names = useBandNames();
  const height = 200 + ROW_HEIGHT * learners.length;

  const container = useChart(
    () => ({
      grid: { left: 120, right: 16, top: 48, bottom: 150 },
      tooltip: {
        formatter: (params: { value: HeatmapCell }) => {
          const [column, row, value] = params.value;
          const shown = value === NOT_STARTED ? names.notStarted : `${value}%`;
          return `${learners[row] ?? ""} · ${concepts[column] ?? ""}: ${shown}`;
        },
      },
      xAxis: {
        type: "category",
        data: concepts,
        axisLabel: { interval: 0, rotate: 50, width: 130, overflow: "truncate", fontSize: 11 },
        splitArea: { show: true },
      },
      yAxis: {
        type: "category",
        data: learners,
        inverse: true,
        axisLabel: { width: 110, overflow: "truncate" },
      },
      visualMap: {
        type: "piecewise",
        orient: "horizontal",
        top: 0,
        left: "center",
        dimension: 2,
        pieces: [
          { value: NOT_STARTED, label: names.notStarted, color: FILL.notStarted },
          { min: 0, max: 59.99, label: names.low, color: FILL.low },
          { min: 60, max: 94.99, label: names.learning, color: FILL.learning },
          { min: 95, max: 100, label: names.mastered, color: FILL.mastered },
        ],
      },
      series: [{ type: "heatmap", data: cells, itemStyle: { borderColor: "#ffffff", borderWidth: 1 } }],
    }),
    {
      description,
      locale,
      redrawOn: [learners.join(), concepts.join(), JSON.stringify(cells), names.notStarted],
    },
  );

  return <div ref={container} className="mastery-heatmap" style={{ height }} />;
}
