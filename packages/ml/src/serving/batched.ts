import type * as tfjs from "@tensorflow/tfjs";
import type { Vector } from "./math";

/**
 * The candidate pass of the attention models on tfjs-wasm, one batch of distinct candidates at a time.
 * Measured (docs/benchmarks/serving.md): the dense products of a 1,000-candidate pass run 20–30× faster
 * through the wasm backend's XNNPACK kernels than in typed-array loops, copies in and out included; the
 * learner state stays in typed arrays and is copied in once per call. Loaded only by the predictors that
 * use it (dynamic import), so serving a baseline or DKT never starts tfjs.
 */
export type Tf = typeof tfjs;

export async function loadTf(): Promise<Tf> {
  const { initEngine } = await import("../engine/backend");
  return initEngine();
}

export interface Dense {
  readonly w: tfjs.Tensor2D;
  readonly b: tfjs.Tensor1D;
}

export interface Norm {
  readonly gamma: tfjs.Tensor1D;
  readonly beta: tfjs.Tensor1D;
}

/** Saved weights as tensors, freed together by `dispose`. */
export class TensorWeights {
  private readonly tensors: tfjs.Tensor[] = [];
  constructor(readonly tf: Tf) {}

  matrix(values: Float32Array, rows: number, columns: number): tfjs.Tensor2D {
    return this.keep(this.tf.tensor2d(values, [rows, columns]));
  }

  vector(values: Float32Array | Float64Array): tfjs.Tensor1D {
    return this.keep(this.tf.tensor1d(Float32Array.from(values)));
  }

  dense(weights: { w: Float32Array; b: Float32Array }): Dense {
    const outputs = weights.b.length;
    return { w: this.matrix(weights.w, weights.w.length / outputs, outputs), b: this.vector(weights.b) };
  }

  norm(weights: { gamma: Float32Array; beta: Float32Array }): Norm {
    return { gamma: this.vector(weights.gamma), beta: this.vector(weights.beta) };
  }

  private keep<T extends tfjs.Tensor>(tensor: T): T {
    this.tensors.push(tensor);
    return tensor;
  }

  dispose(): void {
    this.tf.dispose(this.tensors);
    this.tensors.length = 0;
  }
}

export function denseOp(tf: Tf, x: tfjs.Tensor2D, layer: Dense): tfjs.Tensor2D {
  return tf.add(tf.matMul(x, layer.w), layer.b);
}

/** Layer normalisation as models/deep/layers.ts: population variance, ε = 1e-5. */
export function layerNormOp(tf: Tf, x: tfjs.Tensor2D, norm: Norm): tfjs.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return x
    .sub(mean)
    .mul(tf.rsqrt(variance.add(1e-5)))
    .mul(norm.gamma)
    .add(norm.beta);
}

/** Head h of cached rows, as a tensor: keys transposed [dh, T] (the fast untransposed product), values [T, dh]. */
function headOf(tf: Tf, rows: readonly Vector[], h: number, dh: number, transpose: boolean): tfjs.Tensor2D {
  const T = rows.length;
  const flat = new Float32Array(T * dh);
  for (let j = 0; j < T; j++) {
    const r = rows[j] as Vector;
    for (let i = 0; i < dh; i++) flat[transpose ? i * T + j : j * dh + i] = r[h * dh + i] as number;
  }
  return tf.tensor2d(flat, transpose ? [dh, T] : [T, dh]);
}

export interface BatchAttention {
  /** [N, d] projected queries, all at window position `t`. */
  readonly queries: tfjs.Tensor2D;
  /** Projected keys and values of the cached positions 0..T−1 (T may be 0), from the learner state. */
  readonly keys: readonly Vector[];
  readonly values: readonly Vector[];
  /** Each query's own key and value at position T (non-strict mask), [N, d] each. */
  readonly self?: { readonly keys: tfjs.Tensor2D; readonly values: tfjs.Tensor2D };
  readonly heads: number;
  /** Also return the attention weights averaged over heads (for explanations). */
  readonly withWeights?: boolean;
}

/**
 * Attention of N queries at the same position over the same keys, per head with 2-D products (the wasm
 * backend's fast layout), as `attendRow` in attention.ts. Returns the mixed values [N, d] and, when asked,
 * the attention weights averaged over heads [N, T (+1 with self)]. Must run inside a tidy. Written for few
 * kernel calls, since a call's fixed cost per kernel matters at N ≈ 100: the 1/√dh scale is folded into the
 * queries, self scores of all heads come from one product, keys arrive transposed.
 * (All heads as one [heads, N, T] tensor was measured slower: the per-head γ broadcast over a middle
 * axis takes the wasm backend's slow broadcasting path.)
 */
export function attendBatch(tf: Tf, a: BatchAttention): { mixed: tfjs.Tensor2D; weights?: tfjs.Tensor2D } {
  const [n, d] = a.queries.shape;
  const { heads } = a;
  const dh = d / heads;
  const past = a.keys.length;
  const width = past + (a.self ? 1 : 0);
  if (width === 0) return { mixed: tf.zeros([n, d]), weights: tf.zeros([n, 0]) };
  const queries = tf.mul(a.queries, 1 / Math.sqrt(dh)) as tfjs.Tensor2D;
  const selfScores = a.self
    ? (tf.sum(tf.mul(queries, a.self.keys).reshape([n, heads, dh]), 2) as tfjs.Tensor2D)
    : undefined;
  const mixedHeads: tfjs.Tensor2D[] = [];
  let weightSum: tfjs.Tensor2D | undefined;
  for (let h = 0; h < heads; h++) {
    const q = queries.slice([0, h * dh], [n, dh]);
    const parts: tfjs.Tensor2D[] = [];
    if (past > 0) parts.push(tf.matMul(q, headOf(tf, a.keys, h, dh, true)));
    if (selfScores) parts.push(selfScores.slice([0, h], [n, 1]));
    const scores = parts.length === 1 ? (parts[0] as tfjs.Tensor2D) : (tf.concat(parts, 1) as tfjs.Tensor2D);
    const weights = tf.softmax(scores) as tfjs.Tensor2D;
    let mixed: tfjs.Tensor2D | undefined;
    if (past > 0) {
      const attended = past === width ? weights : weights.slice([0, 0], [n, past]);
      mixed = tf.matMul(attended, headOf(tf, a.values, h, dh, false)) as tfjs.Tensor2D;
    }
    if (a.self) {
      const own: tfjs.Tensor2D = tf.mul(
        weights.slice([0, past], [n, 1]),
        a.self.values.slice([0, h * dh], [n, dh]),
      );
      mixed = mixed ? (tf.add(mixed, own) as tfjs.Tensor2D) : own;
    }
    mixedHeads.push(mixed as tfjs.Tensor2D);
    if (a.withWeights) weightSum = weightSum ? (tf.add(weightSum, weights) as tfjs.Tensor2D) : weights;
  }
  const mixed =
    mixedHeads.length === 1 ? (mixedHeads[0] as tfjs.Tensor2D) : (tf.concat(mixedHeads, 1) as tfjs.Tensor2D);
  return weightSum ? { mixed, weights: tf.div(weightSum, heads) as tfjs.Tensor2D } : { mixed };
}
