import { tf } from "./backend";
import { normal, type Random } from "./random";

/** How a weight starts. Glorot & Bengio (2010) uniform for matrices, zeros for biases. */
export type Initializer =
  | "glorot"
  | "zeros"
  | "ones"
  | { readonly normal: number }
  | { readonly constant: number };

export interface WeightValues {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

function initialValues(shape: readonly number[], init: Initializer, random: Random): Float32Array {
  const size = shape.reduce((p, d) => p * d, 1);
  const values = new Float32Array(size);
  if (init === "zeros") return values;
  if (init === "ones") return values.fill(1);
  if (init === "glorot") {
    const fanIn = shape.length >= 2 ? (shape[shape.length - 2] as number) : size;
    const fanOut = shape.length >= 2 ? (shape[shape.length - 1] as number) : size;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < size; i++) values[i] = (random() * 2 - 1) * limit;
    return values;
  }
  if ("normal" in init) {
    for (let i = 0; i < size; i++) values[i] = normal(random) * init.normal;
    return values;
  }
  return values.fill(init.constant);
}

// tfjs variable names are global to the engine; several models (and their restored copies) coexist.
let created = 0;
function uniqueName(name: string): string {
  created += 1;
  return `${name}#${created}`;
}

/**
 * The named, trainable weights of one network. Names are the keys of the saved file, so a model's
 * weights round-trip by name and a file with a missing or mis-shaped weight is refused.
 */
export class ParameterStore {
  private readonly variables = new Map<string, tf.Variable>();

  constructor(private readonly random: Random) {}

  add(name: string, shape: readonly number[], init: Initializer): tf.Variable {
    if (this.variables.has(name)) throw new Error(`Weight "${name}" is defined twice`);
    const values = initialValues(shape, init, this.random);
    // The initial tensor is freed by the tidy; the variable keeps its own reference to the data.
    const variable = tf.tidy(() => tf.variable(tf.tensor(values, [...shape]), true, uniqueName(name)));
    this.variables.set(name, variable);
    return variable;
  }

  /** A saved but not trained table (e.g. statistics computed from the training split). */
  addFixed(name: string, shape: readonly number[]): tf.Variable {
    if (this.variables.has(name)) throw new Error(`Weight "${name}" is defined twice`);
    const variable = tf.tidy(() => tf.variable(tf.zeros([...shape]), false, uniqueName(name)));
    this.variables.set(name, variable);
    return variable;
  }

  get(name: string): tf.Variable {
    const variable = this.variables.get(name);
    if (!variable) throw new Error(`No weight named "${name}"`);
    return variable;
  }

  /** The trainable weights, for the optimizer. */
  list(): tf.Variable[] {
    return [...this.variables.values()].filter((v) => v.trainable);
  }

  /** Copies every weight out of the backend (for checkpoints and files). */
  snapshot(): Record<string, WeightValues> {
    const out: Record<string, WeightValues> = {};
    for (const [name, variable] of this.variables) {
      out[name] = { shape: [...variable.shape], values: variable.dataSync().slice() as Float32Array };
    }
    return out;
  }

  /** Overwrites every weight; refuses a set with a missing, extra or mis-shaped weight. */
  restore(weights: Readonly<Record<string, WeightValues>>): void {
    const extra = Object.keys(weights).filter((name) => !this.variables.has(name));
    if (extra.length > 0) throw new Error(`Unexpected weights: ${extra.join(", ")}`);
    for (const [name, variable] of this.variables) {
      const saved = weights[name];
      if (!saved) throw new Error(`Missing weight "${name}"`);
      const expected = variable.shape.join("x");
      if (saved.shape.join("x") !== expected || saved.values.length !== variable.size) {
        throw new Error(`Weight "${name}" has shape ${saved.shape.join("x")}, expected ${expected}`);
      }
      tf.tidy(() => variable.assign(tf.tensor(saved.values, variable.shape)));
    }
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose();
    this.variables.clear();
  }
}
