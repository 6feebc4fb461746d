import type { KTDataset } from "../../data/sequence";
import { tf } from "../../engine/backend";
import type { ParameterStore } from "../../engine/parameters";
import type { Random } from "../../engine/random";
import type { SequenceBatch } from "../../train/batches";

/** A batch on the backend. Shapes [B, T]; `skills`/`problems` int32, the rest float32 0/1. */
export interface BatchTensors {
  readonly batch: SequenceBatch;
  readonly skills: tf.Tensor2D;
  readonly problems: tf.Tensor2D;
  readonly correct: tf.Tensor2D;
  readonly targetMask: tf.Tensor2D;
}

export function toTensors(batch: SequenceBatch): BatchTensors {
  const shape: [number, number] = [batch.size, batch.length];
  return {
    batch,
    skills: tf.tensor2d(batch.skills, shape, "int32"),
    problems: tf.tensor2d(batch.problems, shape, "int32"),
    correct: tf.tensor2d(batch.correct, shape, "float32"),
    targetMask: tf.tensor2d(batch.targetMask, shape, "float32"),
  };
}

export function disposeTensors(t: BatchTensors): void {
  tf.dispose([t.skills, t.problems, t.correct, t.targetMask]);
}

/** Per-call state of a forward pass: training turns dropout on, `random` seeds its masks. */
export interface ForwardContext {
  readonly training: boolean;
  readonly random: Random;
}

/**
 * A deep knowledge-tracing network: it owns its weights, its forward pass and its loss.
 * `logits` returns [B, T]: the logit of p(correct at t) computed from positions < t plus the skill
 * (and problem) asked at t. Position 0 and padding are computed but never scored.
 */
export interface DeepNetwork {
  readonly params: ParameterStore;
  /** Called once by the trainer before the first epoch, for statistics computed from the training split. */
  prepare?(train: KTDataset): void;
  logits(input: BatchTensors, context: ForwardContext): tf.Tensor2D;
  /** Scalar training loss; must be built from `logits` so every model is scored on the same targets. */
  loss(input: BatchTensors, context: ForwardContext): tf.Scalar;
}

/**
 * Mean binary cross-entropy on the next answer over real target positions only, in the numerically
 * stable form max(x,0) − x·z + log(1 + e^(−|x|)).
 */
export function maskedBinaryCrossEntropy(logits: tf.Tensor, labels: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const perPosition = tf
      .relu(logits)
      .sub(logits.mul(labels))
      .add(tf.log1p(tf.exp(tf.abs(logits).neg())));
    return perPosition.mul(mask).sum().div(tf.maximum(mask.sum(), 1)) as tf.Scalar;
  });
}
