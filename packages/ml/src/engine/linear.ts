import { tf } from "./backend";

/**
 * x·W over the last axis for x of any rank ≥ 2 and a 2-D W, as one 2-D matmul. tfjs's gradient for a
 * batched-by-unbatched BatchMatMul does not sum over the broadcast batch, so rank-3 × rank-2 is
 * folded to rank 2 here before multiplying (which is also the wasm backend's fast layout).
 */
export function matMulLastAxis(x: tf.Tensor, w: tf.Tensor): tf.Tensor {
  if (x.rank === 2) return tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D);
  const inner = x.shape[x.rank - 1] as number;
  const outer = x.shape.slice(0, -1);
  const product = tf.matMul(x.reshape([-1, inner]) as tf.Tensor2D, w as tf.Tensor2D);
  return product.reshape([...outer, w.shape[1] as number]);
}
