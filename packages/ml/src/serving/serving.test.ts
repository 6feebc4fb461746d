import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeTracer, SavedModel } from "../contract";
import type { LearnerSequence } from "../data/sequence";
import { decodeSavedModel, encodeSavedModel } from "../engine/model-file";
import { getModel } from "../registry";
import { masteryDataset } from "../train/synthetic";
import "../models/index";
import type { Interaction, Predictor } from "./contract";
import { createPredictor } from "./index";

/**
 * Every served model against its own batch `predict`, on small models trained on synthetic mastery data
 * (3 skills, 4 problems each; an answer is the learner's fixed mastery of its skill, 2 % noise).
 * Deep models use windows of 12, so 30-long sequences exercise the sliding window.
 */
const maxLength = 12;
const deep = { batchSize: 32, maxEpochs: 8, patience: 8, seed: 7, maxLength };
const configs: Record<string, Record<string, unknown>> = {
  bkt: {},
  elo: {},
  pfa: {},
  dnn: { ...deep, hiddenSize: 16, learningRate: 0.02 },
  dkt: { ...deep, embeddingSize: 16, hiddenSize: 16, learningRate: 0.02 },
  sakt: { ...deep, modelSize: 16, heads: 2, learningRate: 0.01 },
  akt: { ...deep, modelSize: 16, heads: 2, feedForwardSize: 32, outputHiddenSize: 32, learningRate: 0.01 },
};
/** AKT's distance statistic takes √ of float32 rounding noise near zero (see attention.ts), so 1e-4. */
const tolerance: Record<string, number> = {};
const windowed = new Set(["dnn", "dkt", "sakt", "akt"]);

const shape = { learners: 120, length: 30, skills: 3, noise: 0.02, problemsPerSkill: 4 };
const train = masteryDataset({ ...shape, seed: 1 });
const valid = masteryDataset({ ...shape, learners: 40, seed: 2 });
const test = masteryDataset({ ...shape, learners: 12, seed: 3 });

function interactions(sequence: LearnerSequence, from = 0, to = sequence.correct.length): Interaction[] {
  const out: Interaction[] = [];
  for (let t = from; t < to; t++) {
    out.push({
      skill: sequence.skills[t] as number,
      problem: sequence.problems?.[t] ?? 0,
      correct: sequence.correct[t] === 1,
    });
  }
  return out;
}

function slice(sequence: LearnerSequence, from: number, to: number): LearnerSequence {
  return {
    learner: `${sequence.learner}[${from},${to})`,
    skills: sequence.skills.subarray(from, to),
    correct: sequence.correct.subarray(from, to),
    ...(sequence.problems ? { problems: sequence.problems.subarray(from, to) } : {}),
  };
}

