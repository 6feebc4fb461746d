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
 * AKT — Ghosh, Heffernan & Lan, "Context-Aware Attentive Knowledge Tracing", KDD 2020.
 * - Rasch-model embeddings (§3.3) when problem ids exist (AKT-R): x_t = c_{c_t} + μ_{q_t}·d_{c_t},
 *   y_t = e_{r_t} + c_{c_t} + μ_{q_t}·(f_{r_t} + d_{c_t}), with a scalar difficulty μ per problem,
 *   initialised at 0 and L2-penalised. Without problem ids (AKT-NR) μ is absent.
 * - A question encoder (self-attention over x, sees j ≤ t), a knowledge encoder (self-attention over y,
 *   j ≤ t) and a knowledge retriever (query/key x, value y, strictly j < t), all with monotonic
 *   attention (exponential decay of the context-aware distance) and tied query/key projections.
 * - Output: MLP over [retrieved knowledge, x_t] → sigmoid.
 * The layer arrangement follows the authors' reference implementation (arghosh/AKT, MIT licence).
 */
const architecture = {
  modelSize: z.number().int().positive().default(64),
  heads: z.number().int().positive().default(4),
  feedForwardSize: z.number().int().positive().default(128),
  outputHiddenSize: z.number().int().positive().default(128),
  dropout: z.number().min(0).max(0.9).default(0.1),
  /** L2 weight on the Rasch difficulties μ (1e-5 in the reference code, per summed loss). */
  raschL2: z.number().min(0).default(1e-5),
  /** "auto" uses problem ids when the data has them (AKT-R), "off" forces skill-only (AKT-NR). */
  rasch: z.enum(["auto", "off"]).default("auto"),
  /**
   * Training batch of 24 windows as in the authors' code (arghosh/AKT main.py sets 24 for every
   * dataset) instead of the shared default 64: three attention layers keep every [batch, heads, 200,
   * 200] intermediate for backpropagation, and at 64 windows of 200 that exceeds the wasm heap
   * (measured on ASSIST2015: 1.6 GiB peak at 24, "memory access out of bounds" at 64). Evaluation
   * keeps no tape but is held to 48 windows for the same reason.
   */
  batchSize: z.number().int().positive().default(24),
  evalBatchSize: z.number().int().positive().default(48),
};

interface AktConfig {
  readonly modelSize: number;
  readonly heads: number;
  readonly feedForwardSize: number;
  readonly outputHiddenSize: number;
  readonly dropout: number;
  readonly raschL2: number;
  readonly rasch: "auto" | "off";
}

class AktNetwork implements DeepNetwork {
  private readonly useRasch: boolean;
  private readonly selfAttention: AttentionOptions;
  private readonly retrieverAttention: AttentionOptions;

  constructor(
    readonly params: ParameterStore,
    private readonly config: AktConfig,
    numSkills: number,
    numProblems: number,
  ) {
    const d = config.modelSize;
    this.useRasch = config.rasch === "auto" && numProblems > 0;
    params.add("concept", [numSkills + 1, d], { normal: 0.1 });
    params.add("response", [2, d], { normal: 0.1 });
    if (this.useRasch) {
      params.add("difficulty", [numProblems + 1, 1], "zeros");
      params.add("conceptVariation", [numSkills + 1, d], { normal: 0.1 });
      params.add("responseVariation", [2, d], { normal: 0.1 });
    }
    const base = { heads: config.heads, monotonic: true, dropout: config.dropout, shareQueryKey: true };
    this.selfAttention = { ...base, strict: false };
    this.retrieverAttention = { ...base, strict: true };
    for (const block of ["knowledge", "question", "retriever"]) {
      addAttention(
        params,
        `${block}.attn`,
        d,
        block === "retriever" ? this.retrieverAttention : this.selfAttention,
      );
      addLayerNorm(params, `${block}.norm1`, d);
      if (block !== "question") {
        addDense(params, `${block}.ffn1`, d, config.feedForwardSize);
        addDense(params, `${block}.ffn2`, config.feedForwardSize, d);
        addLayerNorm(params, `${block}.norm2`, d);
      }
    }
    addDense(params, "out1", 2 * d, config.outputHiddenSize);
    addDense(params, "out2", config.outputHiddenSize, config.outputHiddenSize / 2);
    addDense(params, "out3", config.outputHiddenSize / 2, 1);
  }

