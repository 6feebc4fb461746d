import type { SavedModel } from "../contract";

/** A saved weight by name with its shape checked; a missing or mis-shaped weight is refused by name. */
export function weight(saved: SavedModel, name: string, shape: readonly number[]): Float32Array {
  const w = saved.weights[name];
  if (!w) throw new Error(`${saved.model} model file has no weight "${name}"`);
  if (w.shape.join("x") !== shape.join("x") || w.values.length !== shape.reduce((p, d) => p * d, 1)) {
    throw new Error(
      `${saved.model} weight "${name}" has shape ${w.shape.join("x")}, expected ${shape.join("x")}`,
    );
  }
  return w.values;
}

/** A positive integer hyperparameter from the saved config (the trainer saves every default too). */
export function configInteger(saved: SavedModel, name: string): number {
  const value = saved.config[name];
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new Error(`${saved.model} model config has no positive integer "${name}" (got ${String(value)})`);
  }
  return value;
}

/** A dense layer's weight matrix [inputs, outputs] and bias [outputs]. */
export function denseWeights(saved: SavedModel, name: string, inputs: number, outputs: number) {
  return { w: weight(saved, `${name}.w`, [inputs, outputs]), b: weight(saved, `${name}.b`, [outputs]) };
}

export function layerNormWeights(saved: SavedModel, name: string, size: number) {
  return { gamma: weight(saved, `${name}.gamma`, [size]), beta: weight(saved, `${name}.beta`, [size]) };
}
