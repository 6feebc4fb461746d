import type { SavedModel } from "../contract";
import { attendRow } from "./attention";
import { checkInteraction, explanation, idRange, meanInfluence, meanOverSkills } from "./candidates";
import { overHistory, WindowState, windowCapacity } from "./context";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { add, dense, layerNorm, relu, row, sigmoid, type Vector } from "./math";
import { registerPredictor } from "./registry";
import { configInteger, denseWeights, layerNormWeights, weight } from "./weights";

/**
 * SAKT serving (Pandey & Karypis 2019). Memory position p holds interaction p − 1 of the window
 * (position 0 the reserved start id) plus the position embedding, and the key/value projections are
 * linear, so key_p = interaction·W_k + (position_p·W_k + b_k): both terms are precomputed tables and a new
 * interaction costs one O(d) row. When the window slides every row changes position and the rows are
 * rebuilt from the tables (O(maxLength·d)). The query depends on the skill only, so a prediction costs
 * one attention row per distinct skill among the candidates.
 *
 * Explanations are the attention weights of the candidate's query over the window, averaged over heads
 * (unsigned shares, summing with the start position's share to 1); the start position is not reported.
 */
class SaktState extends WindowState {
  readonly keys: Vector[] = [];
  readonly values: Vector[] = [];
}

function saktPredictor(saved: SavedModel): Predictor {
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
  const attnOut = denseWeights(saved, "attn.out", d, d);
  const attnNorm = layerNormWeights(saved, "attnNorm", d);
  const ffn1 = denseWeights(saved, "ffn1", d, d);
  const ffn2 = denseWeights(saved, "ffn2", d, d);
  const ffnNorm = layerNormWeights(saved, "ffnNorm", d);
  const out = denseWeights(saved, "out", d, 1);

  const table = (source: Float32Array, rows: number, w: Float32Array, b: Float32Array | undefined) =>
    Array.from({ length: rows }, (_, r) => dense(row(source, r, d), w, b));
  const interactionKeys = table(interaction, 2 * S + 1, k.w, undefined);
  const interactionValues = table(interaction, 2 * S + 1, v.w, undefined);
  const positionKeys = table(position, L, k.w, k.b);
  const positionValues = table(position, L, v.w, v.b);
  const queries = table(exercise, S + 1, q.w, q.b);

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

  const logit = (state: SaktState, skill: number, weightsOut?: Float64Array): number => {
    const mixed = attendRow({
      query: queries[skill] as Vector,
      keys: state.keys,
      values: state.values,
      count: state.window.length + 1,
      t: state.window.length,
      heads,
      ...(weightsOut ? { weightsOut } : {}),
    });
    const x = layerNorm(
      add(row(exercise, skill, d), dense(mixed, attnOut.w, attnOut.b)),
      attnNorm.gamma,
      attnNorm.beta,
    );
    const ffn = dense(relu(dense(x, ffn1.w, ffn1.b)), ffn2.w, ffn2.b);
    const y = layerNorm(add(x, ffn), ffnNorm.gamma, ffnNorm.beta);
    return dense(y, out.w, out.b)[0] as number;
  };
  const predict = (state: SaktState, candidates: readonly Candidate[]) =>
    meanOverSkills(range, candidates, false, (skill) => sigmoid(logit(state, skill)));

  return {
    kind: "sakt",
    initialState,
    observe: (state, interactions) => observe(state as SaktState, interactions),
    predict: (state, candidates) => predict(state as SaktState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as SaktState;
      const weights = meanInfluence(candidate, current.window.length, (skill) => {
        const memory = new Float64Array(current.window.length + 1);
        logit(current, skill, memory);
        return memory.subarray(1);
      });
      const probability = predict(current, [candidate])[0] as number;
      return explanation("attention", probability, overHistory(current, weights), top);
    },
    dispose() {},
  };
}

registerPredictor("sakt", saktPredictor);
