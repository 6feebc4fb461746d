import type * as tfjs from "@tensorflow/tfjs";
import type { SavedModel } from "../contract";
import { attendBatch, denseOp, layerNormOp, loadTf, TensorWeights } from "./batched";
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
import { add, dense, row, type Vector } from "./math";
import { registerPredictor } from "./registry";
import { configInteger, denseWeights, layerNormWeights, weight } from "./weights";

/**
 * SAKT serving (Pandey & Karypis 2019). Memory position p holds interaction p − 1 of the window
 * (position 0 the reserved start id) plus the position embedding, and the key/value projections are
 * linear, so key_p = interaction·W_k + (position_p·W_k + b_k): both terms are precomputed tables and a new
 * interaction costs one O(d) row. When the window slides every row changes position and the rows are
 * rebuilt from the tables (O(maxLength·d)). The query depends on the skill only, so a prediction is one
 * batched attention pass (batched.ts) over the distinct skills among the candidates.
 *
 * Explanations are the attention weights of the candidate's query over the window, averaged over heads
 * (unsigned shares, summing with the start position's share to 1); the start position is not reported.
 */
class SaktState extends WindowState {
  readonly keys: Vector[] = [];
  readonly values: Vector[] = [];
}

async function saktPredictor(saved: SavedModel): Promise<Predictor> {
  const range = idRange(saved);
  const S = range.numSkills;
  const d = configInteger(saved, "modelSize");
  const heads = configInteger(saved, "heads");
  const capacity = windowCapacity(saved);
  const L = capacity + 1;
  const interaction = weight(saved, "interaction", [2 * S + 1, d]);
  const exercise = weight(saved, "exercise", [S + 1, d]);
  const position = weight(saved, "position", [L, d]);
  const q = denseWeights(saved, "attn.q", d, d);
  const k = denseWeights(saved, "attn.k", d, d);
  const v = denseWeights(saved, "attn.v", d, d);

  const table = (source: Float32Array, rows: number, w: Float32Array, b: Float32Array | undefined) =>
    Array.from({ length: rows }, (_, r) => dense(row(source, r, d), w, b));
  const interactionKeys = table(interaction, 2 * S + 1, k.w, undefined);
  const interactionValues = table(interaction, 2 * S + 1, v.w, undefined);
  const positionKeys = table(position, L, k.w, k.b);
  const positionValues = table(position, L, v.w, v.b);

  const tf = await loadTf();
  const tensors = new TensorWeights(tf);
  const queries = tensors.matrix(
    Float32Array.from(table(exercise, S + 1, q.w, q.b).flatMap((r) => [...r])),
    S + 1,
    d,
  );
  const exercises = tensors.matrix(exercise, S + 1, d);
  const attnOut = tensors.dense(denseWeights(saved, "attn.out", d, d));
  const attnNorm = tensors.norm(layerNormWeights(saved, "attnNorm", d));
  const ffn1 = tensors.dense(denseWeights(saved, "ffn1", d, d));
  const ffn2 = tensors.dense(denseWeights(saved, "ffn2", d, d));
  const ffnNorm = tensors.norm(layerNormWeights(saved, "ffnNorm", d));
  const out = tensors.dense(denseWeights(saved, "out", d, 1));

  const interactionId = (x: Interaction) => x.skill + (x.correct ? S : 0);
  const setRow = (state: SaktState, p: number, id: number) => {
    state.keys[p] = add(interactionKeys[id] as Vector, positionKeys[p] as Vector);
    state.values[p] = add(interactionValues[id] as Vector, positionValues[p] as Vector);
  };
  const initialState = () => {
    const state = new SaktState(capacity);
    setRow(state, 0, 0);
    return state;
  };
  const observe = (state: SaktState, interactions: readonly Interaction[]): SaktState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      if (state.push(x)) {
        for (const [i, past] of state.window.entries()) setRow(state, i + 1, interactionId(past));
      } else setRow(state, state.window.length, interactionId(x));
    }
    return state;
  };

  /** p(correct) for each skill and, when asked, the head-averaged attention weights over memory positions. */
  const forward = (state: SaktState, skills: readonly number[], withWeights = false) => {
    const memory = state.window.length + 1;
    const [probabilities, weights] = tf.tidy(() => {
      const ids = tf.tensor1d(Int32Array.from(skills), "int32");
      const query = tf.gather(exercises, ids) as tfjs.Tensor2D;
      const attended = attendBatch(tf, {
        queries: tf.gather(queries, ids) as tfjs.Tensor2D,
        keys: state.keys.slice(0, memory),
        values: state.values.slice(0, memory),
        withWeights,
        heads,
      });
      const x = layerNormOp(tf, tf.add(query, denseOp(tf, attended.mixed, attnOut)), attnNorm);
      const hidden = denseOp(tf, tf.relu(denseOp(tf, x, ffn1)), ffn2);
      const y = layerNormOp(tf, tf.add(x, hidden), ffnNorm);
      return [tf.sigmoid(denseOp(tf, y, out)), attended.weights ?? tf.zeros([0])];
    });
    const p = probabilities.dataSync() as Float32Array;
    const w = weights.dataSync() as Float32Array;
    tf.dispose([probabilities, weights]);
    return { p, weights: w, memory };
  };
  const predict = (state: SaktState, candidates: readonly Candidate[]) => {
    const pairs = distinctPairs(range, candidates, false);
    const { p } = forward(state, pairs.skills);
    return meanOverSkills(
      range,
      candidates,
      false,
      (skill) => p[pairs.index.get(skill * (range.numProblems + 1)) as number] as number,
    );
  };

  return {
    kind: "sakt",
    initialState,
    observe: (state, interactions) => observe(state as SaktState, interactions),
    predict: (state, candidates) => predict(state as SaktState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as SaktState;
      const { weights, memory } = forward(current, candidate.skills, true);
      const byPosition = meanInfluence(candidate, current.window.length, (skill) => {
        const i = candidate.skills.indexOf(skill);
        return Float64Array.from(weights.subarray(i * memory + 1, (i + 1) * memory));
      });
      const probability = predict(current, [candidate])[0] as number;
      return explanation("attention", probability, overHistory(current, byPosition), top);
    },
    dispose: () => tensors.dispose(),
  };
}

registerPredictor("sakt", saktPredictor);
