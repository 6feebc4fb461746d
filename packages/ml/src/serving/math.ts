/**
 * The few dense operations serving needs, on typed arrays. Weights are float32 as saved; activations
 * are float64 so that results agree with the tfjs float32 forward pass to rounding (~1e-6).
 * Matrices are row-major [inputs, outputs], the layout `dense` in models/deep/layers.ts multiplies by.
 */
export type Vector = Float64Array;

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** softplus(x) = log(1 + eˣ), computed without overflow for large x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** out = x·W + b for W [x.length, out.length]; `b` may be omitted (no bias). */
export function dense(
  x: ArrayLike<number>,
  w: Float32Array,
  b: Float32Array | undefined,
  out: Vector = new Float64Array(w.length / x.length),
): Vector {
  const n = out.length;
  if (b) for (let o = 0; o < n; o++) out[o] = b[o] as number;
  else out.fill(0);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const row = i * n;
    for (let o = 0; o < n; o++) out[o] = (out[o] as number) + xi * (w[row + o] as number);
  }
  return out;
}

/** Row `r` of a [rows, width] table, as a view. */
export function row(table: Float32Array, r: number, width: number): Float32Array {
  return table.subarray(r * width, (r + 1) * width);
}

export function relu(x: Vector): Vector {
  for (let i = 0; i < x.length; i++) if ((x[i] as number) < 0) x[i] = 0;
  return x;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

export function add(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  out: Vector = new Float64Array(a.length),
): Vector {
  for (let i = 0; i < out.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** Layer normalisation (Ba, Kiros & Hinton 2016) with population variance and ε = 1e-5, as tf.moments. */
export function layerNorm(x: Vector, gamma: Float32Array, beta: Float32Array): Vector {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += ((x[i] as number) - mean) ** 2;
  const scale = 1 / Math.sqrt(variance / n + 1e-5);
  for (let i = 0; i < n; i++)
    x[i] = ((x[i] as number) - mean) * scale * (gamma[i] as number) + (beta[i] as number);
  return x;
}
