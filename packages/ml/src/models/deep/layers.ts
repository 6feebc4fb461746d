import { tf } from "../../engine/backend";
import { matMulLastAxis } from "../../engine/linear";
import type { ParameterStore } from "../../engine/parameters";
import type { ForwardContext } from "./network";

/** y = x·W + b over the last axis. */
export function dense(params: ParameterStore, name: string, x: tf.Tensor): tf.Tensor {
  return tf.add(matMulLastAxis(x, params.get(`${name}.w`)), params.get(`${name}.b`));
}

export function addDense(params: ParameterStore, name: string, inputs: number, outputs: number): void {
  params.add(`${name}.w`, [inputs, outputs], "glorot");
  params.add(`${name}.b`, [outputs], "zeros");
}

/** Layer normalisation (Ba, Kiros & Hinton 2016) over the last axis. */
export function layerNorm(params: ParameterStore, name: string, x: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  const normalised = x.sub(mean).mul(tf.rsqrt(variance.add(1e-5)));
  return normalised.mul(params.get(`${name}.gamma`)).add(params.get(`${name}.beta`));
}

export function addLayerNorm(params: ParameterStore, name: string, size: number): void {
  params.add(`${name}.gamma`, [size], "ones");
  params.add(`${name}.beta`, [size], "zeros");
}

/** Inverted dropout (Srivastava et al. 2014) with a seed drawn from the context's generator. */
export function dropout(x: tf.Tensor, rate: number, context: ForwardContext): tf.Tensor {
  if (!context.training || rate <= 0) return x;
  return tf.dropout(x, rate, undefined, Math.floor(context.random() * 2 ** 31));
}
