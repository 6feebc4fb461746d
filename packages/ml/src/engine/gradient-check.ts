import { tf } from "./backend";

/**
 * Central finite differences against the analytic gradient (the standard check, e.g. Goodfellow,
 * Bengio & Courville, Deep Learning §11.5). `f` maps the inputs to a scalar; every element of every
 * input is perturbed by ±epsilon. Returns the largest relative error
 * |analytic − numeric| / max(1e-3, |analytic| + |numeric|). Float32 arithmetic limits how small this
 * gets; 1e-2 with epsilon 1e-2 is a meaningful bar for float32.
 */
export function maxGradientError(
  f: (...inputs: tf.Tensor[]) => tf.Scalar,
  inputs: readonly tf.Tensor[],
  epsilon = 1e-2,
): number {
  const analytic = tf.tidy(() =>
    tf
      .grads(f)([...inputs])
      .map((g) => g.dataSync().slice()),
  );
  let worst = 0;
  inputs.forEach((input, k) => {
    const base = input.dataSync().slice();
    const grad = analytic[k] as Float32Array;
    for (let j = 0; j < base.length; j++) {
      const evalAt = (delta: number): number =>
        tf.tidy(() => {
          const values = base.slice();
          values[j] = (values[j] as number) + delta;
          const moved = inputs.map((x, m) => (m === k ? tf.tensor(values, x.shape, x.dtype) : x));
          return f(...moved).dataSync()[0] as number;
        });
      const numeric = (evalAt(epsilon) - evalAt(-epsilon)) / (2 * epsilon);
      const a = grad[j] as number;
      const error = Math.abs(a - numeric) / Math.max(1e-3, Math.abs(a) + Math.abs(numeric));
      worst = Math.max(worst, error);
    }
  });
  return worst;
}
