import type { SavedModel } from "../contract";
import { checkInteraction, explanation, idRange, leaveOneOut, meanOverSkills } from "./candidates";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { registerPredictor } from "./registry";
import { weight } from "./weights";

/**
 * BKT serving (Corbett & Anderson 1995): the state is p(known) per skill the learner has practised, folded
 * by the same posterior-then-learn update as `BktModel.predictSync`; an unseen skill starts at its prior.
 * Problems are ignored by the model, so problem 0 needs no fallback.
 */
class BktState implements LearnerState {
  readonly known = new Map<number, number>();
  readonly history: Interaction[] = [];
  get length(): number {
    return this.history.length;
  }
}

function bktPredictor(saved: SavedModel): Predictor {
  const range = idRange(saved);
  const size = [range.numSkills + 1];
  const prior = weight(saved, "prior", size);
  const learn = weight(saved, "learn", size);
  const guess = weight(saved, "guess", size);
  const slip = weight(saved, "slip", size);

  const knownOf = (state: BktState, k: number) => state.known.get(k) ?? (prior[k] as number);
  const pCorrect = (known: number, k: number) =>
    known * (1 - (slip[k] as number)) + (1 - known) * (guess[k] as number);

  const observe = (state: BktState, interactions: readonly Interaction[]): BktState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      const k = x.skill;
      const known = knownOf(state, k);
      const s = slip[k] as number;
      const g = guess[k] as number;
      const likelihoodKnown = x.correct ? 1 - s : s;
      const likelihoodUnknown = x.correct ? g : 1 - g;
      const posterior =
        (known * likelihoodKnown) / (known * likelihoodKnown + (1 - known) * likelihoodUnknown);
      state.known.set(k, posterior + (1 - posterior) * (learn[k] as number));
      state.history.push(x);
    }
    return state;
  };
  const predict = (state: BktState, candidates: readonly Candidate[]) =>
    meanOverSkills(range, candidates, false, (k) => pCorrect(knownOf(state, k), k));

  return {
    kind: "bkt",
    initialState: () => new BktState(),
    observe: (state, interactions) => observe(state as BktState, interactions),
    predict: (state, candidates) => predict(state as BktState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const { history } = state as BktState;
      const { probability, weights } = leaveOneOut(
        history,
        0,
        (xs) => predict(observe(new BktState(), xs), [candidate])[0] as number,
      );
      const k = candidate.skills[0] as number;
      return explanation("leave-one-out", probability, weights, top, {
        skill: k,
        prior: prior[k] as number,
        learn: learn[k] as number,
        guess: guess[k] as number,
        slip: slip[k] as number,
        known: knownOf(state as BktState, k),
      });
    },
    dispose() {},
  };
}

registerPredictor("bkt", bktPredictor);
