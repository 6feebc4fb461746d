import type { SavedModel } from "../contract";
import { FEATURE_COUNT, FEATURE_NAMES } from "../models/deep/history-features";
import { checkInteraction, explanation, idRange, leaveOneOut, meanOverSkills } from "./candidates";
import { overHistory, WindowState, windowCapacity } from "./context";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { dense, relu, sigmoid } from "./math";
import { registerPredictor } from "./registry";
import { configInteger, denseWeights, weight } from "./weights";

/**
 * Feed-forward model serving: the state holds the window's running aggregates (per-skill attempts,
 * corrects and last answer; overall attempts and corrects; the last five answers; the last problem), so a
 * candidate's 12 features (models/deep/history-features.ts, inference mode: no leave-one-out) cost O(1)
 * and the 12 → hidden → 1 network runs per distinct (skill, problem) on typed arrays.
 *
 * Explanations are leave-one-out, not gradient × input: this network's inputs are aggregates of the
 * whole history (counts, rates, "last answer"), not one vector per past interaction, and "last answer"
 * is a step function of the history, so there is no per-interaction input to take a gradient at.
 */
class DnnState extends WindowState {
  readonly perSkill = new Map<number, { n: number; c: number; last: number }>();
  n = 0;
  c = 0;
}

/** Beta-smoothed rate, as `rate` in history-features.ts. */
const rate = (correct: number, attempts: number, prior = 0.5, weight = 2) =>
  (correct + weight * prior) / (attempts + weight);

function dnnPredictor(saved: SavedModel): Predictor {
  const range = idRange(saved);
  const hiddenSize = configInteger(saved, "hiddenSize");
  const capacity = windowCapacity(saved);
  const skillCounts = weight(saved, "skillCounts", [range.numSkills + 1, 2]);
  const problemCounts = weight(saved, "problemCounts", [range.numProblems + 1, 2]);
  const hidden = denseWeights(saved, "hidden", FEATURE_COUNT, hiddenSize);
  const out = denseWeights(saved, "out", hiddenSize, 1);
  const features = new Float64Array(FEATURE_COUNT);
  const activations = new Float64Array(hiddenSize);

  const fold = (state: DnnState, x: Interaction) => {
    const y = x.correct ? 1 : 0;
    const skill = state.perSkill.get(x.skill) ?? { n: 0, c: 0, last: 0.5 };
    state.perSkill.set(x.skill, { n: skill.n + 1, c: skill.c + y, last: y });
    state.n++;
    state.c += y;
  };
  const observe = (state: DnnState, interactions: readonly Interaction[]): DnnState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      if (state.push(x)) {
        // The oldest interaction left the window: rebuild the aggregates from the window (O(maxLength)).
        state.perSkill.clear();
        state.n = 0;
        state.c = 0;
        for (const past of state.window) fold(state, past);
      } else fold(state, x);
    }
    return state;
  };

  /** What every candidate of one call shares: the last five answers' mean and the last interaction. */
  const recentOf = (state: DnnState) => {
    const recent = state.window.slice(-5);
    return {
      mean: recent.length ? recent.reduce((a, x) => a + (x.correct ? 1 : 0), 0) / recent.length : 0.5,
      last: recent[recent.length - 1],
    };
  };

  const probability = (
    state: DnnState,
    recent: ReturnType<typeof recentOf>,
    skill: number,
    problem: number,
  ): number => {
    const { last } = recent;
    const history = state.perSkill.get(skill) ?? { n: 0, c: 0, last: 0.5 };
    const skillN = skillCounts[2 * skill] as number;
    const skillC = skillCounts[2 * skill + 1] as number;
    const skillSuccess = rate(skillC, skillN);
    const problemN = problem > 0 ? (problemCounts[2 * problem] as number) : 0;
    const problemC = problem > 0 ? (problemCounts[2 * problem + 1] as number) : 0;
    features[0] = Math.log1p(history.n);
    features[1] = Math.log1p(history.c);
    features[2] = rate(history.c, history.n);
    features[3] = history.last;
    features[4] = Math.log1p(state.n);
    features[5] = rate(state.c, state.n);
    features[6] = recent.mean;
    features[7] = last ? (last.correct ? 1 : 0) : 0.5;
    features[8] = last && problem > 0 && last.problem === problem ? 1 : 0;
    features[9] = skillSuccess;
    features[10] = rate(problemC, problemN, skillSuccess, 5);
    features[11] = Math.log1p(problemN);
    relu(dense(features, hidden.w, hidden.b, activations));
    let logit = out.b[0] as number;
    for (let h = 0; h < hiddenSize; h++) logit += (activations[h] as number) * (out.w[h] as number);
    return sigmoid(logit);
  };
  const predict = (state: DnnState, candidates: readonly Candidate[]) => {
    const recent = recentOf(state);
    return meanOverSkills(range, candidates, true, (skill, problem) =>
      probability(state, recent, skill, problem),
    );
  };

  return {
    kind: "dnn",
    initialState: () => new DnnState(capacity),
    observe: (state, interactions) => observe(state as DnnState, interactions),
    predict: (state, candidates) => predict(state as DnnState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as DnnState;
      const refold = (xs: readonly Interaction[]) => observe(new DnnState(capacity), xs);
      const { probability: p, weights } = leaveOneOut(
        current.window,
        0,
        (xs) => predict(refold(xs), [candidate])[0] as number,
      );
      // The feature values behind the first skill's prediction, by name, as the model's "parameters".
      probability(current, recentOf(current), candidate.skills[0] as number, candidate.problem);
      const parameters = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, features[i] as number]));
      return explanation("leave-one-out", p, overHistory(current, weights), top, parameters);
    },
    dispose() {},
  };
}

registerPredictor("dnn", dnnPredictor);
