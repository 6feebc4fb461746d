import type { SavedModel } from "../contract";
import { checkInteraction, explanation, idRange, meanInfluence, meanOverSkills } from "./candidates";
import { overHistory, WindowState, windowCapacity } from "./context";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { dense, dot, row, sigmoid } from "./math";
import { registerPredictor } from "./registry";
import { configInteger, weight } from "./weights";

/**
 * DKT serving (Piech et al. 2015): one LSTM step per new interaction on typed arrays (gate order i, f, g,
 * o as models/deep/lstm.ts), and p(correct on skill k) = σ(h·w_k + b_k) — a 64-term dot product per
 * distinct skill, so a 1,000-item bank costs little more than its distinct skills.
 * When the window slides, the LSTM is rerun over the window from a zero state, as training saw it.
 *
 * Explanations are gradient × input (Simonyan, Vedaldi & Zisserman 2014; Shrikumar et al. 2016): the
 * gradient of the candidate's logit with respect to each past interaction's input embedding x_j,
 * backpropagated through time, dotted with x_j. Since the embedding enters only through z = x·W_x, the
 * dot product is computed as dz_j · (x_j·W_x) without forming ∂logit/∂x_j.
 */
class DktState extends WindowState {
  constructor(
    capacity: number,
    public h: Float64Array,
    public c: Float64Array,
  ) {
    super(capacity);
  }
}

interface Step {
  readonly i: Float64Array;
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly o: Float64Array;
  readonly c: Float64Array;
  readonly cPrevious: Float64Array;
}

function dktPredictor(saved: SavedModel): Predictor {
  const range = idRange(saved);
  const S = range.numSkills;
  const E = configInteger(saved, "embeddingSize");
  const H = configInteger(saved, "hiddenSize");
  const capacity = windowCapacity(saved);
  const embedding = weight(saved, "interaction", [2 * S + 1, E]);
  const wx = weight(saved, "lstm.wx", [E, 4 * H]);
  const wh = weight(saved, "lstm.wh", [H, 4 * H]);
  const bias = weight(saved, "lstm.b", [4 * H]);
  const outW = weight(saved, "out.w", [S + 1, H]);
  const outB = weight(saved, "out.b", [S + 1, 1]);
  // x·W_x + b for every interaction id, once: a step is then one H × 4H product and the gate arithmetic.
  const projected = new Float32Array((2 * S + 1) * 4 * H);
  for (let id = 0; id <= 2 * S; id++) projected.set(dense(row(embedding, id, E), wx, bias), id * 4 * H);

  const interactionId = (x: Interaction) => x.skill + (x.correct ? S : 0);

  /** One LSTM step from (h, c); returns the new (h, c) and the gate values for backpropagation. */
  const step = (h: Float64Array, c: Float64Array, id: number) => {
    const z = dense(h, wh, undefined);
    const input = row(projected, id, 4 * H);
    const gates = {
      i: new Float64Array(H),
      f: new Float64Array(H),
      g: new Float64Array(H),
      o: new Float64Array(H),
    };
    const cNext = new Float64Array(H);
    const hNext = new Float64Array(H);
    for (let u = 0; u < H; u++) {
      gates.i[u] = sigmoid((z[u] as number) + (input[u] as number));
      gates.f[u] = sigmoid((z[H + u] as number) + (input[H + u] as number));
      gates.g[u] = Math.tanh((z[2 * H + u] as number) + (input[2 * H + u] as number));
      gates.o[u] = sigmoid((z[3 * H + u] as number) + (input[3 * H + u] as number));
      cNext[u] = (gates.f[u] as number) * (c[u] as number) + (gates.i[u] as number) * (gates.g[u] as number);
      hNext[u] = (gates.o[u] as number) * Math.tanh(cNext[u] as number);
    }
    return { h: hNext, c: cNext, step: { ...gates, c: cNext, cPrevious: c } satisfies Step };
  };

  const observe = (state: DktState, interactions: readonly Interaction[]): DktState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      if (state.push(x)) {
        let h = new Float64Array(H);
        let c = new Float64Array(H);
        for (const past of state.window) ({ h, c } = step(h, c, interactionId(past)));
        state.h = h;
        state.c = c;
      } else ({ h: state.h, c: state.c } = step(state.h, state.c, interactionId(x)));
    }
    return state;
  };
  const logit = (h: Float64Array, k: number) => dot(h, row(outW, k, H)) + (outB[k] as number);
  const predict = (state: DktState, candidates: readonly Candidate[]) =>
    meanOverSkills(range, candidates, false, (k) => sigmoid(logit(state.h, k)));

  /** Gradient × input of skill k's logit for every window position (backpropagation through time). */
  const attribution = (state: DktState, k: number): Float64Array => {
    const steps: Step[] = [];
    let h = new Float64Array(H);
    let c = new Float64Array(H);
    for (const x of state.window) {
      const next = step(h, c, interactionId(x));
      steps.push(next.step);
      ({ h, c } = next);
    }
    const weights = new Float64Array(steps.length);
    let dh = Float64Array.from(row(outW, k, H));
    const dc = new Float64Array(H);
    const dz = new Float64Array(4 * H);
    for (let t = steps.length - 1; t >= 0; t--) {
      const s = steps[t] as Step;
      for (let u = 0; u < H; u++) {
        const tanhC = Math.tanh(s.c[u] as number);
        const o = s.o[u] as number;
        const i = s.i[u] as number;
        const f = s.f[u] as number;
        const g = s.g[u] as number;
        const dcu = (dc[u] as number) + (dh[u] as number) * o * (1 - tanhC * tanhC);
        dz[u] = dcu * g * i * (1 - i);
        dz[H + u] = dcu * (s.cPrevious[u] as number) * f * (1 - f);
        dz[2 * H + u] = dcu * i * (1 - g * g);
        dz[3 * H + u] = (dh[u] as number) * tanhC * o * (1 - o);
        dc[u] = dcu * f;
      }
      // x_j·W_x is the projected row minus the bias.
      const id = interactionId(state.window[t] as Interaction);
      const input = row(projected, id, 4 * H);
      let contribution = 0;
      for (let g = 0; g < 4 * H; g++)
        contribution += (dz[g] as number) * ((input[g] as number) - (bias[g] as number));
      weights[t] = contribution;
      const dhPrevious = new Float64Array(H);
      for (let u = 0; u < H; u++) dhPrevious[u] = dot(row(wh, u, 4 * H), dz);
      dh = dhPrevious;
    }
    return weights;
  };

  return {
    kind: "dkt",
    initialState: () => new DktState(capacity, new Float64Array(H), new Float64Array(H)),
    observe: (state, interactions) => observe(state as DktState, interactions),
    predict: (state, candidates) => predict(state as DktState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as DktState;
      const weights = meanInfluence(candidate, current.window.length, (k) => attribution(current, k));
      const probability = predict(current, [candidate])[0] as number;
      return explanation("gradient-x-input", probability, overHistory(current, weights), top);
    },
    dispose() {},
  };
}

registerPredictor("dkt", dktPredictor);
