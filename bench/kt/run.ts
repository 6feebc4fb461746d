/**
 * `npm run bench:kt` — runs knowledge-tracing models on ASSIST2009 and ASSIST2015 (AKT split, all five
 * folds, the papers' protocol) through the same harness as `pathwise kt bench`, stores one result JSON per
 * (model, dataset) in docs/benchmarks/kt/, then regenerates docs/benchmarks/kt.md from every stored JSON.
 *
 *   node --import tsx bench/kt/run.ts [--models bkt,elo,pfa] [--datasets assist2009,assist2015]
 *                                     [--epochs N] [--workers 2] [--folds 1,2,3,4,5]
 *                                     [--config '{"batchSize":24}'] [--results <dir>] [--report-only]
 * Default models: the classical baselines (seconds per fold). Deep models are run by naming them.
 * `--config` is passed to every model of the run. `--results` writes the result JSONs to another folder
 * (long runs from a separate checkout); the report is always regenerated from docs/benchmarks/kt/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type BenchOptions,
  type BenchResult,
  type FoldResult,
  runBenchmark,
  summarizeFolds,
} from "@pathwise/ml/bench";
import { datasetsDir } from "@pathwise/ml/data";
import "@pathwise/ml/models";
import { listModels } from "@pathwise/ml";
import { RESULTS_DIR, writeReport } from "./report";

/** Which code produced a result: HEAD, and whether the model library had uncommitted edits. */
function codeVersion(): { commit: string; dirty: boolean } {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  return { commit: git("rev-parse", "HEAD"), dirty: git("status", "--porcelain", "packages/ml") !== "" };
}

const { values } = parseArgs({
  options: {
    models: { type: "string", default: "bkt,elo,pfa" },
    datasets: { type: "string", default: "assist2009,assist2015" },
    epochs: { type: "string" },
    workers: { type: "string", default: "2" },
    folds: { type: "string" },
    config: { type: "string", default: "{}" },
    results: { type: "string", default: RESULTS_DIR },
    "report-only": { type: "boolean", default: false },
  },
});

function parseConfig(text: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`--config must be a JSON object, got ${text}`);
  return value as Record<string, unknown>;
}

if (!values["report-only"]) {
  const config = parseConfig(values.config);
  const folds = values.folds?.split(",").map(Number);
  mkdirSync(values.results, { recursive: true });
  const code = codeVersion();
  const controller = new AbortController();
  // Ctrl-C or `timeout` (SIGTERM) stops the run; finished folds are still written.
  process.once("SIGINT", () => controller.abort());
  process.once("SIGTERM", () => controller.abort());
  let interrupted: Error | undefined;
  outer: for (const dataset of values.datasets.split(",")) {
    for (const model of values.models.split(",")) {
      const started = Date.now();
      const options: BenchOptions = {
        dataDir: join(datasetsDir(), dataset, "akt_split"),
        format: "akt",
        model,
        workers: Number(values.workers),
        config,
        ...(folds ? { folds } : {}),
        signal: controller.signal,
        ...(values.epochs ? { maxEpochs: Number(values.epochs) } : {}),
        onFoldDone: (fold) => {
          done.push(fold);
          console.log(`  ${model} ${dataset} fold ${fold.fold}: test AUC ${fold.testAuc?.toFixed(4)}`);
        },
      };
      const done: FoldResult[] = [];
      let result: BenchResult;
      try {
        result = await runBenchmark(options);
      } catch (error) {
        // Keep the folds that finished (the report marks the result partial), then stop.
        if (done.length === 0) throw error;
        result = summarizeFolds(options, done);
        interrupted = error as Error;
      }
      const file = join(values.results, `${model}-${dataset}.json`);
      writeFileSync(file, `${JSON.stringify({ ...result, code }, null, 2)}\n`);
      if (interrupted) {
        console.error(`${model} ${dataset} stopped after ${done.length} fold(s): ${interrupted.message}`);
        break outer;
      }
      console.log(
        `${model} ${dataset}: AUC ${result.meanAuc?.toFixed(4)} ± ${result.stdAuc?.toFixed(4)} ` +
          `(${((Date.now() - started) / 1000).toFixed(0)} s) → ${file}`,
      );
    }
  }
}
console.log(`wrote ${await writeReport(listModels().map((m) => m.name))}`);
