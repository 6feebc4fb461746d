import type { z } from "zod";
import type { FitOptions, FitReport, KnowledgeTracer, ModelDefinition, SavedModel } from "../../contract";
import type { KTDataset, LearnerSequence, SequencePredictions } from "../../data/sequence";
import { initEngine } from "../../engine/backend";
import { toSavedModel } from "../../engine/model-file";
import { ParameterStore } from "../../engine/parameters";
import { seededRandom } from "../../engine/random";
import { predictSequences } from "../../train/predict";
import { type TrainSettings, trainSettingsSchema } from "../../train/settings";
import { type TrainOptions, trainNetwork } from "../../train/trainer";
import type { DeepNetwork } from "./network";

export interface DataShape {
  readonly numSkills: number;
  readonly numProblems: number;
}

/** What a deep model module supplies: its hyperparameters (zod, with defaults) and how to build it. */
export interface DeepModelSpec<Shape extends z.ZodRawShape> {
  readonly name: string;
  readonly description: string;
  readonly architecture: Shape;
  build(
    config: z.infer<z.ZodObject<Shape>> & TrainSettings,
    shape: DataShape,
    params: ParameterStore,
  ): DeepNetwork;
}

/**
 * Any deep network behind the `KnowledgeTracer` contract: the generic trainer fits it, predictions go
 * through the same windowing, and the file holds config + data shape + named weights.
 */
class DeepTracer implements KnowledgeTracer {
  constructor(
    readonly name: string,
    readonly config: Readonly<Record<string, unknown>> & TrainSettings,
    private readonly shape: DataShape,
    readonly network: DeepNetwork,
  ) {}

  fit(train: KTDataset, valid: KTDataset, options?: FitOptions): Promise<FitReport> {
    for (const split of [train, valid]) {
      if (split.numSkills > this.shape.numSkills || split.numProblems > this.shape.numProblems) {
        throw new Error(
          `Dataset "${split.name}" has ${split.numSkills} skills / ${split.numProblems} problems; ` +
            `model "${this.name}" was built for ${this.shape.numSkills} / ${this.shape.numProblems}`,
        );
      }
    }
    return trainNetwork(this.network, train, valid, this.config, options as TrainOptions);
  }

  predict(sequences: readonly LearnerSequence[]): Promise<SequencePredictions[]> {
    return predictSequences(this.network, sequences, this.config.maxLength, this.config.evalBatchSize);
  }

  async save(): Promise<SavedModel> {
    return toSavedModel(this, this.shape, this.network.params.snapshot());
  }

  dispose(): void {
    this.network.params.dispose();
  }
}

/** The network behind a deep tracer (for speed benchmarks and profiling); undefined for other models. */
export function networkOf(tracer: KnowledgeTracer): DeepNetwork | undefined {
  return tracer instanceof DeepTracer ? tracer.network : undefined;
}

export function defineDeepModel<Shape extends z.ZodRawShape>(spec: DeepModelSpec<Shape>): ModelDefinition {
  const schema = trainSettingsSchema.extend(spec.architecture).strict();
  const parse = (config: Readonly<Record<string, unknown>>) => {
    const parsed = schema.safeParse(config);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`)
        .join("; ");
      throw new Error(`Invalid config for model "${spec.name}": ${issues}`);
    }
    return parsed.data as z.infer<z.ZodObject<Shape>> & TrainSettings;
  };
  const create = (config: Readonly<Record<string, unknown>>, shape: DataShape): KnowledgeTracer => {
    const full = parse(config);
    const params = new ParameterStore(seededRandom(full.seed));
    const network = spec.build(full, shape, params);
    return new DeepTracer(
      spec.name,
      full,
      { numSkills: shape.numSkills, numProblems: shape.numProblems },
      network,
    );
  };
  return {
    name: spec.name,
    description: spec.description,
    defaults: parse({}),
    create,
    async load(saved: SavedModel) {
      if (saved.model !== spec.name) throw new Error(`Saved model is "${saved.model}", not "${spec.name}"`);
      await initEngine();
      const tracer = create(saved.config, saved.dataShape);
      (tracer as DeepTracer).network.params.restore(saved.weights);
      return tracer;
    },
  };
}
