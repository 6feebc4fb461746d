import type { SavedModel } from "../contract";
import { attendRow } from "./attention";
import { type Dense, denseOp, layerNormOp, loadTf, type Norm, TensorWeights } from "./batched";
import {
  checkInteraction,
  distinctPairs,
  explanation,
  idRange,
  meanInfluence,
  meanOverSkills,
} from "./candidates";
import { overHistory, WindowState, windowCapacity } from "./context";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { add, dense, layerNorm, relu, row, softplus, type Vector } from "./math";
import { attendMonotonic } from "./monotonic";
import { registerPredictor } from "./registry";
import { configInteger, denseWeights, layerNormWeights, weight } from "./weights";

/**
 * AKT serving (Ghosh, Heffernan & Lan 2020), the forward pass of models/deep/akt.ts one position at a time.
 * Attention is causal, so appending interaction j leaves every earlier position's encoder outputs
 * unchanged: a new interaction costs one row per encoder, O(window·d). The state caches, per window
 * position, the question and knowledge encoders' keys/values and outputs and the retriever's keys/values.
 * The monotonic decay depends only on distances inside the window, so when the window slides every row
 * is recomputed (O(maxLength²·d), once per interaction past maxLength − 1).
 *
 * A candidate runs the question encoder's row for its own question embedding, then the knowledge
 * retriever (strictly earlier positions) and the output network; all distinct candidates of a call run
 * as one batch on tfjs-wasm (batched.ts), the learner's cached rows copied in once. With Rasch embeddings the candidate
 * depends on its problem's difficulty μ, so the work is per distinct problem; an unknown item (problem 0)
 * uses μ = 0, the skill-level embedding. Explanations are the retriever's attention weights of the
 * candidate over the window, averaged over heads (unsigned shares summing to 1).
 */
interface Position {
  readonly questionKey: Vector;
  readonly questionValue: Vector;
  readonly knowledgeKey: Vector;
  readonly knowledgeValue: Vector;
  readonly questionRaw: Vector;
  readonly interactionRaw: Vector;
  retrieverKey: Vector;
  retrieverValue: Vector;
}

class AktState extends WindowState {
  readonly positions: Position[] = [];
}

type Block = "knowledge" | "question" | "retriever";