describe.each(Object.keys(configs))("%s predictor", (name) => {
  let model: KnowledgeTracer;
  let saved: SavedModel;
  let predictor: Predictor;
  const close = tolerance[name] ?? 1e-5;

  beforeAll(async () => {
    model = getModel(name).create(configs[name] as Record<string, unknown>, train);
    await model.fit(train, valid);
    saved = decodeSavedModel(encodeSavedModel(await model.save()));
    predictor = await createPredictor(saved);
  }, 60_000);

  it("folds one at a time exactly as all at once, and matches the batch predict", async () => {
    const batch = await model.predict(test.sequences);
    let compared = 0;
    for (const [s, sequence] of test.sequences.entries()) {
      const xs = interactions(sequence);
      let state = predictor.initialState();
      for (let t = 0; t < xs.length; t++) {
        const next = xs[t] as Interaction;
        const candidate = { skills: [next.skill], problem: next.problem };
        const p = predictor.predict(state, [candidate])[0] as number;
        const whole = predictor.predict(predictor.observe(predictor.initialState(), xs.slice(0, t)), [
          candidate,
        ]);
        expect(whole[0]).toBe(p);
        if (t > 0 && (!windowed.has(name) || t < maxLength)) {
          expect(Math.abs(p - ((batch[s] as Float32Array)[t] as number))).toBeLessThan(close);
          compared++;
        }
        state = predictor.observe(state, [next]);
      }
      expect(state.length).toBe(xs.length);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it.skipIf(!windowed.has(name))(
    "beyond the window, equals batch predict on the trailing window",
    async () => {
      const sequence = test.sequences[0] as LearnerSequence;
      const state = predictor.initialState();
      for (const t of [maxLength, maxLength + 3, 2 * maxLength + 1, sequence.correct.length - 1]) {
        predictor.observe(state, interactions(sequence, state.length, t));
        const window = slice(sequence, t - (maxLength - 1), t + 1);
        const [expected] = await model.predict([window]);
        const next = interactions(sequence, t, t + 1)[0] as Interaction;
        const p = predictor.predict(state, [{ skills: [next.skill], problem: next.problem }])[0] as number;
        expect(Math.abs(p - ((expected as Float32Array)[maxLength - 1] as number))).toBeLessThan(close);
      }
    },
  );

  it("predicts a multi-skill item as the mean of its skills, and an unknown item (problem 0)", () => {
    const state = predictor.observe(
      predictor.initialState(),
      interactions(test.sequences[1] as LearnerSequence),
    );
    const [one, two, both, unknown] = predictor.predict(state, [
      { skills: [1], problem: 2 },
      { skills: [3], problem: 2 },
      { skills: [1, 3], problem: 2 },
      { skills: [2], problem: 0 },
    ]) as unknown as number[];
    expect(both).toBeCloseTo(((one as number) + (two as number)) / 2, 6);
    expect(unknown).toBeGreaterThan(0);
    expect(unknown).toBeLessThan(1);
    expect(predictor.predict(predictor.initialState(), [{ skills: [2], problem: 5 }])[0]).toBeGreaterThan(0);
  });

  it("refuses a model file with a missing or mis-shaped weight, naming it", async () => {
    const [name, first] = Object.entries(saved.weights)[0] as [string, SavedModel["weights"][string]];
    const { [name]: _, ...rest } = saved.weights;
    await expect(createPredictor({ ...saved, weights: rest })).rejects.toThrow(name);
    const wrong = { shape: [first.values.length + 1], values: new Float32Array(first.values.length + 1) };
    await expect(createPredictor({ ...saved, weights: { ...saved.weights, [name]: wrong } })).rejects.toThrow(
      name,
    );
  });

  it("refuses ids outside the model's vocabulary with a message naming them", () => {
    const state = predictor.initialState();
    expect(() => predictor.observe(state, [{ skill: 4, problem: 1, correct: true }])).toThrow(/skill id 4/);
    expect(() => predictor.predict(state, [{ skills: [1], problem: 99 }])).toThrow(/problem id 99/);
    expect(() => predictor.predict(state, [{ skills: [], problem: 1 }])).toThrow(/no skills/);
  });

  it("explains a prediction mostly by the same skill's past answers, with finite weights", () => {
    let sameSkillStronger = 0;
    let cases = 0;
    for (const sequence of test.sequences) {
      const xs = interactions(sequence, 0, maxLength - 1);
      const state = predictor.observe(predictor.initialState(), xs);
      for (const skill of [1, 2, 3]) {
        if (!xs.some((x) => x.skill === skill) || xs.every((x) => x.skill === skill)) continue;
        const candidate = { skills: [skill], problem: 0 };
        const top3 = predictor.explain(state, candidate, 3);
        expect(top3.influences.length).toBeLessThanOrEqual(3);
        const all = predictor.explain(state, candidate, xs.length);
        expect(all.probability).toBeCloseTo(predictor.predict(state, [candidate])[0] as number, 6);
        expect(all.influences.slice(0, 3)).toEqual(top3.influences);
        const magnitude = { same: [0, 0], other: [0, 0] };
        for (const { position, weight } of all.influences) {
          expect(Number.isFinite(weight)).toBe(true);
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThan(state.length);
          const group = xs[position]?.skill === skill ? magnitude.same : magnitude.other;
          group[0] = (group[0] as number) + Math.abs(weight);
        }
        for (const x of xs) {
          const group = x.skill === skill ? magnitude.same : magnitude.other;
          group[1] = (group[1] as number) + 1;
        }
        const mean = ([total, count]: number[]) => (total as number) / (count as number);
        cases++;
        if (mean(magnitude.same) > mean(magnitude.other)) sameSkillStronger++;
      }
    }
    // The data's only structure is "same skill, same answer": a model that learned it looks there
    // (chance is about one half). Gradient × input through an LSTM is the noisiest of these attributions
    // (Ancona et al. 2018); the seeded DKT scores 0.81, every other model ≥ 0.94.
    expect(cases).toBeGreaterThan(20);
    expect(sameSkillStronger / cases).toBeGreaterThan(0.75);
  });
});

describe("DKT gradient × input", () => {
  it("equals the finite-difference derivative of the logit along each input embedding", async () => {
    const model = getModel("dkt").create({ embeddingSize: 8, hiddenSize: 8, maxEpochs: 2, maxLength }, train);
    await model.fit(train, valid);
    const saved = await model.save();
    // Distinct interaction ids, so scaling one embedding row by (1 + ε) scales exactly one position's input:
    // d logit / dε at 0 is ∇ₓ logit · x, the gradient × input of that position.
    const xs: Interaction[] = [
      { skill: 1, problem: 1, correct: true },
      { skill: 2, problem: 5, correct: false },
      { skill: 3, problem: 9, correct: true },
      { skill: 1, problem: 2, correct: false },
    ];
    const candidate = { skills: [2], problem: 0 };
    const served = await createPredictor(saved);
    const explanation = served.explain(served.observe(served.initialState(), xs), candidate, xs.length);
    const logit = async (id: number, epsilon: number) => {
      const table = Float32Array.from(saved.weights.interaction?.values ?? []);
      for (let i = id * 8; i < (id + 1) * 8; i++) table[i] = (table[i] as number) * (1 + epsilon);
      const interaction = { shape: [7, 8], values: table };
      const scaled = await createPredictor({ ...saved, weights: { ...saved.weights, interaction } });
      const p = scaled.predict(scaled.observe(scaled.initialState(), xs), [candidate])[0] as number;
      return Math.log(p / (1 - p));
    };
    for (const [position, x] of xs.entries()) {
      const id = x.skill + (x.correct ? 3 : 0);
      const numeric = ((await logit(id, 1e-3)) - (await logit(id, -1e-3))) / 2e-3;
      const analytic = explanation.influences.find((i) => i.position === position)?.weight ?? 0;
      expect(Math.abs(analytic - numeric)).toBeLessThan(1e-3 + 0.02 * Math.abs(numeric));
    }
  });
});

describe("createPredictor", () => {
  it("refuses a model it cannot serve, naming the ones it can", async () => {
    const saved = {
      format: "pathwise-kt",
      schemaVersion: 1,
      model: "nope",
      config: {},
      dataShape: { numSkills: 1, numProblems: 0 },
      weights: {},
    } as const;
    await expect(createPredictor(saved)).rejects.toThrow(/"nope".*akt, bkt, dkt, dnn, elo, pfa, sakt/);
  });
});
