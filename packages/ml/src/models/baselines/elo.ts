import { z } from "zod";
import type { FitOptions, FitReport, KnowledgeTracer, ModelDefinition, SavedModel } from "../../contract";
import type { KTDataset, LearnerSequence, SequencePredictions } from "../../data/sequence";
import { toSavedModel } from "../../engine/model-file";
import { crossEntropy, fitWithEarlyStopping, savedWeight, sigmoid } from "./fitLoop";

/**
 * Elo-style online IRT (Pelánek 2016, "Applications of the Elo rating system in adaptive educational
 * systems", Computers & Education 98): a Rasch model p = σ(θ + θ_k − b_k − d_i) whose parameters are
 * updated after every answer by Δ = K(n)·(y − p), with the uncertainty function K(n) = α / (1 + β·n)
 * so early answers move estimates more (Pelánek's eq. for K). θ is the learner's global ability and θ_k
 * the learner's ability on skill k (the multi-skill extension in Pelánek's section 4); b_k and d_i are the
 * skill's and item's difficulty. Learner parameters start at 0 for every sequence (new learners at test
 * time); difficulties are learned on the training split and frozen for prediction.
 */
const eloConfigSchema = z.object({
  maxEpochs: z.number().int().positive().default(10),
  patience: z.number().int().positive().default(2),
  /** 0.4 chosen by validation AUC on valid2 of ASSIST2009 and ASSIST2015 among {0.2, 0.4, 1}. */
  alpha: z.number().positive().default(0.4),
  beta: z.number().nonnegative().default(0.05),
  /** Use problem ids as items when the data has them (the Rasch item difficulty). */
  useProblems: z.boolean().default(true),
});
type EloConfig = z.infer<typeof eloConfigSchema>;

interface Difficulties {
  skill: Float32Array;
  item: Float32Array;
}

class EloModel implements KnowledgeTracer {
  readonly name = "elo";
  private readonly skillCount: Float64Array;
  private readonly itemCount: Float64Array;

  constructor(
    readonly config: EloConfig,
    readonly shape: { numSkills: number; numProblems: number },
    readonly difficulty: Difficulties = {
      skill: new Float32Array(shape.numSkills + 1),
      item: new Float32Array(shape.numProblems + 1),
    },
  ) {
    this.skillCount = new Float64Array(shape.numSkills + 1);
    this.itemCount = new Float64Array(shape.numProblems + 1);
  }

  private k(n: number): number {
    return this.config.alpha / (1 + this.config.beta * n);
  }

  /**
   * Runs the Elo recursion over `sequence`, writing p(correct) before each answer into `out`.
   * With `learn`, difficulties are updated too (training); otherwise they stay frozen.
   */
  private run(sequence: LearnerSequence, out: Float32Array | undefined, learn: boolean): number {
    const abilityBySkill = new Map<number, [number, number]>();
    let ability = 0;
    let answered = 0;
    let loss = 0;
    const items = this.config.useProblems ? sequence.problems : undefined;
    for (let t = 0; t < sequence.correct.length; t++) {
      const k = sequence.skills[t] as number;
      if (k < 1 || k > this.shape.numSkills)
        throw new Error(`elo: skill id ${k} outside 1..${this.shape.numSkills}`);
      const i = items ? (items[t] as number) : 0;
      if (i > this.shape.numProblems)
        throw new Error(`elo: problem id ${i} outside 1..${this.shape.numProblems}`);
      const skillState = abilityBySkill.get(k) ?? [0, 0];
      const p = sigmoid(
        ability + skillState[0] - (this.difficulty.skill[k] as number) - (this.difficulty.item[i] as number),
      );
      const y = sequence.correct[t] as number;
      if (out) out[t] = t === 0 ? Number.NaN : p;
      loss += crossEntropy(p, y);
      const error = y - p;
      ability += this.k(answered) * error;
      skillState[0] += this.k(skillState[1]) * error;
      skillState[1]++;
      answered++;
      abilityBySkill.set(k, skillState);
      if (learn) {
        this.difficulty.skill[k] =
          (this.difficulty.skill[k] as number) - this.k(this.skillCount[k] as number) * error;
        this.skillCount[k] = (this.skillCount[k] as number) + 1;
        if (i > 0) {
          this.difficulty.item[i] =
            (this.difficulty.item[i] as number) - this.k(this.itemCount[i] as number) * error;
          this.itemCount[i] = (this.itemCount[i] as number) + 1;
        }
      }
    }
    return loss;
  }

  private epoch(train: KTDataset): number {
    let loss = 0;
    let count = 0;
    for (const sequence of train.sequences) {
      loss += this.run(sequence, undefined, true);
      count += sequence.correct.length;
    }
    return count > 0 ? loss / count : Number.NaN;
  }

  fit(train: KTDataset, valid: KTDataset, options: FitOptions = {}): Promise<FitReport> {
    return fitWithEarlyStopping(
      {
        epoch: () => this.epoch(train),
        predict: (sequences) => this.predictSync(sequences),
        snapshot: () => [Float32Array.from(this.difficulty.skill), Float32Array.from(this.difficulty.item)],
        restore: ([skill, item]) => {
          this.difficulty.skill.set(skill as Float32Array);
          this.difficulty.item.set(item as Float32Array);
        },
      },
      train,
      valid,
      options,
      { kind: "best-valid-auc", maxEpochs: this.config.maxEpochs, patience: this.config.patience },
    );
  }

  predictSync(sequences: readonly LearnerSequence[]): SequencePredictions[] {
    return sequences.map((sequence) => {
      const out = new Float32Array(sequence.correct.length);
      this.run(sequence, out, false);
      return out;
    });
  }

  async predict(sequences: readonly LearnerSequence[]): Promise<SequencePredictions[]> {
    return this.predictSync(sequences);
  }

  async save(): Promise<SavedModel> {
    return toSavedModel(this, this.shape, {
      skillDifficulty: {
        shape: [this.shape.numSkills + 1],
        values: Float32Array.from(this.difficulty.skill),
      },
      itemDifficulty: {
        shape: [this.shape.numProblems + 1],
        values: Float32Array.from(this.difficulty.item),
      },
    });
  }

  dispose(): void {}
}

export const eloDefinition: ModelDefinition = {
  name: "elo",
  description:
    "Elo-style online IRT: learner ability and skill/item difficulty updated per answer (Pelánek 2016)",
  defaults: eloConfigSchema.parse({}),
  create: (config, shape) => new EloModel(eloConfigSchema.parse(config), shape),
  async load(saved) {
    const { numSkills, numProblems } = saved.dataShape;
    return new EloModel(
      eloConfigSchema.parse(saved.config),
      { numSkills, numProblems },
      {
        skill: savedWeight(saved.weights, "skillDifficulty", numSkills + 1, "elo"),
        item: savedWeight(saved.weights, "itemDifficulty", numProblems + 1, "elo"),
      },
    );
  },
};