async function aktPredictor(saved: SavedModel): Promise<Predictor> {
  const range = idRange(saved);
  const S = range.numSkills;
  const d = configInteger(saved, "modelSize");
  const heads = configInteger(saved, "heads");
  const ff = configInteger(saved, "feedForwardSize");
  const outputHidden = configInteger(saved, "outputHiddenSize");
  const capacity = windowCapacity(saved);
  const useRasch = saved.config.rasch !== "off" && range.numProblems > 0;
  const concept = weight(saved, "concept", [S + 1, d]);
  const response = weight(saved, "response", [2, d]);
  const difficulty = useRasch ? weight(saved, "difficulty", [range.numProblems + 1, 1]) : undefined;
  const conceptVariation = useRasch ? weight(saved, "conceptVariation", [S + 1, d]) : undefined;
  const responseVariation = useRasch ? weight(saved, "responseVariation", [2, d]) : undefined;
  const blocks = Object.fromEntries(
    (["knowledge", "question", "retriever"] as const).map((block) => {
      const theta = weight(saved, `${block}.attn.theta`, [heads, 1, 1]);
      return [
        block,
        {
          k: denseWeights(saved, `${block}.attn.k`, d, d),
          v: denseWeights(saved, `${block}.attn.v`, d, d),
          out: denseWeights(saved, `${block}.attn.out`, d, d),
          gammas: Float64Array.from(theta, (x) => -softplus(x)),
          norm1: layerNormWeights(saved, `${block}.norm1`, d),
          ffn:
            block === "question"
              ? undefined
              : {
                  ffn1: denseWeights(saved, `${block}.ffn1`, d, ff),
                  ffn2: denseWeights(saved, `${block}.ffn2`, ff, d),
                  norm2: layerNormWeights(saved, `${block}.norm2`, d),
                },
        },
      ];
    }),
  ) as Record<
    Block,
    {
      k: { w: Float32Array; b: Float32Array };
      v: { w: Float32Array; b: Float32Array };
      out: { w: Float32Array; b: Float32Array };
      gammas: Float64Array;
      norm1: { gamma: Float32Array; beta: Float32Array };
      ffn?: {
        ffn1: { w: Float32Array; b: Float32Array };
        ffn2: { w: Float32Array; b: Float32Array };
        norm2: { gamma: Float32Array; beta: Float32Array };
      };
    }
  >;
  const out1 = denseWeights(saved, "out1", 2 * d, outputHidden);
  const out2 = denseWeights(saved, "out2", outputHidden, outputHidden / 2);
  const out3 = denseWeights(saved, "out3", outputHidden / 2, 1);

  /** Rasch embeddings (§3.3): x = c_k + μ·d_k for the question, y = c_k + e_r + μ·(f_r + d_k) with the answer. */
  const embed = (skill: number, problem: number, correct?: boolean) => {
    const mu = difficulty && problem > 0 ? (difficulty[problem] as number) : 0;
    const x = Float64Array.from(row(concept, skill, d));
    if (conceptVariation && mu !== 0) {
      const variation = row(conceptVariation, skill, d);
      for (let i = 0; i < d; i++) x[i] = (x[i] as number) + mu * (variation[i] as number);
    }
    if (correct === undefined) return { x };
    const r = correct ? 1 : 0;
    const y = add(x, row(response, r, d));
    if (responseVariation && mu !== 0) {
      const variation = row(responseVariation, r, d);
      for (let i = 0; i < d; i++) y[i] = (y[i] as number) + mu * (variation[i] as number);
    }
    return { x, y };
  };

  /** One transformer layer of `block` for the query at position `t` (akt.ts `layer`). */
  const layer = (
    block: Block,
    queryRaw: Vector,
    query: Vector,
    keys: readonly Vector[],
    values: readonly Vector[],
    t: number,
    self?: { key: Vector; value: Vector },
  ): Vector => {
    const b = blocks[block];
    const mixed = attendRow({
      query,
      keys,
      values,
      count: t,
      t,
      heads,
      gammas: b.gammas,
      ...(self ? { extra: self } : {}),
    });
    const x = layerNorm(add(queryRaw, dense(mixed, b.out.w, b.out.b)), b.norm1.gamma, b.norm1.beta);
    if (!b.ffn) return x;
    const hidden = relu(dense(x, b.ffn.ffn1.w, b.ffn.ffn1.b));
    return layerNorm(add(x, dense(hidden, b.ffn.ffn2.w, b.ffn.ffn2.b)), b.ffn.norm2.gamma, b.ffn.norm2.beta);
  };

  const project = (block: Block, which: "k" | "v", x: Vector) =>
    dense(x, blocks[block][which].w, blocks[block][which].b);

  /** The encoders' outputs at window position j and the retriever's key/value from them. */
  const encode = (positions: readonly Position[], j: number) => {
    const p = positions[j] as Position;
    const keysOf = (f: (q: Position) => Vector) => positions.slice(0, j).map(f);
    const knowledge = layer(
      "knowledge",
      p.interactionRaw,
      p.knowledgeKey,
      keysOf((q) => q.knowledgeKey),
      keysOf((q) => q.knowledgeValue),
      j,
      {
        key: p.knowledgeKey,
        value: p.knowledgeValue,
      },
    );
    const encoded = layer(
      "question",
      p.questionRaw,
      p.questionKey,
      keysOf((q) => q.questionKey),
      keysOf((q) => q.questionValue),
      j,
      {
        key: p.questionKey,
        value: p.questionValue,
      },
    );
    p.retrieverKey = project("retriever", "k", encoded);
    p.retrieverValue = project("retriever", "v", knowledge);
  };

  const observe = (state: AktState, interactions: readonly Interaction[]): AktState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      const slid = state.push(x);
      if (slid) state.positions.shift();
      const { x: questionRaw, y } = embed(x.skill, x.problem, x.correct);
      const interactionRaw = y as Vector;
      state.positions.push({
        questionRaw,
        interactionRaw,
        questionKey: project("question", "k", questionRaw),
        questionValue: project("question", "v", questionRaw),
        knowledgeKey: project("knowledge", "k", interactionRaw),
        knowledgeValue: project("knowledge", "v", interactionRaw),
        retrieverKey: new Float64Array(d),
        retrieverValue: new Float64Array(d),
      });
      if (slid) for (let j = 0; j < state.positions.length; j++) encode(state.positions, j);
      else encode(state.positions, state.positions.length - 1);
    }
    return state;
  };

  const tf = await loadTf();
  const tensors = new TensorWeights(tf);
  const batched = Object.fromEntries(
    (["question", "retriever"] as const).map((block) => {
      const b = blocks[block];
      return [
        block,
        {
          k: tensors.dense(b.k),
          v: tensors.dense(b.v),
          out: tensors.dense(b.out),
          norm1: tensors.norm(b.norm1),
          ffn: b.ffn && {
            ffn1: tensors.dense(b.ffn.ffn1),
            ffn2: tensors.dense(b.ffn.ffn2),
            norm2: tensors.norm(b.ffn.norm2),
          },
        },
      ];
    }),
  ) as Record<
    "question" | "retriever",
    { k: Dense; v: Dense; out: Dense; norm1: Norm; ffn?: { ffn1: Dense; ffn2: Dense; norm2: Norm } }
  >;
  /**
   * The candidates' question embeddings x = c_k + μ·d_k ([N, d]), assembled from the weight tables here:
   * the wasm backend's GatherV2 took several milliseconds for ~1,000 rows, the copy in well under one.
   */
  const questionEmbeddings = (skills: readonly number[], problems: readonly number[]) => {
    const x = new Float32Array(skills.length * d);
    for (let n = 0; n < skills.length; n++) {
      const skill = skills[n] as number;
      const problem = problems[n] as number;
      const mu = difficulty && problem > 0 ? (difficulty[problem] as number) : 0;
      for (let i = 0; i < d; i++) {
        const variation = conceptVariation ? mu * (conceptVariation[skill * d + i] as number) : 0;
        x[n * d + i] = (concept[skill * d + i] as number) + variation;
      }
    }
    return x;
  };
  const outputs = [tensors.dense(out1), tensors.dense(out2), tensors.dense(out3)] as const;

  /**
   * p(correct) for each (skill, problem) pair at the next position, and the retriever's head-averaged
   * attention weights over the window — the candidate half of akt.ts's forward pass, batched.
   */
  const forward = (
    state: AktState,
    skills: readonly number[],
    problems: readonly number[],
    withWeights = false,
  ) => {
    const { positions } = state;
    const t = positions.length;
    const [probabilities, weights] = tf.tidy(() => {
      const x = tf.tensor2d(questionEmbeddings(skills, problems), [skills.length, d]);
      const q = batched.question;
      const questionKeys = denseOp(tf, x, q.k);
      const question = attendMonotonic(tf, {
        queries: questionKeys,
        keys: positions.map((p) => p.questionKey),
        values: positions.map((p) => p.questionValue),
        self: { keys: questionKeys, values: denseOp(tf, x, q.v) },
        t,
        heads,
        gammas: blocks.question.gammas,
      });
      const encoded = layerNormOp(tf, tf.add(x, denseOp(tf, question.mixed, q.out)), q.norm1);
      const r = batched.retriever;
      const retriever = attendMonotonic(tf, {
        queries: denseOp(tf, encoded, r.k),
        keys: positions.map((p) => p.retrieverKey),
        values: positions.map((p) => p.retrieverValue),
        withWeights,
        t,
        heads,
        gammas: blocks.retriever.gammas,
      });
      let retrieved = layerNormOp(tf, tf.add(encoded, denseOp(tf, retriever.mixed, r.out)), r.norm1);
      const ffn = r.ffn as { ffn1: Dense; ffn2: Dense; norm2: Norm };
      const hidden = denseOp(tf, tf.relu(denseOp(tf, retrieved, ffn.ffn1)), ffn.ffn2);
      retrieved = layerNormOp(tf, tf.add(retrieved, hidden), ffn.norm2);
      const h1 = tf.relu(denseOp(tf, tf.concat([retrieved, x], 1), outputs[0]));
      const h2 = tf.relu(denseOp(tf, h1, outputs[1]));
      return [tf.sigmoid(denseOp(tf, h2, outputs[2])), retriever.weights ?? tf.zeros([0])];
    });
    const p = probabilities.dataSync() as Float32Array;
    const w = weights.dataSync() as Float32Array;
    tf.dispose([probabilities, weights]);
    return { p, weights: w };
  };
  const predict = (state: AktState, candidates: readonly Candidate[]) => {
    const pairs = distinctPairs(range, candidates, useRasch);
    const { p } = forward(state, pairs.skills, pairs.problems);
    return meanOverSkills(
      range,
      candidates,
      useRasch,
      (skill, problem) => p[pairs.index.get(skill * (range.numProblems + 1) + problem) as number] as number,
    );
  };

  return {
    kind: "akt",
    initialState: () => new AktState(capacity),
    observe: (state, interactions) => observe(state as AktState, interactions),
    predict: (state, candidates) => predict(state as AktState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as AktState;
      const t = current.positions.length;
      const problem = useRasch ? candidate.problem : 0;
      const { weights: shares } = forward(
        current,
        candidate.skills,
        candidate.skills.map(() => problem),
        true,
      );
      const weights = meanInfluence(candidate, t, (skill) => {
        const i = candidate.skills.indexOf(skill);
        return Float64Array.from(shares.subarray(i * t, (i + 1) * t));
      });
      const probability = predict(current, [candidate])[0] as number;
      return explanation("attention", probability, overHistory(current, weights), top);
    },
    dispose: () => tensors.dispose(),
  };
}

registerPredictor("akt", aktPredictor);
