import { createRng, deriveSeed, type Rng } from "../random/prng";
import type { ResponsePattern } from "./calibrate";
import { type IrtItem, probabilityCorrect } from "./irt";
import { PlacementTest } from "./placement";
import type { ItemSelector } from "./selection";

/**
 * The adaptive-placement simulation study: a Rasch bank, a calibration sample, simulees θ ~ N(0, 1),
 * ability RMSE after fixed test lengths. Used by bench/paths and (small) by the tests.
 */
export type DifficultyDistribution = "normal" | "uniform";

export function raschBank(size: number, difficulty: DifficultyDistribution, rng: Rng): IrtItem[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `item-${i}`,
    a: 1,
    b: difficulty === "normal" ? rng.normal() : -3 + 6 * rng.next(),
  }));
}

/** Every calibration examinee answers every item (answers drawn from the true model). */
export function simulateCalibrationSample(
  bank: readonly IrtItem[],
  examinees: number,
  rng: Rng,
): ResponsePattern[] {
  return Array.from({ length: examinees }, () => {
    const theta = rng.normal();
    return bank.map((item, i) => [i, rng.next() < probabilityCorrect(item, theta)] as const);
  });
}

export interface CatRun {
  readonly selector: string;
  /** RMSE of θ̂ against the true θ after each checkpoint length. */
  readonly rmseAt: ReadonlyMap<number, number>;
  /** Mean bias θ̂ − θ at the longest checkpoint. */
  readonly bias: number;
  /** Largest fraction of simulees who saw any single item. */
  readonly maxExposure: number;
}

/**
 * Administers fixed-length adaptive tests (no SE stop) to `simulees` learners whose answers come from the
 * true bank, while the test itself uses `testBank` (true or calibrated parameters).
 */
export function runFixedLengthCat(options: {
  trueBank: readonly IrtItem[];
  testBank: readonly IrtItem[];
  selector: ItemSelector;
  simulees: number;
  checkpoints: readonly number[];
  seed: number;
}): CatRun {
  const { trueBank, testBank, selector, simulees, checkpoints, seed } = options;
  const truth = new Map(trueBank.map((item) => [item.id, item]));
  const maxLength = Math.max(...checkpoints);
  const squared = new Map(checkpoints.map((c) => [c, 0]));
  const exposure = new Map<string, number>();
  let bias = 0;
  for (let s = 0; s < simulees; s++) {
    const rng = createRng(deriveSeed(seed, s));
    const theta = rng.normal();
    const test = new PlacementTest(testBank, { seThreshold: 0, maxItems: maxLength, selector });
    for (let n = 1; n <= maxLength; n++) {
      const item = test.nextItem(rng);
      if (!item) break;
      exposure.set(item.id, (exposure.get(item.id) ?? 0) + 1);
      const trueItem = truth.get(item.id) as IrtItem;
      const estimate = test.answer(item.id, rng.next() < probabilityCorrect(trueItem, theta));
      if (squared.has(n)) squared.set(n, (squared.get(n) ?? 0) + (estimate.theta - theta) ** 2);
      if (n === maxLength) bias += estimate.theta - theta;
    }
  }
  return {
    selector: selector.name,
    rmseAt: new Map(checkpoints.map((c) => [c, Math.sqrt((squared.get(c) ?? 0) / simulees)])),
    bias: bias / simulees,
    maxExposure: Math.max(...exposure.values()) / simulees,
  };
}

/** Variable-length tests with the SE stop: mean length, RMSE and how tests ended. */
export function runVariableLengthCat(options: {
  trueBank: readonly IrtItem[];
  testBank: readonly IrtItem[];
  selector: ItemSelector;
  simulees: number;
  seThreshold: number;
  maxItems: number;
  seed: number;
}) {
  const truth = new Map(options.trueBank.map((item) => [item.id, item]));
  let length = 0;
  let squared = 0;
  const reasons = new Map<string, number>();
  for (let s = 0; s < options.simulees; s++) {
    const rng = createRng(deriveSeed(options.seed, s));
    const theta = rng.normal();
    const test = new PlacementTest(options.testBank, {
      seThreshold: options.seThreshold,
      maxItems: options.maxItems,
      selector: options.selector,
    });
    for (let item = test.nextItem(rng); item; item = test.nextItem(rng)) {
      test.answer(item.id, rng.next() < probabilityCorrect(truth.get(item.id) as IrtItem, theta));
    }
    const result = test.result();
    length += result.itemsAdministered;
    squared += (result.theta - theta) ** 2;
    reasons.set(String(result.stopReason), (reasons.get(String(result.stopReason)) ?? 0) + 1);
  }
  return {
    meanLength: length / options.simulees,
    rmse: Math.sqrt(squared / options.simulees),
    stopReasons: Object.fromEntries(reasons),
  };
}
