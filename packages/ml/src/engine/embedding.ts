import { tf } from "./backend";

/**
 * Embedding lookup that trains on the wasm backend. tfjs differentiates `gather` with
 * UnsortedSegmentSum, which the wasm backend lacks, so the gradient is written here instead:
 * forward = gather rows of `table` [V, D] at `ids` (any shape, int32);
 * backward = scatter-add of the upstream gradient [..., D] into a [V, D] zero table, where repeated ids
 * sum (ScatterNd accumulates duplicates, as in TensorFlow's scatter_nd).
 */
export function embeddingLookup(table: tf.Tensor2D, ids: tf.Tensor): tf.Tensor {
  const [vocab, dim] = table.shape;
  const lookup = tf.customGrad((t, i, save) => {
    const tableT = t as tf.Tensor2D;
    const idsT = i as tf.Tensor;
    // The ids may be an intermediate of an enclosing tidy; saving keeps them alive for the backward pass.
    (save as (tensors: tf.Tensor[]) => void)([idsT]);
    const flatIds = idsT.reshape([-1]);
    const value = tf.gather(tableT, flatIds).reshape([...idsT.shape, dim]);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const savedIds = saved[0] as tf.Tensor;
        const upstream = (Array.isArray(dy) ? dy[0] : dy) as tf.Tensor;
        const rows = upstream.reshape([-1, dim]);
        const indices = savedIds.reshape([-1, 1]);
        const dTable = tf.scatterND(indices, rows, [vocab, dim]);
        // ids get no gradient; tfjs wants one tensor per input, so return zeros of the ids' shape.
        return [dTable, tf.zerosLike(savedIds)];
      },
    };
  });
  return lookup(table, ids);
}
