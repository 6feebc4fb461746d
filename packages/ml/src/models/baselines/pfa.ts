import { z } from "zod";
import type { FitOptions, FitReport, KnowledgeTracer, ModelDefinition, SavedModel } from "../../contract";
import type { KTDataset, LearnerSequence, SequencePredictions } from "../../data/sequence";
import { toSavedModel } from "../../engine/model-file";
import {
  crossEntropy,
  fitWithEarlyStopping,
  parameterCheckpoint,
  perSkillWeights,
  savedWeight,
  sigmoid,
} from "./fitLoop";

/**
 * Performance Factors Analysis (Pavlik, Cen & Koedinger 2009, eq. 2):
 *   logit p(correct) = β_k + γ_k · s + ρ_k · f,
 * where s and f are the learner's earlier successes and failures on skill k (within the sequence).
 * Each position involves one skill in these datasets, so the likelihood splits into one 3-parameter logistic
 * regression per skill; each epoch is one Newton step per skill, with an L2 penalty λ for stability.
 * The fit is convex, so it runs to convergence instead of early-stopping on validation AUC.
 */
const pfaConfigSchema = z.object({
  maxEpochs: z.number().int().positive().default(20),
  /** Newton stops when the mean training log loss changes by less than this. */
  tolerance: z.number().positive().default(1e-6),
  l2: z.number().nonnegative().default(1),
});
type PfaConfig = z.infer<typeof pfaConfigSchema>;
const PARAMETERS = ["beta", "gamma", "rho"] as const;
type Parameters = Record<(typeof PARAMETERS)[number], Float32Array>;

/** Per-skill design rows: successes, failures, label; each shape [rows of that skill]. */
interface SkillRows {
  successes: number[];
  failures: number[];
  labels: number[];
}

const rowCache = new WeakMap<KTDataset, Map<number, SkillRows>>();

function rowsBySkill(dataset: KTDataset): Map<number, SkillRows> {
  const cached = rowCache.get(dataset);
  if (cached) return cached;
  const rows = new Map<number, SkillRows>();
  for (const sequence of dataset.sequences) {
    const counts = new Map<number, [number, number]>();
    for (let t = 0; t < sequence.correct.length; t++) {
      const k = sequence.skills[t] as number;
      const y = sequence.correct[t] as number;
      const count = counts.get(k) ?? [0, 0];
      const entry = rows.get(k) ?? { successes: [], failures: [], labels: [] };
      entry.successes.push(count[0]);
      entry.failures.push(count[1]);
      entry.labels.push(y);
      rows.set(k, entry);
      count[y === 1 ? 0 : 1]++;
      counts.set(k, count);
    }
  }
  rowCache.set(dataset, rows);
  return rows;
}

/** Solves the 3×3 system A x = b by Cramer's rule (A is symmetric positive definite here). */
function solve3(a: number[][], b: number[]): number[] {
  const det = (m: number[][]) =>
    (m[0]?.[0] as number) *
      ((m[1]?.[1] as number) * (m[2]?.[2] as number) - (m[1]?.[2] as number) * (m[2]?.[1] as number)) -
    (m[0]?.[1] as number) *
      ((m[1]?.[0] as number) * (m[2]?.[2] as number) - (m[1]?.[2] as number) * (m[2]?.[0] as number)) +
    (m[0]?.[2] as number) *
      ((m[1]?.[0] as number) * (m[2]?.[1] as number) - (m[1]?.[1] as number) * (m[2]?.[0] as number));
  const d = det(a);
  return [0, 1, 2].map(
    (column) => det(a.map((row, i) => row.map((v, j) => (j === column ? (b[i] as number) : v)))) / d,
  );
}

class PfaModel implements KnowledgeTracer {
  readonly name = "pfa";

  constructor(
    readonly config: PfaConfig,
    readonly shape: { numSkills: number; numProblems: number },
    readonly params: Parameters = {
      beta: new Float32Array(shape.numSkills + 1),
      gamma: new Float32Array(shape.numSkills + 1),
      rho: new Float32Array(shape.numSkills + 1),
    },
  ) {}

