import { z } from "zod";
import { tf } from "../../engine/backend";
import { embeddingLookup } from "../../engine/embedding";
import type { ParameterStore } from "../../engine/parameters";
import { type AttentionOptions, addAttention, attention } from "./attention";
import { defineDeepModel } from "./define";
import { addDense, addLayerNorm, dense, dropout, layerNorm } from "./layers";
import {
  type BatchTensors,
  type DeepNetwork,
  type ForwardContext,
  maskedBinaryCrossEntropy,
} from "./network";

/**
 * SAKT — Pandey & Karypis, "A Self-Attentive model for Knowledge Tracing", EDM 2019. The exercise
 * asked at t is the query; the keys and values are the embedded past interactions (skill, answer)
 * plus a learned position embedding. Position t holds interaction t−1, so a causal mask j ≤ t sees
 * exactly the past. Then residual + layer norm, a ReLU feed-forward block, residual + layer norm,
 * and a sigmoid output (paper §3).
 */
const architecture = {
  modelSize: z.number().int().positive().default(64),
  heads: z.number().int().positive().default(2),
  dropout: z.number().min(0).max(0.9).default(0.2),
};

interface SaktConfig {
  readonly modelSize: number;
  readonly heads: number;
  readonly dropout: number;
  readonly maxLength: number;
}

class SaktNetwork implements DeepNetwork {
  private readonly attention: AttentionOptions;

  constructor(
    readonly params: ParameterStore,
    private readonly config: SaktConfig,
    private readonly numSkills: number,
  ) {
    const d = config.modelSize;
    params.add("interaction", [2 * numSkills + 1, d], { normal: 0.1 });
    params.add("exercise", [numSkills + 1, d], { normal: 0.1 });
    params.add("position", [config.maxLength, d], { normal: 0.1 });
    this.attention = {
      heads: config.heads,
      strict: false,
      monotonic: false,
      dropout: 0,
      shareQueryKey: false,
    };
    addAttention(params, "attn", d, this.attention);
    addLayerNorm(params, "attnNorm", d);
    addDense(params, "ffn1", d, d);
    addDense(params, "ffn2", d, d);
    addLayerNorm(params, "ffnNorm", d);
    addDense(params, "out", d, 1);
  }

  logits(input: BatchTensors, context: ForwardContext): tf.Tensor2D {
    return tf.tidy(() => {
      const { size, length } = input.batch;
      const interactions = tf.add(
        input.skills,
        tf.mul(input.correct.toInt(), tf.scalar(this.numSkills, "int32")),
      );
      // Shift right: position t holds interaction t−1; position 0 holds the reserved id 0.
      const past = tf.concat(
        [tf.zeros([size, 1], "int32"), interactions.slice([0, 0], [size, length - 1])],
        1,
      );
      const positions = tf.range(0, length, 1, "int32").expandDims(0).tile([size, 1]);
      const memory = tf.add(
        embeddingLookup(this.params.get("interaction") as tf.Tensor2D, past),
        embeddingLookup(this.params.get("position") as tf.Tensor2D, positions),
      ) as tf.Tensor3D;
      const query = embeddingLookup(this.params.get("exercise") as tf.Tensor2D, input.skills) as tf.Tensor3D;
      const attended = attention(this.params, "attn", query, memory, memory, this.attention, context);
      const x = layerNorm(
        this.params,
        "attnNorm",
        tf.add(query, dropout(attended, this.config.dropout, context)),
      );
      const ffn = dense(this.params, "ffn2", tf.relu(dense(this.params, "ffn1", x)));
      const y = layerNorm(this.params, "ffnNorm", tf.add(x, dropout(ffn, this.config.dropout, context)));
      return dense(this.params, "out", y).squeeze([2]) as tf.Tensor2D;
    });
  }

  loss(input: BatchTensors, context: ForwardContext): tf.Scalar {
    return maskedBinaryCrossEntropy(this.logits(input, context), input.correct, input.targetMask);
  }
}

export const sakt = defineDeepModel({
  name: "sakt",
  description:
    "SAKT (Pandey & Karypis 2019): causal self-attention of the next exercise over past interactions",
  architecture,
  build: (config, shape, params) => new SaktNetwork(params, config, shape.numSkills),
});
