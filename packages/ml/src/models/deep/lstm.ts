import { tf } from "../../engine/backend";
import { matMulLastAxis } from "../../engine/linear";
import type { ParameterStore } from "../../engine/parameters";

/**
 * LSTM layer (Hochreiter & Schmidhuber 1997; gate order i, f, g, o):
 *   z_t = x_t·W_x + b + h_{t−1}·W_h,  i,f,o = σ(z), g = tanh(z),
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t).
 * Built from tfjs ops (about 70 small kernels per step), time-major so that the per-step slices are
 * contiguous. A fused version (gate arithmetic in typed-array loops, one custom gradient for the whole
 * recurrence) was measured slower on wasm — 5.2 s vs 1.3 s for forward + backward at B 64, T 100, H 64 —
 * because every step has to read its matmul result back out of the wasm heap (docs/kt-deep.md).
 */
export function addLstm(params: ParameterStore, name: string, inputSize: number, hidden: number): void {
  params.add(`${name}.wx`, [inputSize, 4 * hidden], "glorot");
  params.add(`${name}.wh`, [hidden, 4 * hidden], "glorot");
  // Forget-gate bias 1 (Jozefowicz et al. 2015) so early training keeps memory.
  const bias = new Float32Array(4 * hidden);
  bias.fill(1, hidden, 2 * hidden);
  const b = params.add(`${name}.b`, [4 * hidden], "zeros");
  tf.tidy(() => b.assign(tf.tensor1d(bias)));
}

function inputProjection(params: ParameterStore, name: string, inputs: tf.Tensor3D): tf.Tensor3D {
  const timeMajor = tf.transpose(inputs, [1, 0, 2]);
  return tf.add(matMulLastAxis(timeMajor, params.get(`${name}.wx`)), params.get(`${name}.b`)) as tf.Tensor3D;
}

/** LSTM over [B, T, E] inputs; returns hidden states [B, T, H]. */
export function lstm(params: ParameterStore, name: string, inputs: tf.Tensor3D, hidden: number): tf.Tensor3D {
  const [batch, steps] = inputs.shape;
  const perStep = tf.unstack(inputProjection(params, name, inputs), 0);
  const wh = params.get(`${name}.wh`);
  let h: tf.Tensor2D = tf.zeros([batch, hidden]);
  let c: tf.Tensor2D = tf.zeros([batch, hidden]);
  const states: tf.Tensor2D[] = [];
  for (let t = 0; t < steps; t++) {
    const z = tf.add(perStep[t] as tf.Tensor2D, tf.matMul(h, wh));
    const [i, f, g, o] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
    h = tf.mul(tf.sigmoid(o), tf.tanh(c));
    states.push(h);
  }
  return tf.transpose(tf.stack(states, 0), [1, 0, 2]) as tf.Tensor3D;
}