  /** One Newton-Raphson step per skill; returns the mean training log loss before the step. */
  private newtonEpoch(train: KTDataset): number {
    let loss = 0;
    let count = 0;
    for (const [k, rows] of rowsBySkill(train)) {
      const w = [this.params.beta[k] as number, this.params.gamma[k] as number, this.params.rho[k] as number];
      const { l2 } = this.config;
      const gradient = [l2 * (w[0] as number), l2 * (w[1] as number), l2 * (w[2] as number)];
      const hessian = [
        [l2, 0, 0],
        [0, l2, 0],
        [0, 0, l2],
      ];
      for (let i = 0; i < rows.labels.length; i++) {
        const x = [1, rows.successes[i] as number, rows.failures[i] as number];
        const y = rows.labels[i] as number;
        const p = sigmoid(
          (w[0] as number) + (w[1] as number) * (x[1] as number) + (w[2] as number) * (x[2] as number),
        );
        loss += crossEntropy(p, y);
        count++;
        const weight = p * (1 - p);
        for (let r = 0; r < 3; r++) {
          gradient[r] = (gradient[r] as number) + (p - y) * (x[r] as number);
          const row = hessian[r] as number[];
          for (let c = 0; c < 3; c++)
            row[c] = (row[c] as number) + weight * (x[r] as number) * (x[c] as number);
        }
      }
      const step = solve3(hessian, gradient);
      if (step.every(Number.isFinite)) {
        this.params.beta[k] = (w[0] as number) - (step[0] as number);
        this.params.gamma[k] = (w[1] as number) - (step[1] as number);
        this.params.rho[k] = (w[2] as number) - (step[2] as number);
      }
    }
    return count > 0 ? loss / count : Number.NaN;
  }

  fit(train: KTDataset, valid: KTDataset, options: FitOptions = {}): Promise<FitReport> {
    return fitWithEarlyStopping(
      {
        epoch: () => this.newtonEpoch(train),
        predict: (sequences) => this.predictSync(sequences),
        ...parameterCheckpoint(PARAMETERS, this.params),
      },
      train,
      valid,
      options,
      { kind: "converged", maxEpochs: this.config.maxEpochs, tolerance: this.config.tolerance },
    );
  }

  predictSync(sequences: readonly LearnerSequence[]): SequencePredictions[] {
    const size = this.shape.numSkills + 1;
    return sequences.map((sequence) => {
      const successes = new Float64Array(size);
      const failures = new Float64Array(size);
      const out = new Float32Array(sequence.correct.length);
      for (let t = 0; t < out.length; t++) {
        const k = sequence.skills[t] as number;
        if (k < 1 || k >= size) throw new Error(`pfa: skill id ${k} outside 1..${this.shape.numSkills}`);
        const logit =
          (this.params.beta[k] as number) +
          (this.params.gamma[k] as number) * (successes[k] as number) +
          (this.params.rho[k] as number) * (failures[k] as number);
        out[t] = t === 0 ? Number.NaN : sigmoid(logit);
        if (sequence.correct[t] === 1) successes[k] = (successes[k] as number) + 1;
        else failures[k] = (failures[k] as number) + 1;
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

export const pfaDefinition: ModelDefinition = {
  name: "pfa",
  description:
    "Performance Factors Analysis, per-skill logistic on success/failure counts (Pavlik et al. 2009)",
  defaults: pfaConfigSchema.parse({}),
  create: (config, shape) => new PfaModel(pfaConfigSchema.parse(config), shape),
  async load(saved) {
    const size = saved.dataShape.numSkills + 1;
    const params = Object.fromEntries(
      PARAMETERS.map((name) => [name, savedWeight(saved.weights, name, size, "pfa")]),
    ) as Parameters;
    return new PfaModel(pfaConfigSchema.parse(saved.config), { ...saved.dataShape }, params);
  },
};
