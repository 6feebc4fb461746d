import { z } from "zod";
import { tf } from "../../engine/backend";
import { embeddingLookup } from "../../engine/embedding";
import type { ParameterStore } from "../../engine/parameters";
import { defineDeepModel } from "./define";
import { dropout } from "./layers";
import { addLstm, lstm } from "./lstm";
import {
  type BatchTensors,
  type DeepNetwork,
  type ForwardContext,
  maskedBinaryCrossEntropy,
} from "./network";

/**
 * DKT — Piech et al., "Deep Knowledge Tracing", NeurIPS 2015. The interaction (skill, answer) is
 * embedded as id = skill + numSkills·correct, an LSTM (Hochreiter & Schmidhuber 1997) reads the
 * history, and a per-skill sigmoid output is read at the skill asked next:
 *   p(correct at t) = σ(h_{t−1} · w_{skill_t} + b_{skill_t}).
 * Reading only the next skill's output column is the same as the paper's full output layer followed by
 * a dot product with the next skill's one-hot vector, at a fraction of the cost.
 */
const architecture = {
  embeddingSize: z.number().int().positive().default(64),
  hiddenSize: z.number().int().positive().default(64),
  dropout: z.number().min(0).max(0.9).default(0.2),
};

interface DktConfig {
  readonly embeddingSize: number;
  readonly hiddenSize: number;
  readonly dropout: number;
}

class DktNetwork implements DeepNetwork {
  constructor(
    readonly params: ParameterStore,
    private readonly config: DktConfig,
    private readonly numSkills: number,
  ) {
    params.add("interaction", [2 * numSkills + 1, config.embeddingSize], { normal: 0.1 });
    addLstm(params, "lstm", config.embeddingSize, config.hiddenSize);
    // Output weights stored per skill (row s = output column of skill s) so they can be gathered.
    params.add("out.w", [numSkills + 1, config.hiddenSize], "glorot");
    params.add("out.b", [numSkills + 1, 1], "zeros");
  }

  logits(input: BatchTensors, context: ForwardContext): tf.Tensor2D {
    return tf.tidy(() => {
      const { size, length } = input.batch;
      // Padding has skill 0 and correct 0, so it maps to the reserved id 0.
      const interactions = tf.add(
        input.skills,
        tf.mul(input.correct.toInt(), tf.scalar(this.numSkills, "int32")),
      );
      const embedded = embeddingLookup(
        this.params.get("interaction") as tf.Tensor2D,
        interactions,
      ) as tf.Tensor3D;
      const states = dropout(
        lstm(this.params, "lstm", embedded, this.config.hiddenSize),
        this.config.dropout,
        context,
      );
      // h_{t−1} for target t: shift the states right by one step.
      const previous = tf.concat(
        [tf.zeros([size, 1, this.config.hiddenSize]), states.slice([0, 0, 0], [size, length - 1, -1])],
        1,
      );
      const w = embeddingLookup(this.params.get("out.w") as tf.Tensor2D, input.skills);
      const b = embeddingLookup(this.params.get("out.b") as tf.Tensor2D, input.skills);
      return tf.add(tf.sum(tf.mul(previous, w), -1), b.squeeze([2])) as tf.Tensor2D;
    });
  }

  loss(input: BatchTensors, context: ForwardContext): tf.Scalar {
    return maskedBinaryCrossEntropy(this.logits(input, context), input.correct, input.targetMask);
  }
}

export const dkt = defineDeepModel({
  name: "dkt",
  description: "Deep Knowledge Tracing (Piech et al. 2015): interaction embedding → LSTM → per-skill sigmoid",
  architecture,
  build: (config, shape, params) => new DktNetwork(params, config, shape.numSkills),
});
