import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetsDir } from "../data/datasetsDir";
import "../models/baselines/index";
import { runBenchmark } from "./benchmark";
import { benchResultSchema } from "./result";

const dir = join(datasetsDir(), "assist2009/akt_split");

// CI smoke run: one short epoch of a baseline on a small real subset, through the same harness code
// (`kt bench` calls runBenchmark), in worker threads and in-process.
describe.skipIf(!existsSync(dir))("kt bench harness on a real ASSIST2009 subset", () => {
  // Each worker loads every registered model (tfjs included), which takes seconds on a busy machine.
  it("runs two folds in worker threads and writes the issue's result shape", {
    timeout: 180_000,
  }, async () => {
    const progressFolds = new Set<number>();
    const result = await runBenchmark({
      dataDir: dir,
      format: "akt",
      model: "bkt",
      folds: [1, 2],
      maxEpochs: 1,
      limitLearners: 150,
      workers: 2,
      onProgress: (fold) => progressFolds.add(fold),
    });
    expect(benchResultSchema.parse(JSON.parse(JSON.stringify(result)))).toBeTruthy();
    expect(result.dataset).toBe("assist2009");
    expect(result.folds.map((f) => f.fold)).toEqual([1, 2]);
    expect([...progressFolds].sort()).toEqual([1, 2]);
    for (const fold of result.folds) {
      expect(fold.epochs).toBe(1);
      expect(fold.testAuc).toBeGreaterThan(0.6);
      expect(fold.testAucDedup).not.toBeNull();
      expect(fold.testCountDedup).toBeLessThan(fold.testCount);
      expect(fold.reliability.reduce((n, b) => n + b.count, 0)).toBe(fold.testCount);
    }
    expect(result.meanAuc).toBeCloseTo(
      ((result.folds[0]?.testAuc ?? 0) + (result.folds[1]?.testAuc ?? 0)) / 2,
      12,
    );
  });

  it("runs in-process with workers: 0 and honours cancellation", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runBenchmark({
        dataDir: dir,
        format: "akt",
        model: "pfa",
        folds: [1],
        limitLearners: 50,
        workers: 0,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: "AbortError" });
    const result = await runBenchmark({
      dataDir: dir,
      format: "akt",
      model: "elo",
      folds: [3],
      maxEpochs: 1,
      limitLearners: 80,
      workers: 0,
    });
    expect(result.folds[0]?.history).toHaveLength(1);
    expect(result.folds[0]?.interactionsPerSecond).toBeGreaterThan(0);
  });
});
