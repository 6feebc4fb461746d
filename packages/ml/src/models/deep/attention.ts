import { tf } from "../../engine/backend";
import { matMulLastAxis } from "../../engine/linear";
import type { ParameterStore } from "../../engine/parameters";
import { addDense, dense, dropout } from "./layers";
import type { ForwardContext } from "./network";

/**
 * Scaled dot-product multi-head attention (Vaswani et al. 2017) with a causal mask, shared by SAKT
 * and AKT. `strict` = true lets position t see only j < t (AKT's knowledge retriever; its first row,
 * which sees nothing, outputs zeros); false lets it see j ≤ t. With `monotonic`, scores are multiplied
 * by AKT's exponential decay of the context-aware distance (Ghosh et al. 2020, eq. 3–4):
 *   d(t, τ) = |t − τ| · Σ_{τ < t' ≤ t} softmax-weight(t, t'),  score · exp(−softplus(θ_head) · √d).
 */
export interface AttentionOptions {
  readonly heads: number;
  readonly strict: boolean;
  readonly monotonic: boolean;
  readonly dropout: number;
  /** AKT ties the query and key projections (kq_same). */
  readonly shareQueryKey: boolean;
}

export function addAttention(
  params: ParameterStore,
  name: string,
  size: number,
  options: AttentionOptions,
): void {
  if (size % options.heads !== 0)
    throw new Error(`Attention size ${size} is not divisible by ${options.heads} heads`);
  if (!options.shareQueryKey) addDense(params, `${name}.q`, size, size);
  addDense(params, `${name}.k`, size, size);
  addDense(params, `${name}.v`, size, size);
  addDense(params, `${name}.out`, size, size);
  if (options.monotonic) params.add(`${name}.theta`, [options.heads, 1, 1], "glorot");
}

/** Constant [T, T] matrices, cached per length: allowed-mask (1/0) and |i − j|. */
const maskCache = new Map<string, { allowed: tf.Tensor2D; distance: tf.Tensor2D; upper: tf.Tensor2D }>();

function masks(length: number, strict: boolean) {
  const key = `${length}:${strict}`;
  let entry = maskCache.get(key);
  if (!entry) {
    const allowed = new Float32Array(length * length);
    const distance = new Float32Array(length * length);
    const upper = new Float32Array(length * length);
    for (let i = 0; i < length; i++)
      for (let j = 0; j < length; j++) {
        allowed[i * length + j] = strict ? (j < i ? 1 : 0) : j <= i ? 1 : 0;
        distance[i * length + j] = Math.abs(i - j);
        upper[i * length + j] = i <= j ? 1 : 0;
      }
    entry = tf.tidy(() => ({
      allowed: tf.keep(tf.tensor2d(allowed, [length, length])),
      distance: tf.keep(tf.tensor2d(distance, [length, length])),
      upper: tf.keep(tf.tensor2d(upper, [length, length])),
    }));
    maskCache.set(key, entry);
  }
  return entry;
}

function splitHeads(x: tf.Tensor, heads: number): tf.Tensor4D {
  const [b, t, d] = x.shape as [number, number, number];
  return x.reshape([b, t, heads, d / heads]).transpose([0, 2, 1, 3]) as tf.Tensor4D;
}

function maskedSoftmax(scores: tf.Tensor, allowed: tf.Tensor): tf.Tensor {
  return tf.softmax(tf.add(scores, tf.mul(tf.sub(1, allowed), -1e9)));
}

/**
 * The distance decay factor exp(−softplus(θ)·√d) is computed from the scores without gradient, as in
 * the AKT reference code (the distance is a detached statistic). Here it is one custom op whose
 * gradient is zero, so the backward pass does not walk the distance computation at all.
 */
function contextDistance(
  scores: tf.Tensor4D,
  allowed: tf.Tensor2D,
  distance: tf.Tensor2D,
  upper: tf.Tensor2D,
): tf.Tensor4D {
  const op = tf.customGrad((s) => {
    const weights = tf.mul(maskedSoftmax(s as tf.Tensor, allowed), allowed);
    // Cumulative sum along keys as one matmul with an upper-triangular ones matrix (fast wasm layout).
    const cumulative = matMulLastAxis(weights, upper);
    const total = tf.sum(weights, -1, true);
    const value = tf.sqrt(tf.relu(tf.mul(tf.sub(total, cumulative), distance)));
    return { value, gradFunc: (dy) => tf.zerosLike(dy as tf.Tensor) };
  });
  return op(scores) as tf.Tensor4D;
}

/** query/key/value [B, T, d] → [B, T, d]. */
export function attention(
  params: ParameterStore,
  name: string,
  query: tf.Tensor3D,
  key: tf.Tensor3D,
  value: tf.Tensor3D,
  options: AttentionOptions,
  context: ForwardContext,
): tf.Tensor3D {
  const [b, t, d] = query.shape;
  const q = splitHeads(
    dense(params, options.shareQueryKey ? `${name}.k` : `${name}.q`, query),
    options.heads,
  );
  const k = splitHeads(dense(params, `${name}.k`, key), options.heads);
  const v = splitHeads(dense(params, `${name}.v`, value), options.heads);
  const { allowed, distance, upper } = masks(t, options.strict);
  let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d / options.heads)) as tf.Tensor4D;
  if (options.monotonic) {
    const theta = params.get(`${name}.theta`);
    const gamma = tf.neg(tf.softplus(theta));
    const decay = tf.clipByValue(
      tf.exp(tf.mul(contextDistance(scores, allowed, distance, upper), gamma)),
      1e-5,
      1e5,
    );
    scores = tf.mul(scores, decay) as tf.Tensor4D;
  }
  // Rows with no visible key (the first row under a strict mask) output zeros rather than a uniform mix.
  let weights = tf.mul(maskedSoftmax(scores, allowed), allowed);
  weights = dropout(weights, options.dropout, context);
  const mixed = tf
    .matMul(weights as tf.Tensor4D, v)
    .transpose([0, 2, 1, 3])
    .reshape([b, t, d]);
  return dense(params, `${name}.out`, mixed) as tf.Tensor3D;
}
