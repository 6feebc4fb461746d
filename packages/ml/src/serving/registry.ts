import type { SavedModel } from "../contract";
import type { Predictor } from "./contract";

/**
 * Serving factories keyed by model name, like `registry.ts` for training: `createPredictor` looks the
 * saved model's name up here, so nothing switches on a model name. Each predictor module registers
 * itself when `serving/index.ts` imports it. Only the attention models' factories load tfjs (batched.ts).
 */
export type PredictorFactory = (saved: SavedModel) => Predictor | Promise<Predictor>;

const factories = new Map<string, PredictorFactory>();

export function registerPredictor(name: string, factory: PredictorFactory): void {
  if (factories.has(name)) throw new Error(`A predictor for "${name}" is already registered`);
  factories.set(name, factory);
}

/** Builds the predictor of a trained model; refuses models without one, naming those that have. */
export async function createPredictor(saved: SavedModel): Promise<Predictor> {
  const factory = factories.get(saved.model);
  if (!factory) {
    const known = [...factories.keys()].sort().join(", ");
    throw new Error(`No predictor for knowledge-tracing model "${saved.model}". Served models: ${known}`);
  }
  return factory(saved);
}

export function servedModels(): readonly string[] {
  return [...factories.keys()].sort();
}
