import { describe, expect, it } from "vitest";
import { createRng } from "../random/prng";
import { calibrate2pl } from "./calibrate";
import { abilityPosterior, eapEstimate } from "./eap";
import { type IrtItem, itemInformation, probabilityCorrect } from "./irt";
import { masteryFromAbility, PlacementTest } from "./placement";
import {
  expectedPosteriorVariance,
  maxInformationSelector,
  minExpectedVarianceSelector,
  randomSelector,
} from "./selection";
import { raschBank, runFixedLengthCat, simulateCalibrationSample } from "./study";

const item = (id: string, b: number, a = 1): IrtItem => ({ id, a, b });

describe("2PL model", () => {
  it("has P = 0.5 and information a²/4 at θ = b", () => {
    expect(probabilityCorrect(item("x", 0.7, 2), 0.7)).toBeCloseTo(0.5, 12);
    expect(itemInformation(item("x", 0.7, 2), 0.7)).toBeCloseTo(1, 12);
  });
});

describe("EAP ability", () => {
  it("is the prior N(0, 1) with no answers and finite for all-correct patterns", () => {
    const prior = eapEstimate([]);
    expect(prior.theta).toBeCloseTo(0, 6);
    expect(prior.se).toBeCloseTo(1, 2);
    const allCorrect = eapEstimate([0, 0.5, 1].map((b) => ({ item: item(`i${b}`, b), correct: true })));
    expect(allCorrect.theta).toBeGreaterThan(0.5);
    expect(Number.isFinite(allCorrect.theta)).toBe(true);
    expect(allCorrect.se).toBeLessThan(1);
  });

  it("is antisymmetric: flipping every answer and difficulty negates θ̂", () => {
    const answers = [
      { item: item("a", -1), correct: true },
      { item: item("b", 0.5), correct: false },
      { item: item("c", 1.2), correct: true },
    ];
    const flipped = answers.map((r) => ({ item: item(r.item.id, -r.item.b), correct: !r.correct }));
    expect(eapEstimate(flipped).theta).toBeCloseTo(-eapEstimate(answers).theta, 8);
  });
});

describe("item selection", () => {
  const bank = [-2, -1, 0, 1, 2].map((b) => item(`b${b}`, b));

  it("maximum information picks the item closest to θ̂ for a Rasch bank", () => {
    const posterior = abilityPosterior([{ item: item("z", 0), correct: true }]);
    const chosen = maxInformationSelector(1).select(bank, posterior, createRng(1));
    expect(chosen.id).toBe(posterior.theta > 0.5 ? "b1" : "b0");
  });

  it("minimum expected posterior variance reduces the variance below the current one", () => {
    const posterior = abilityPosterior([]);
    const chosen = minExpectedVarianceSelector(1).select(bank, posterior, createRng(1));
    expect(chosen.id).toBe("b0");
    expect(expectedPosteriorVariance(chosen, posterior)).toBeLessThan(posterior.se ** 2);
  });
});

describe("placement test", () => {
  const bank = raschBank(60, "normal", createRng(2));

  it("stops at the standard-error threshold, never repeats an item, refuses answers after the stop", () => {
    const test = new PlacementTest(bank, {
      seThreshold: 0.5,
      maxItems: 60,
      selector: maxInformationSelector(3),
    });
    const rng = createRng(9);
    const seen = new Set<string>();
    for (let next = test.nextItem(rng); next; next = test.nextItem(rng)) {
      expect(seen.has(next.id)).toBe(false);
      seen.add(next.id);
      test.answer(next.id, rng.next() < probabilityCorrect(next, 0.3));
    }
    const result = test.result();
    expect(result.stopReason).toBe("se-threshold");
    expect(result.se).toBeLessThanOrEqual(0.5);
    expect(() => test.answer(bank.find((i) => !seen.has(i.id))?.id ?? "", true)).toThrow(/has stopped/);
  });

  it("stops at the item cap when the threshold is out of reach", () => {
    const test = new PlacementTest(bank, { seThreshold: 0.01, maxItems: 7, selector: randomSelector });
    const rng = createRng(4);
    for (let next = test.nextItem(rng); next; next = test.nextItem(rng))
      test.answer(next.id, rng.next() < 0.5);
    expect(test.result()).toMatchObject({ itemsAdministered: 7, stopReason: "item-cap" });
  });

  it("names an item that is not in the bank", () => {
    expect(() => new PlacementTest(bank).answer("nope", true)).toThrow(/item "nope" is not in the bank/);
  });

  it("seeds concept mastery with the expected proportion correct at θ̂", () => {
    const mastery = masteryFromAbility(0, new Map([["fractions", [item("f1", 0), item("f2", 0)]]]));
    expect(mastery.get("fractions")).toBeCloseTo(0.5, 12);
  });
});

describe("calibration and simulation (small)", () => {
  it("recovers 2PL parameters by marginal maximum likelihood", () => {
    const rng = createRng(5);
    const truth = Array.from({ length: 20 }, (_, i) =>
      item(`i${i}`, -1.5 + (3 * i) / 19, 0.7 + (i % 4) * 0.3),
    );
    const sample = simulateCalibrationSample(truth, 1500, rng);
    const fit = calibrate2pl(
      truth.map((t) => t.id),
      sample,
    );
    expect(fit.converged).toBe(true);
    for (const [i, t] of truth.entries()) {
      expect(Math.abs((fit.items[i]?.b ?? 99) - t.b)).toBeLessThan(0.3);
      expect(Math.abs((fit.items[i]?.a ?? 99) - t.a)).toBeLessThan(0.35);
    }
  });

  it("adaptive selection estimates ability better than random selection", () => {
    const bank = raschBank(100, "normal", createRng(8));
    const common = { trueBank: bank, testBank: bank, simulees: 150, checkpoints: [15], seed: 3 };
    const adaptive = runFixedLengthCat({ ...common, selector: maxInformationSelector(5) });
    const random = runFixedLengthCat({ ...common, selector: randomSelector });
    expect(adaptive.rmseAt.get(15)).toBeLessThan(random.rmseAt.get(15) as number);
  });
});
