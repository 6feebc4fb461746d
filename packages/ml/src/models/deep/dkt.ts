import { z } from "zod";
import { tf } from "../../engine/backend";
import { embeddingLookup } from "../../engine/embedding";
import { matMulLastAxis } from "../../engine/linear";
import type { ParameterStore } from "../../engine/parameters";
import { defineDeepModel } from "./define";
import { dropout } from "./layers";
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

/**
 * One LSTM layer over [B, T, E] inputs; returns hidden states [B, T, H]. Gate order i, f, g, o.
 * Time-major inside: per-step slices of a [T, B, ·] tensor are contiguous, whereas unstacking [B, T, ·]
 * along time is a strided copy that cost a third of a DKT step on wasm (docs/benchmarks/kt-speed.md).
 */
export function lstm(params: ParameterStore, name: string, inputs: tf.Tensor3D, hidden: number): tf.Tensor3D {
  const [batch, steps] = inputs.shape;
  const timeMajor = tf.transpose(inputs, [1, 0, 2]);
  // The input projection of every step is one large matmul; only h·W_h must run step by step.
  const projected = tf.add(matMulLastAxis(timeMajor, params.get(`${name}.wx`)), params.get(`${name}.b`));
  const perStep = tf.unstack(projected, 0);
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

export function addLstm(params: ParameterStore, name: string, inputSize: number, hidden: number): void {
  params.add(`${name}.wx`, [inputSize, 4 * hidden], "glorot");
  params.add(`${name}.wh`, [hidden, 4 * hidden], "glorot");
  // Forget-gate bias 1 (Jozefowicz et al. 2015) so early training keeps memory.
  const bias = new Float32Array(4 * hidden);
  bias.fill(1, hidden, 2 * hidden);
  const b = params.add(`${name}.b`, [4 * hidden], "zeros");
  tf.tidy(() => b.assign(tf.tensor1d(bias)));
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
