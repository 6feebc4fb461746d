import type { Vector } from "./math";

/**
 * One query row of the multi-head attention in models/deep/attention.ts (Vaswani et al. 2017), on
 * typed arrays: the query at position `t` attends to cached key/value rows at positions 0..count−1 and,
 * when given, to one extra row at position `count` (the query's own position under a non-strict mask).
 * With `gammas` (−softplus(θ_h) per head) the scores get AKT's monotonic decay (Ghosh et al. 2020,
 * eq. 3–4), computed like `contextDistance`: d(t, j) = √(|t − j| · Σ_{i > j} softmax(s)_i),
 * s_j ← s_j · clip(exp(γ_h · d), 1e-5, 1e5). No visible key gives a zero output, as in training.
 */
export interface AttentionRow {
  readonly query: Vector;
  readonly keys: readonly Vector[];
  readonly values: readonly Vector[];
  readonly count: number;
  readonly extra?: { readonly key: Vector; readonly value: Vector };
  readonly t: number;
  readonly heads: number;
  readonly gammas?: Float64Array;
}

export function attendRow(row: AttentionRow, out: Vector = new Float64Array(row.query.length)): Vector {
  const { query, keys, values, count, extra, t, heads, gammas } = row;
  const d = query.length;
  const dh = d / heads;
  const n = count + (extra ? 1 : 0);
  out.fill(0);
  if (n === 0) return out;
  const scale = 1 / Math.sqrt(dh);
  const scores = new Float64Array(n);
  const weights = new Float64Array(n);
  const keyAt = (j: number) => (j < count ? keys[j] : extra?.key) as Vector;
  const valueAt = (j: number) => (j < count ? values[j] : extra?.value) as Vector;
  for (let h = 0; h < heads; h++) {
    const from = h * dh;
    const to = from + dh;
    for (let j = 0; j < n; j++) {
      const k = keyAt(j);
      let s = 0;
      for (let i = from; i < to; i++) s += (query[i] as number) * (k[i] as number);
      scores[j] = s * scale;
    }
    if (gammas) {
      softmax(scores, weights);
      const gamma = gammas[h] as number;
      let suffix = 0;
      for (let j = n - 1; j >= 0; j--) {
        const distance = Math.sqrt(Math.max(0, suffix * Math.abs(t - j)));
        const decay = Math.min(1e5, Math.max(1e-5, Math.exp(distance * gamma)));
        suffix += weights[j] as number;
        scores[j] = (scores[j] as number) * decay;
      }
    }
    softmax(scores, weights);
    for (let j = 0; j < n; j++) {
      const w = weights[j] as number;
      const v = valueAt(j);
      for (let i = from; i < to; i++) out[i] = (out[i] as number) + w * (v[i] as number);
    }
  }
  return out;
}

function softmax(x: Float64Array, out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < x.length; j++) max = Math.max(max, x[j] as number);
  let sum = 0;
  for (let j = 0; j < x.length; j++) {
    out[j] = Math.exp((x[j] as number) - max);
    sum += out[j] as number;
  }
  for (let j = 0; j < x.length; j++) out[j] = (out[j] as number) / sum;
}
