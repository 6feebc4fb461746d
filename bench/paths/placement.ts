import {
  calibrate2pl,
  type IrtItem,
  maxInformationSelector,
  minExpectedVarianceSelector,
  type Rng,
  randomSelector,
  raschBank,
  runFixedLengthCat,
  runVariableLengthCat,
  simulateCalibrationSample,
} from "@pathwise/engine";

export const BANK_SIZE = 200;
export const CALIBRATION_EXAMINEES = 2000;
export const CHECKPOINTS = [10, 20, 30] as const;

export interface PlacementRow {
  readonly parameters: "true" | "calibrated";
  readonly selector: string;
  readonly rmse: readonly number[];
  readonly bias: number;
  readonly maxExposure: number;
}

export interface PlacementReport {
  readonly simulees: number;
  readonly calibration: { iterations: number; converged: boolean; rmseA: number; rmseB: number };
  readonly rows: PlacementRow[];
  readonly variableLength: {
    seThreshold: number;
    maxItems: number;
    meanLength: number;
    rmse: number;
    stopReasons: object;
  };
}

/** Rasch bank b ~ N(0, 1); 2PL calibration by MML-EM on a full response matrix; fixed- and variable-length CATs. */
export function runPlacementStudy(options: {
  simulees: number;
  rng: Rng;
  seed: number;
  log: (line: string) => void;
}) {
  const { simulees, rng, seed, log } = options;
  const bank = raschBank(BANK_SIZE, "normal", rng);
  const sample = simulateCalibrationSample(bank, CALIBRATION_EXAMINEES, rng);
  const fit = calibrate2pl(
    bank.map((item) => item.id),
    sample,
  );
  const rms = (f: (i: number) => number) =>
    Math.sqrt(bank.reduce((s, _, i) => s + f(i) ** 2, 0) / bank.length);
  const calibration = {
    iterations: fit.iterations,
    converged: fit.converged,
    rmseA: rms((i) => (fit.items[i]?.a ?? 0) - 1),
    rmseB: rms((i) => (fit.items[i]?.b ?? 0) - (bank[i]?.b ?? 0)),
  };
  log(
    `calibration: ${fit.iterations} EM cycles, RMSE(a) ${calibration.rmseA.toFixed(3)}, RMSE(b) ${calibration.rmseB.toFixed(3)}`,
  );
  const rows: PlacementRow[] = [];
  const banks: [PlacementRow["parameters"], readonly IrtItem[]][] = [
    ["calibrated", fit.items],
    ["true", bank],
  ];
  for (const [parameters, testBank] of banks) {
    for (const selector of [minExpectedVarianceSelector(5), maxInformationSelector(5), randomSelector]) {
      const run = runFixedLengthCat({
        trueBank: bank,
        testBank,
        selector,
        simulees,
        checkpoints: CHECKPOINTS,
        seed,
      });
      const rmse = CHECKPOINTS.map((c) => run.rmseAt.get(c) ?? Number.NaN);
      rows.push({ parameters, selector: selector.name, rmse, bias: run.bias, maxExposure: run.maxExposure });
      log(`placement ${parameters} ${selector.name}: RMSE ${rmse.map((r) => r.toFixed(3)).join(" / ")}`);
    }
  }
  const variable = runVariableLengthCat({
    trueBank: bank,
    testBank: fit.items,
    selector: minExpectedVarianceSelector(5),
    simulees,
    seThreshold: 0.3,
    maxItems: 40,
    seed,
  });
  return { simulees, calibration, rows, variableLength: { seThreshold: 0.3, maxItems: 40, ...variable } };
}
