import { z } from "zod";
import type { KTDataset } from "../../data/sequence";
import { tf } from "../../engine/backend";
import type { ParameterStore } from "../../engine/parameters";
import { defineDeepModel } from "./define";
import { countSuccesses, FEATURE_COUNT, historyFeatures, type SuccessCounts } from "./history-features";
import { addDense, dense, dropout } from "./layers";
import {
  type BatchTensors,
  type DeepNetwork,
  type ForwardContext,
  maskedBinaryCrossEntropy,
} from "./network";

/**
 * The simplest deep baseline: a feed-forward network over engineered history features
 * (history-features.ts) → dense 64 ReLU → dropout 0.5 → sigmoid, trained with binary cross-entropy
 * and Adam by the shared trainer. The training-split success counts are saved with the weights.
 */
const architecture = {
  hiddenSize: z.number().int().positive().default(64),
  dropout: z.number().min(0).max(0.9).default(0.5),
};

class DnnNetwork implements DeepNetwork {
  constructor(
    readonly params: ParameterStore,
    private readonly config: { hiddenSize: number; dropout: number },
    shape: { numSkills: number; numProblems: number },
  ) {
    params.addFixed("skillCounts", [shape.numSkills + 1, 2]);
    params.addFixed("problemCounts", [shape.numProblems + 1, 2]);
    addDense(params, "hidden", FEATURE_COUNT, config.hiddenSize);
    addDense(params, "out", config.hiddenSize, 1);
  }

  prepare(train: KTDataset): void {
    const counts = countSuccesses(train);
    tf.tidy(() => {
      this.params
        .get("skillCounts")
        .assign(tf.tensor2d(Float32Array.from(counts.skills), [counts.skills.length / 2, 2]));
      this.params
        .get("problemCounts")
        .assign(tf.tensor2d(Float32Array.from(counts.problems), [counts.problems.length / 2, 2]));
    });
  }

  private counts(): SuccessCounts {
    return {
      skills: Float64Array.from(this.params.get("skillCounts").dataSync()),
      problems: Float64Array.from(this.params.get("problemCounts").dataSync()),
    };
  }

  logits(input: BatchTensors, context: ForwardContext): tf.Tensor2D {
    const { size, length } = input.batch;
    const features = historyFeatures(input.batch, this.counts(), context.training);
    return tf.tidy(() => {
      const x = tf.tensor2d(features, [size * length, FEATURE_COUNT]);
      const hidden = dropout(tf.relu(dense(this.params, "hidden", x)), this.config.dropout, context);
      return dense(this.params, "out", hidden).reshape([size, length]) as tf.Tensor2D;
    });
  }

  loss(input: BatchTensors, context: ForwardContext): tf.Scalar {
    return maskedBinaryCrossEntropy(this.logits(input, context), input.correct, input.targetMask);
  }
}

export const dnn = defineDeepModel({
  name: "dnn",
  description: "Feed-forward baseline: engineered history features → dense 64 ReLU → dropout 0.5 → sigmoid",
  architecture,
  build: (config, shape, params) => new DnnNetwork(params, config, shape),
});
