/**
 * Step-by-step inference of a trained DKT (Piech et al. 2015; C2's model in @pathwise/ml) in plain JavaScript.
 * The simulator advances one learner one answer at a time thousands of times; running the LSTM recurrence
 * directly on the saved weights costs microseconds per step, where a tensor-library forward pass over the
 * whole history would cost milliseconds. It must reproduce `predict` of the tfjs model exactly (see the test).
 *
 * Weight layout (as saved by @pathwise/ml's DKT): `interaction` [2S + 1, E] embeds id = skill + S·correct
 * (skills 1..S); `lstm.wx` [E, 4H], `lstm.wh` [H, 4H], `lstm.b` [4H] with gate order i, f, g, o;
 * `out.w` [S + 1, H] and `out.b` [S + 1, 1]: p(correct on s | h) = σ(h · out.w[s] + out.b[s]).
 */
export interface DktWeights {
  readonly numSkills: number;
  readonly embeddingSize: number;
  readonly hiddenSize: number;
  readonly interaction: Float32Array;
  readonly wx: Float32Array;
  readonly wh: Float32Array;
  readonly bias: Float32Array;
  readonly outW: Float32Array;
  readonly outB: Float32Array;
}

type NamedWeights = Readonly<
  Record<string, { readonly shape: readonly number[]; readonly values: ArrayLike<number> }>
>;

/** Reads the named weights of a saved DKT, checking every shape against the data shape. */
export function dktWeightsFrom(numSkills: number, weights: NamedWeights): DktWeights {
  const get = (name: string, rank: number) => {
    const w = weights[name];
    if (!w || w.shape.length !== rank)
      throw new Error(`DKT weights: "${name}" missing or not of rank ${rank}`);
    return { shape: w.shape, values: Float32Array.from(w.values) };
  };
  const interaction = get("interaction", 2);
  const wx = get("lstm.wx", 2);
  const wh = get("lstm.wh", 2);
  const [rows, embeddingSize] = interaction.shape as [number, number];
  const hiddenSize = (wh.shape[0] as number) ?? 0;
  if (rows !== 2 * numSkills + 1)
    throw new Error(`DKT weights: interaction has ${rows} rows, expected ${2 * numSkills + 1}`);
  if (wx.shape[0] !== embeddingSize || wx.shape[1] !== 4 * hiddenSize)
    throw new Error("DKT weights: lstm.wx shape mismatch");
  return {
    numSkills,
    embeddingSize,
    hiddenSize,
    interaction: interaction.values,
    wx: wx.values,
    wh: wh.values,
    bias: get("lstm.b", 1).values,
    outW: get("out.w", 2).values,
    outB: get("out.b", 2).values,
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** One simulated learner's DKT state (h, c). */
export class DktLearnerState {
  private h: Float64Array;
  private c: Float64Array;

  constructor(
    readonly weights: DktWeights,
    from?: DktLearnerState,
  ) {
    this.h = from ? Float64Array.from(from.h) : new Float64Array(weights.hiddenSize);
    this.c = from ? Float64Array.from(from.c) : new Float64Array(weights.hiddenSize);
  }

  /** An independent copy of this state (for replaying a shared history once). */
  clone(): DktLearnerState {
    return new DktLearnerState(this.weights, this);
  }

  /** p(correct) on skill s (1..S) given everything observed so far. */
  predict(skill: number): number {
    const { hiddenSize: H, outW, outB, numSkills } = this.weights;
    if (!Number.isInteger(skill) || skill < 1 || skill > numSkills)
      throw new Error(`DKT: skill ${skill} outside 1..${numSkills}`);
    let z = outB[skill] as number;
    for (let j = 0; j < H; j++) z += (this.h[j] as number) * (outW[skill * H + j] as number);
    return sigmoid(z);
  }

  /** Feeds one interaction (skill 1..S, correct) through the LSTM. */
  observe(skill: number, correct: boolean): void {
    const { hiddenSize: H, embeddingSize: E, interaction, wx, wh, bias, numSkills } = this.weights;
    const id = skill + (correct ? numSkills : 0);
    const z = new Float64Array(4 * H);
    for (let k = 0; k < 4 * H; k++) z[k] = bias[k] as number;
    for (let e = 0; e < E; e++) {
      const x = interaction[id * E + e] as number;
      if (x === 0) continue;
      const row = e * 4 * H;
      for (let k = 0; k < 4 * H; k++) z[k] = (z[k] as number) + x * (wx[row + k] as number);
    }
    for (let j = 0; j < H; j++) {
      const hj = this.h[j] as number;
      if (hj === 0) continue;
      const row = j * 4 * H;
      for (let k = 0; k < 4 * H; k++) z[k] = (z[k] as number) + hj * (wh[row + k] as number);
    }
    const h = new Float64Array(H);
    const c = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      const i = sigmoid(z[j] as number);
      const f = sigmoid(z[H + j] as number);
      const g = Math.tanh(z[2 * H + j] as number);
      const o = sigmoid(z[3 * H + j] as number);
      c[j] = f * (this.c[j] as number) + i * g;
      h[j] = o * Math.tanh(c[j] as number);
    }
    this.h = h;
    this.c = c;
  }
}
