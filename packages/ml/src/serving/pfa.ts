import type { SavedModel } from "../contract";
import { checkInteraction, explanation, idRange, meanInfluence, meanOverSkills } from "./candidates";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { sigmoid } from "./math";
import { registerPredictor } from "./registry";
import { weight } from "./weights";

/**
 * PFA serving (Pavlik, Cen & Koedinger 2009): the state is the learner's success and failure counts per
 * skill; logit p = β_k + γ_k·s + ρ_k·f. Problems are ignored by the model.
 * Explanations use the model's own additive terms: each earlier success on skill k adds γ_k to the logit,
 * each failure ρ_k (logit units; divided by the candidate's skill count, like the mean prediction).
 */
class PfaState implements LearnerState {
  readonly counts = new Map<number, { successes: number; failures: number }>();
  readonly history: Interaction[] = [];
  get length(): number {
    return this.history.length;
  }
}

function pfaPredictor(saved: SavedModel): Predictor {
  const range = idRange(saved);
  const size = [range.numSkills + 1];
  const beta = weight(saved, "beta", size);
  const gamma = weight(saved, "gamma", size);
  const rho = weight(saved, "rho", size);
  const empty = { successes: 0, failures: 0 };

  const observe = (state: PfaState, interactions: readonly Interaction[]): PfaState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      const count = state.counts.get(x.skill) ?? { successes: 0, failures: 0 };
      if (x.correct) count.successes++;
      else count.failures++;
      state.counts.set(x.skill, count);
      state.history.push(x);
    }
    return state;
  };
  const predict = (state: PfaState, candidates: readonly Candidate[]) =>
    meanOverSkills(range, candidates, false, (k) => {
      const { successes, failures } = state.counts.get(k) ?? empty;
      return sigmoid((beta[k] as number) + (gamma[k] as number) * successes + (rho[k] as number) * failures);
    });

  return {
    kind: "pfa",
    initialState: () => new PfaState(),
    observe: (state, interactions) => observe(state as PfaState, interactions),
    predict: (state, candidates) => predict(state as PfaState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as PfaState;
      const weights = meanInfluence(candidate, current.length, (k) =>
        Float64Array.from(current.history, (x) =>
          x.skill === k ? ((x.correct ? gamma[k] : rho[k]) as number) : 0,
        ),
      );
      const k = candidate.skills[0] as number;
      const { successes, failures } = current.counts.get(k) ?? empty;
      return explanation("parameters", predict(current, [candidate])[0] as number, weights, top, {
        skill: k,
        beta: beta[k] as number,
        gamma: gamma[k] as number,
        rho: rho[k] as number,
        successes,
        failures,
      });
    },
    dispose() {},
  };
}

registerPredictor("pfa", pfaPredictor);
