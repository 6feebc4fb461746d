import type { MetricsView } from "@pathwise/contracts";
import { LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { use } from "echarts/core";
import { useTranslation } from "react-i18next";
import { uiLocale } from "../../i18n/locales";
import { useChart } from "../charts/use-chart";
import { formatMetric } from "./format";

use([LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent]);

const PRIMARY = "#2f4bb8";
const MUTED = "#4b5365";

/**
 * Reliability diagram (DeGroot & Fienberg 1983; Guo et al. 2017): for each bin of predicted
 * probability, the mean prediction against the observed share correct. A calibrated model lies on the
 * diagonal. Empty bins are left out. A text summary (ECE and the bins) is given for screen readers.
 */
export function ReliabilityChart({ metrics }: { metrics: MetricsView }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const points = metrics.reliability
    .filter((bin) => bin.count > 0 && bin.meanPredicted !== null && bin.observed !== null)
    .map((bin) => [bin.meanPredicted as number, bin.observed as number, bin.count]);
  const description = t("models.reliabilityDescription", {
    ece: formatMetric(metrics.ece, locale),
    bins: points.length,
  });

  const container = useChart(
    () => ({
      grid: { left: 48, right: 16, top: 36, bottom: 44 },
      legend: { top: 0, data: [t("models.observed"), t("models.perfect")] },
      tooltip: { trigger: "item" },
      xAxis: {
        type: "value",
        min: 0,
        max: 1,
        name: t("models.predicted"),
        nameLocation: "middle",
        nameGap: 28,
      },
      yAxis: { type: "value", min: 0, max: 1, name: t("models.observed") },
      series: [
        {
          name: t("models.perfect"),
          type: "line",
          data: [
            [0, 0],
            [1, 1],
          ],
          symbol: "none",
          lineStyle: { type: "dashed", color: MUTED },
          itemStyle: { color: MUTED },
        },
        {
          name: t("models.observed"),
          type: "line",
          data: points,
          itemStyle: { color: PRIMARY },
          symbolSize: 8,
        },
      ],
    }),
    { description, locale, redrawOn: [JSON.stringify(points)] },
  );

  return (
    <figure className="chart-figure">
      <div ref={container} className="reliability-chart" />
      <figcaption className="muted">{description}</figcaption>
    </figure>
  );
}
