import { z } from "zod";
import type { FitOptions, FitReport, KnowledgeTracer, ModelDefinition, SavedModel } from "../../contract";
import type { KTDataset, LearnerSequence, SequencePredictions } from "../../data/sequence";
import { toSavedModel } from "../../engine/model-file";
import { fitWithEarlyStopping, parameterCheckpoint, perSkillWeights, savedWeight } from "./fitLoop";
import { skillSubsequences } from "./skillSubsequences";

/**
 * Bayesian Knowledge Tracing (Corbett & Anderson 1995): per skill, a two-state hidden Markov model
 * (unknown → known, never forgotten) with prior P(L0), learn P(T), guess P(G) and slip P(S).
 * Fit by expectation-maximisation (Baum-Welch) over every learner's answers on that skill. Guess and slip
 * are capped (Corbett & Anderson used G ≤ 0.3, S ≤ 0.1) so "known" keeps meaning "mostly correct".
 */
const bktConfigSchema = z.object({
  maxEpochs: z.number().int().positive().default(30),
  patience: z.number().int().positive().default(3),
  maxGuess: z.number().gt(0).lt(1).default(0.3),
  maxSlip: z.number().gt(0).lt(1).default(0.1),
  initPrior: z.number().gt(0).lt(1).default(0.4),
  initLearn: z.number().gt(0).lt(1).default(0.1),
  initGuess: z.number().gt(0).lt(1).default(0.2),
  initSlip: z.number().gt(0).lt(1).default(0.1),
});
type BktConfig = z.infer<typeof bktConfigSchema>;
const PARAMETERS = ["prior", "learn", "guess", "slip"] as const;
type Parameters = Record<(typeof PARAMETERS)[number], Float32Array>;

const EPS = 1e-4;
const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** p(correct) before seeing the answer, given p(known). */
function predictCorrect(known: number, guess: number, slip: number): number {
  return known * (1 - slip) + (1 - known) * guess;
}

/** Posterior p(known) after observing `y`, then one learning transition. */
function updateKnown(known: number, y: number, p: Parameters, k: number): number {
  const guess = p.guess[k] as number;
  const slip = p.slip[k] as number;
  const likelihoodKnown = y === 1 ? 1 - slip : slip;
  const likelihoodUnknown = y === 1 ? guess : 1 - guess;
  const posterior = (known * likelihoodKnown) / (known * likelihoodKnown + (1 - known) * likelihoodUnknown);
  return posterior + (1 - posterior) * (p.learn[k] as number);
}

class BktModel implements KnowledgeTracer {
  readonly name = "bkt";
  readonly config: BktConfig;
  readonly params: Parameters;

  constructor(
    config: BktConfig,
    readonly shape: { numSkills: number; numProblems: number },
    params?: Parameters,
  ) {
    this.config = config;
    const size = shape.numSkills + 1;
    this.params = params ?? {
      prior: new Float32Array(size).fill(config.initPrior),
      learn: new Float32Array(size).fill(config.initLearn),
      guess: new Float32Array(size).fill(config.initGuess),
      slip: new Float32Array(size).fill(config.initSlip),
    };
  }

