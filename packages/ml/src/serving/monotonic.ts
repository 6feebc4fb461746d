import type * as tfjs from "@tensorflow/tfjs";
import type { Tf } from "./batched";
import type { Vector } from "./math";

/**
 * AKT's monotonic attention (Ghosh et al. 2020, eq. 3–4) for N candidate queries at the same window
 * position, on tfjs-wasm — the same function as `attendRow` in attention.ts:
 *   d(t, j) = √(|t − j| · Σ_{i > j} softmax(s)_i),  s_j ← s_j · clip(exp(γ_h · d(t, j)), 1e-5, 1e5),
 * then softmax and the weighted sum of values.
 *
 * Laid out for the wasm backend's costs (measured, docs/serving.md "Where the time goes"):
 * - One 2-D product per head (XNNPACK's fast layout); the query's own score enters that product as an
 *   extra input column against a one-hot key row, so no [N, W] concatenation is needed.
 * - The suffix sums, the distance and the square root run as one typed-array loop over the first
 *   softmax, read out once: tfjs's Cumsum and Sqrt kernels are scalar loops that cost more than the
 *   copy out and back in.
 * - exp(z) is evaluated as σ(z) / σ(−z), an identity, with the backend's vectorised (XNNPACK) Sigmoid:
 *   its scalar Exp kernel was the largest single cost of the pass. For z ≤ 0 (γ < 0, so always here)
 *   both sigmoids keep full float32 relative precision, so the decay agrees with exp to a few ulp.
 */
export interface MonotonicAttention {
  /** [N, d] projected queries, all at window position `t`. */
  readonly queries: tfjs.Tensor2D;
  /** Projected keys and values of the cached positions 0..T−1 (T may be 0), from the learner state. */
  readonly keys: readonly Vector[];
  readonly values: readonly Vector[];
  /** Each query's own key and value at position T (the question encoder's non-strict mask), [N, d] each. */
  readonly self?: { readonly keys: tfjs.Tensor2D; readonly values: tfjs.Tensor2D };
  readonly t: number;
  readonly heads: number;
  /** γ_h = −softplus(θ_h) per head. */
  readonly gammas: Float64Array;
  /** Also return the attention weights averaged over heads, [N, W]. */
  readonly withWeights?: boolean;
}

/** The decay's clip bounds, in the exponent: clip(exp(z), 1e-5, 1e5) = exp(clip(z, ln 1e-5, ln 1e5)). */
const LOG_MIN_DECAY = Math.log(1e-5);
const LOG_MAX_DECAY = Math.log(1e5);

/**
 * Head h of the cached keys as [dh (+1), W] — transposed, the fast product layout — and of the values as
 * [W, dh]. With a self column (W = T + 1) the keys get an extra input row that is 1 only at column T,
 * so [q, q·k_self] times it gives every score, own one included; the values get a zero row at T.
 */
function headKeys(rows: readonly Vector[], h: number, dh: number, self: boolean): Float32Array {
  const T = rows.length;
  const width = T + (self ? 1 : 0);
  const flat = new Float32Array((dh + (self ? 1 : 0)) * width);
  for (let j = 0; j < T; j++) {
    const r = rows[j] as Vector;
    for (let i = 0; i < dh; i++) flat[i * width + j] = r[h * dh + i] as number;
  }
  if (self) flat[dh * width + T] = 1;
  return flat;
}

function headValues(rows: readonly Vector[], h: number, dh: number, self: boolean): Float32Array {
  const flat = new Float32Array((rows.length + (self ? 1 : 0)) * dh);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j] as Vector;
    for (let i = 0; i < dh; i++) flat[j * dh + i] = r[h * dh + i] as number;
  }
  return flat;
}

/**
 * The decay exponent z = clip(γ · √(|t − j| · Σ_{i>j} p_i)) for every entry of one head's first softmax
 * `p` ([N, W]), into `z`. Suffix sums accumulate in float64.
 */
function decayExponents(p: Float32Array, width: number, t: number, gamma: number, z: Float32Array): void {
  const distance = Float64Array.from({ length: width }, (_, j) => Math.abs(t - j));
  for (let base = 0; base < p.length; base += width) {
    let suffix = 0;
    for (let j = width - 1; j >= 0; j--) {
      const e = gamma * Math.sqrt(suffix * (distance[j] as number));
      z[base + j] = Math.min(LOG_MAX_DECAY, Math.max(LOG_MIN_DECAY, e));
      suffix += p[base + j] as number;
    }
  }
}

/** Returns the mixed values [N, d] and, when asked, the head-averaged weights [N, W]. Must run inside a tidy. */
export function attendMonotonic(
  tf: Tf,
  a: MonotonicAttention,
): { mixed: tfjs.Tensor2D; weights?: tfjs.Tensor2D } {
  const [n, d] = a.queries.shape;
  const { heads } = a;
  const dh = d / heads;
  const past = a.keys.length;
  const self = a.self !== undefined;
  const width = past + (self ? 1 : 0);
  if (width === 0) return { mixed: tf.zeros([n, d]), weights: tf.zeros([n, 0]) };
  const queries = tf.mul(a.queries, 1 / Math.sqrt(dh)) as tfjs.Tensor2D;
  const selfScores = a.self
    ? (tf.sum(tf.mul(queries, a.self.keys).reshape([n, heads, dh]), 2) as tfjs.Tensor2D)
    : undefined;
  const z = new Float32Array(n * width);
  const mixedHeads: tfjs.Tensor2D[] = [];
  let weightSum: tfjs.Tensor2D | undefined;
  for (let h = 0; h < heads; h++) {
    let q = queries.slice([0, h * dh], [n, dh]);
    if (selfScores) q = tf.concat([q, selfScores.slice([0, h], [n, 1])], 1);
    const keys = tf.tensor2d(headKeys(a.keys, h, dh, self), [dh + (self ? 1 : 0), width]);
    const scores = tf.matMul(q, keys);
    decayExponents(tf.softmax(scores).dataSync() as Float32Array, width, a.t, a.gammas[h] as number, z);
    const exponent = tf.tensor2d(z, [n, width]);
    const decay = tf.div(tf.sigmoid(exponent), tf.sigmoid(tf.neg(exponent)));
    const weights = tf.softmax(tf.mul(scores, decay)) as tfjs.Tensor2D;
    let mixed = tf.matMul(weights, tf.tensor2d(headValues(a.values, h, dh, self), [width, dh]));
    if (a.self) {
      const own = tf.mul(weights.slice([0, past], [n, 1]), a.self.values.slice([0, h * dh], [n, dh]));
      mixed = tf.add(mixed, own);
    }
    mixedHeads.push(mixed as tfjs.Tensor2D);
    if (a.withWeights) weightSum = weightSum ? (tf.add(weightSum, weights) as tfjs.Tensor2D) : weights;
  }
  const mixed =
    mixedHeads.length === 1 ? (mixedHeads[0] as tfjs.Tensor2D) : (tf.concat(mixedHeads, 1) as tfjs.Tensor2D);
  return weightSum ? { mixed, weights: tf.div(weightSum, heads) as tfjs.Tensor2D } : { mixed };
}
