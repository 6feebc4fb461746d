import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { abortOnCtrlC, FoldProgressBars, reportErrors } from "./ktProgress";

/**
 * `pathwise kt …` — knowledge-tracing models on benchmark splits: list, bench (papers' protocol over
 * folds in worker threads), train (one model to a file), eval (a model file on a split).
 * Heavy modules (tfjs, the models) load only when a kt command runs.
 */
async function loadMl() {
  await import("@pathwise/ml/models");
  const ml = await import("@pathwise/ml");
  const bench = await import("@pathwise/ml/bench");
  const data = await import("@pathwise/ml/data");
  return { ml, bench, data };
}

function cancelled(error: unknown): boolean {
  return (error as Error | undefined)?.name === "AbortError";
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, "utf8");
}

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(4);

export function register(program: Command): void {
  const kt = program.command("kt").description("Knowledge-tracing models: benchmark, train, evaluate");

  kt.command("models")
    .description("List the registered knowledge-tracing models")
    .action(
      reportErrors(async function listModels() {
        const { ml } = await loadMl();
        for (const model of ml.listModels()) console.log(`${model.name.padEnd(8)} ${model.description}`);
      }),
    );

  kt.command("bench")
    .description(
      "Train and test a model with the papers' protocol on every fold (folds run in worker threads)",
    )
    .requiredOption("--data <dir>", "split folder, e.g. ../shared/datasets/assist2009/akt_split")
    .requiredOption(
      "--format <akt|dkvmn>",
      "split protocol: akt (5-fold CV) or dkvmn (train{i}/valid{i}/test)",
    )
    .requiredOption("--model <name>", "registered model name (see `kt models`)")
    .option("--folds <list>", "comma-separated folds, default all found")
    .option("--epochs <n>", "maximum epochs (early stopping on valid AUC may stop sooner)")
    .option("--config <json>", "model hyperparameters as a JSON object")
    .option("--window <n>", "cut sequences into windows of n (0 = off)", "200")
    .option("--workers <n>", "worker threads (0 = run in this thread)", "2")
    .option("--limit <n>", "use only the first n learners of each split (smoke runs)", "0")
    .option("--seed <n>", "random seed", "42")
    .option("--out <file>", "write the result JSON here")
    .action(
      reportErrors(async function ktBench(raw: Record<string, string | undefined>) {
        const { bench, data } = await loadMl();
        const options = bench.parseCliOptions(bench.benchCliSchema, raw);
        const { signal, dispose } = abortOnCtrlC();
        const folds = options.folds ?? data.findFolds(options.data, options.format).map((f) => f.fold);
        const bars = new FoldProgressBars(folds);
        try {
          const result = await bench.runBenchmark({
            dataDir: options.data,
            format: options.format,
            model: options.model,
            folds,
            config: options.config,
            ...(options.epochs ? { maxEpochs: options.epochs } : {}),
            window: options.window,
            workers: options.workers,
            seed: options.seed,
            limitLearners: options.limit,
            signal,
            onProgress: (fold, progress) => bars.update(fold, progress),
            onFoldDone: (fold) => bars.done(fold.fold),
          });
          bars.stop();
          for (const f of result.folds) {
            console.log(
              `fold ${f.fold}: AUC ${fmt(f.testAuc)} ACC ${fmt(f.testAcc)} RMSE ${fmt(f.testRmse)} dedup AUC ${fmt(f.testAucDedup)} ` +
                `epochs ${f.epochs} ${f.wallSeconds.toFixed(1)} s ${Math.round(f.interactionsPerSecond)} interactions/s`,
            );
          }
          console.log(
            `${result.model} on ${result.dataset}: AUC ${fmt(result.meanAuc)} ± ${fmt(result.stdAuc)}`,
          );
          if (options.out) await writeJson(options.out, result);
        } catch (error) {
          bars.stop();
          if (!cancelled(error)) throw error;
          console.error("Benchmark cancelled.");
          process.exitCode = 130;
        } finally {
          dispose();
        }
      }),
    );

  kt.command("train")
    .description("Train one model on train{fold} (early stopping on valid{fold}) and save it to a file")
    .requiredOption("--data <dir>", "split folder")
    .requiredOption("--format <akt|dkvmn>", "split protocol")
    .requiredOption("--model <name>", "registered model name")
    .requiredOption("--out <file>", "model file to write")
    .option("--fold <n>", "fold number", "1")
    .option("--epochs <n>", "maximum epochs")
    .option("--config <json>", "model hyperparameters as a JSON object")
    .option("--window <n>", "window length (0 = off)", "200")
    .option("--seed <n>", "random seed", "42")
    .action(
      reportErrors(async function ktTrain(raw: Record<string, string | undefined>) {
        const { bench } = await loadMl();
        const { writeModelFile } = bench;
        const options = bench.parseCliOptions(bench.trainCliSchema, raw);
        const { signal, dispose } = abortOnCtrlC();
        const bars = new FoldProgressBars([options.fold]);
        try {
          const { saved, report } = await bench.trainOne({
            dataDir: options.data,
            format: options.format,
            fold: options.fold,
            model: options.model,
            config: options.config,
            window: options.window,
            fit: {
              seed: options.seed,
              signal,
              ...(options.epochs ? { maxEpochs: options.epochs } : {}),
              onProgress: (progress) => bars.update(options.fold, progress),
            },
          });
          bars.stop();
          await writeModelFile(options.out, saved);
          const best = report.history.find((h) => h.epoch === report.bestEpoch);
          console.log(
            `${saved.model}: ${report.epochs} epochs, best epoch ${report.bestEpoch} (valid AUC ${fmt(best?.validAuc)}), ` +
              `${report.wallSeconds.toFixed(1)} s, saved to ${options.out}`,
          );
        } catch (error) {
          bars.stop();
          if (!cancelled(error)) throw error;
          console.error("Training cancelled; nothing was saved.");
          process.exitCode = 130;
        } finally {
          dispose();
        }
      }),
    );

  kt.command("eval")
    .description("Evaluate a saved model file on one split of one fold")
    .requiredOption("--model-file <file>", "model file written by `kt train`")
    .requiredOption("--data <dir>", "split folder")
    .requiredOption("--format <akt|dkvmn>", "split protocol")
    .option("--fold <n>", "fold number", "1")
    .option("--split <name>", "train, valid or test", "test")
    .option("--window <n>", "window length (0 = off)", "200")
    .option("--out <file>", "write the metrics JSON here")
    .action(
      reportErrors(async function ktEval(raw: Record<string, string | undefined>) {
        const { bench } = await loadMl();
        const { readModelFile } = bench;
        const options = bench.parseCliOptions(bench.evalCliSchema, raw);
        const report = await bench.evaluateSaved(await readModelFile(options.modelFile), {
          dataDir: options.data,
          format: options.format,
          fold: options.fold,
          split: options.split,
          window: options.window,
        });
        console.log(
          `${report.model} on ${report.split}: AUC ${fmt(report.auc)} ACC ${fmt(report.accuracy)} RMSE ${fmt(report.rmse)} ` +
            `log loss ${fmt(report.logLoss)} ECE ${fmt(report.calibration.ece)} dedup AUC ${fmt(report.aucDedup)} (${report.count} positions)`,
        );
        if (options.out) await writeJson(options.out, report);
      }),
    );
}