  /** One Baum-Welch iteration over all skills; returns the mean one-step-ahead log loss. */
  private emEpoch(train: KTDataset): number {
    const size = this.shape.numSkills + 1;
    const sums = Array.from({ length: 8 }, () => new Float64Array(size));
    const [priorNum, priorDen, learnNum, learnDen, guessNum, guessDen, slipNum, slipDen] = sums as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    let logLoss = 0;
    let count = 0;
    for (const { skill: k, answers } of skillSubsequences(train)) {
      const n = answers.length;
      const L0 = this.params.prior[k] as number;
      const T = this.params.learn[k] as number;
      const G = this.params.guess[k] as number;
      const S = this.params.slip[k] as number;
      // Scaled forward pass (Rabiner 1989): alpha[t] = p(known at t | answers ≤ t); c[t] = p(answer t | answers < t).
      const alpha = new Float64Array(n);
      const scale = new Float64Array(n);
      let before = L0;
      for (let t = 0; t < n; t++) {
        const y = answers[t] as number;
        const known = before * (y ? 1 - S : S);
        const unknown = (1 - before) * (y ? G : 1 - G);
        scale[t] = known + unknown;
        alpha[t] = known / (scale[t] as number);
        before = (alpha[t] as number) + (1 - (alpha[t] as number)) * T;
        logLoss -= Math.log(Math.max(1e-12, scale[t] as number));
        count++;
      }
      // Backward pass in the same scaling: betaK/betaU ∝ p(answers > t | state at t).
      let betaK = 1;
      let betaU = 1;
      for (let t = n - 1; t >= 0; t--) {
        const y = answers[t] as number;
        const a = alpha[t] as number;
        const gammaK = (a * betaK) / (a * betaK + (1 - a) * betaU);
        guessNum[k] = (guessNum[k] as number) + (1 - gammaK) * y;
        guessDen[k] = (guessDen[k] as number) + (1 - gammaK);
        slipNum[k] = (slipNum[k] as number) + gammaK * (1 - y);
        slipDen[k] = (slipDen[k] as number) + gammaK;
        if (t === 0) {
          priorNum[k] = (priorNum[k] as number) + gammaK;
          priorDen[k] = (priorDen[k] as number) + 1;
        }
        if (t > 0) {
          // Transition t-1 → t: expected U→K moves over expected time in U at t-1.
          const prev = alpha[t - 1] as number;
          const emitK = y ? 1 - S : S;
          const emitU = y ? G : 1 - G;
          const uToK = (1 - prev) * T * emitK * betaK;
          const uToU = (1 - prev) * (1 - T) * emitU * betaU;
          const kToK = prev * emitK * betaK;
          const total = uToK + uToU + kToK;
          learnNum[k] = (learnNum[k] as number) + uToK / total;
          learnDen[k] = (learnDen[k] as number) + (uToK + uToU) / total;
          const c = scale[t] as number;
          const nextK = (emitK * betaK) / c;
          const nextU = ((1 - T) * emitU * betaU + T * emitK * betaK) / c;
          betaK = nextK;
          betaU = nextU;
        }
      }
    }
    const { maxGuess, maxSlip } = this.config;
    for (let k = 1; k < size; k++) {
      if ((priorDen[k] as number) === 0) continue;
      this.params.prior[k] = clamp((priorNum[k] as number) / (priorDen[k] as number), EPS, 1 - EPS);
      if ((learnDen[k] as number) > 0)
        this.params.learn[k] = clamp((learnNum[k] as number) / (learnDen[k] as number), EPS, 1 - EPS);
      if ((guessDen[k] as number) > 0)
        this.params.guess[k] = clamp((guessNum[k] as number) / (guessDen[k] as number), EPS, maxGuess);
      if ((slipDen[k] as number) > 0)
        this.params.slip[k] = clamp((slipNum[k] as number) / (slipDen[k] as number), EPS, maxSlip);
    }
    return count > 0 ? logLoss / count : Number.NaN;
  }

  fit(train: KTDataset, valid: KTDataset, options: FitOptions = {}): Promise<FitReport> {
    return fitWithEarlyStopping(
      {
        epoch: () => this.emEpoch(train),
        predict: (sequences) => this.predictSync(sequences),
        ...parameterCheckpoint(PARAMETERS, this.params),
      },
      train,
      valid,
      options,
      { kind: "best-valid-auc", maxEpochs: this.config.maxEpochs, patience: this.config.patience },
    );
  }

  predictSync(sequences: readonly LearnerSequence[]): SequencePredictions[] {
    const size = this.shape.numSkills + 1;
    return sequences.map((sequence) => {
      const known = new Float64Array(size).fill(-1);
      const out = new Float32Array(sequence.correct.length);
      for (let t = 0; t < out.length; t++) {
        const k = sequence.skills[t] as number;
        if (k < 1 || k >= size) throw new Error(`bkt: skill id ${k} outside 1..${this.shape.numSkills}`);
        const current = (known[k] as number) < 0 ? (this.params.prior[k] as number) : (known[k] as number);
        out[t] =
          t === 0
            ? Number.NaN
            : predictCorrect(current, this.params.guess[k] as number, this.params.slip[k] as number);
        known[k] = updateKnown(current, sequence.correct[t] as number, this.params, k);
      }
      return out;
    });
  }

  async predict(sequences: readonly LearnerSequence[]): Promise<SequencePredictions[]> {
    return this.predictSync(sequences);
  }

  async save(): Promise<SavedModel> {
    return toSavedModel(this, this.shape, perSkillWeights(PARAMETERS, this.params, this.shape.numSkills));
  }

  dispose(): void {}
}

export const bktDefinition: ModelDefinition = {
  name: "bkt",
  description: "Bayesian Knowledge Tracing, per-skill HMM fit by EM (Corbett & Anderson 1995)",
  defaults: bktConfigSchema.parse({}),
  create: (config, shape) => new BktModel(bktConfigSchema.parse(config), shape),
  async load(saved) {
    const size = saved.dataShape.numSkills + 1;
    const params = Object.fromEntries(
      PARAMETERS.map((name) => [name, savedWeight(saved.weights, name, size, "bkt")]),
    ) as Parameters;
    return new BktModel(bktConfigSchema.parse(saved.config), { ...saved.dataShape }, params);
  },
};