  /** One transformer layer: attention, residual, norm, and (optionally) the feed-forward block. */
  private layer(
    block: string,
    query: tf.Tensor3D,
    values: tf.Tensor3D,
    options: AttentionOptions,
    context: ForwardContext,
  ): tf.Tensor3D {
    const attended = attention(this.params, `${block}.attn`, query, query, values, options, context);
    let x = layerNorm(
      this.params,
      `${block}.norm1`,
      tf.add(query, dropout(attended, this.config.dropout, context)),
    );
    if (block !== "question") {
      const hidden = dropout(tf.relu(dense(this.params, `${block}.ffn1`, x)), this.config.dropout, context);
      const ffn = dense(this.params, `${block}.ffn2`, hidden);
      x = layerNorm(this.params, `${block}.norm2`, tf.add(x, dropout(ffn, this.config.dropout, context)));
    }
    return x as tf.Tensor3D;
  }

  private embed(input: BatchTensors): { x: tf.Tensor3D; y: tf.Tensor3D; difficulty?: tf.Tensor } {
    const responses = input.correct.toInt();
    const concept = embeddingLookup(this.params.get("concept") as tf.Tensor2D, input.skills);
    const response = embeddingLookup(this.params.get("response") as tf.Tensor2D, responses);
    if (!this.useRasch) return { x: concept as tf.Tensor3D, y: tf.add(concept, response) as tf.Tensor3D };
    const difficulty = embeddingLookup(this.params.get("difficulty") as tf.Tensor2D, input.problems);
    const variation = embeddingLookup(this.params.get("conceptVariation") as tf.Tensor2D, input.skills);
    const responseVariation = embeddingLookup(this.params.get("responseVariation") as tf.Tensor2D, responses);
    const x = tf.add(concept, tf.mul(difficulty, variation)) as tf.Tensor3D;
    const y = tf.add(
      tf.add(concept, response),
      tf.mul(difficulty, tf.add(responseVariation, variation)),
    ) as tf.Tensor3D;
    return { x, y, difficulty };
  }

  private forward(
    input: BatchTensors,
    context: ForwardContext,
  ): { logits: tf.Tensor2D; difficulty?: tf.Tensor } {
    const { x: questions, y: interactions, difficulty } = this.embed(input);
    const knowledge = this.layer("knowledge", interactions, interactions, this.selfAttention, context);
    const encoded = this.layer("question", questions, questions, this.selfAttention, context);
    const retrieved = this.layer("retriever", encoded, knowledge, this.retrieverAttention, context);
    const features = tf.concat([retrieved, questions], -1);
    const h1 = dropout(tf.relu(dense(this.params, "out1", features)), this.config.dropout, context);
    const h2 = dropout(tf.relu(dense(this.params, "out2", h1)), this.config.dropout, context);
    const logits = dense(this.params, "out3", h2).squeeze([2]) as tf.Tensor2D;
    return difficulty ? { logits, difficulty } : { logits };
  }

  logits(input: BatchTensors, context: ForwardContext): tf.Tensor2D {
    return tf.tidy(() => this.forward(input, context).logits);
  }

  loss(input: BatchTensors, context: ForwardContext): tf.Scalar {
    return tf.tidy(() => {
      const { logits, difficulty } = this.forward(input, context);
      const bce = maskedBinaryCrossEntropy(logits, input.correct, input.targetMask);
      if (!difficulty) return bce;
      // The reference adds l2·Σμ² to a summed BCE; dividing both by the target count keeps that ratio.
      const realPositions = tf.minimum(input.skills, 1).toFloat();
      const penalty = tf.sum(tf.mul(tf.square(difficulty.squeeze([2])), realPositions));
      return tf.add(
        bce,
        tf.div(tf.mul(penalty, this.config.raschL2), tf.maximum(input.targetMask.sum(), 1)),
      ) as tf.Scalar;
    });
  }
}

export const akt = defineDeepModel({
  name: "akt",
  description:
    "AKT (Ghosh et al. 2020): monotonic attention with context-aware decay; Rasch problem embeddings when problem ids exist",
  architecture,
  build: (config, shape, params) => new AktNetwork(params, config, shape.numSkills, shape.numProblems),
});
