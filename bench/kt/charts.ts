import { writeFileSync } from "node:fs";
import type { BenchResult } from "@pathwise/ml/bench";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** Renders a Vega-Lite spec to an SVG file headlessly (no browser, no canvas). */
async function renderSvg(spec: TopLevelSpec, file: string): Promise<void> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    writeFileSync(file, await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Validation AUC per epoch, one line per (model, fold): the early-stopping curves. */
export async function writeTrainingCurves(
  results: readonly BenchResult[],
  title: string,
  file: string,
): Promise<void> {
  const values = results.flatMap((r) =>
    r.folds.flatMap((f) =>
      f.history.map((h) => ({
        model: r.model,
        fold: `fold ${f.fold}`,
        epoch: h.epoch,
        validAuc: h.validAuc,
      })),
    ),
  );
  await renderSvg(
    {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title,
      width: 420,
      height: 260,
      data: { values },
      mark: { type: "line", point: true, strokeWidth: 1 },
      encoding: {
        x: { field: "epoch", type: "quantitative", title: "epoch" },
        y: { field: "validAuc", type: "quantitative", title: "validation AUC", scale: { zero: false } },
        color: { field: "model", type: "nominal" },
        detail: { field: "fold", type: "nominal" },
      },
    },
    file,
  );
}

/** Reliability diagram: observed fraction correct against mean predicted p, bins pooled over folds. */
export async function writeReliability(
  results: readonly BenchResult[],
  title: string,
  file: string,
): Promise<void> {
  const values = results.flatMap((r) => {
    const bins = new Map<number, { count: number; predicted: number; observed: number }>();
    for (const fold of r.folds) {
      for (const bin of fold.reliability) {
        if (bin.count === 0 || bin.meanPredicted === null || bin.observed === null) continue;
        const sum = bins.get(bin.lower) ?? { count: 0, predicted: 0, observed: 0 };
        sum.count += bin.count;
        sum.predicted += bin.meanPredicted * bin.count;
        sum.observed += bin.observed * bin.count;
        bins.set(bin.lower, sum);
      }
    }
    return [...bins.values()].map((b) => ({
      model: r.model,
      predicted: b.predicted / b.count,
      observed: b.observed / b.count,
      count: b.count,
    }));
  });
  await renderSvg(
    {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title,
      width: 320,
      height: 320,
      layer: [
        {
          data: { values: [{ p: 0 }, { p: 1 }] },
          mark: { type: "line", strokeDash: [4, 4], color: "gray" },
          encoding: { x: { field: "p", type: "quantitative" }, y: { field: "p", type: "quantitative" } },
        },
        {
          data: { values },
          mark: { type: "line", point: true },
          encoding: {
            x: {
              field: "predicted",
              type: "quantitative",
              title: "mean predicted p(correct)",
              scale: { domain: [0, 1] },
            },
            y: {
              field: "observed",
              type: "quantitative",
              title: "observed fraction correct",
              scale: { domain: [0, 1] },
            },
            color: { field: "model", type: "nominal" },
          },
        },
      ],
    },
    file,
  );
}
