import type { SavedModel } from "../contract";
import { checkInteraction, explanation, idRange, leaveOneOut, meanOverSkills } from "./candidates";
import type { Candidate, Explanation, Interaction, LearnerState, Predictor } from "./contract";
import { sigmoid } from "./math";
import { registerPredictor } from "./registry";
import { weight } from "./weights";

/**
 * Elo serving (Pelánek 2016): the state is the learner's global ability θ and per-skill ability θ_k with
 * their answer counts, updated by Δ = K(n)·(y − p), K(n) = α / (1 + β·n), exactly as `EloModel.run` does
 * with frozen difficulties. p(correct) = σ(θ + θ_k − b_k − d_i); an unknown item (problem 0) has d_0,
 * which training never moves from 0, so it falls back to the skill-level estimate.
 */
class EloState implements LearnerState {
  ability = 0;
  answered = 0;
  readonly bySkill = new Map<number, { ability: number; answered: number }>();
  readonly history: Interaction[] = [];
  get length(): number {
    return this.history.length;
  }
}

function numberSetting(saved: SavedModel, name: string): number {
  const value = saved.config[name];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`elo model config has no number "${name}" (got ${String(value)})`);
  }
  return value;
}

function eloPredictor(saved: SavedModel): Predictor {
  const range = idRange(saved);
  const skillDifficulty = weight(saved, "skillDifficulty", [range.numSkills + 1]);
  const itemDifficulty = weight(saved, "itemDifficulty", [range.numProblems + 1]);
  const alpha = numberSetting(saved, "alpha");
  const beta = numberSetting(saved, "beta");
  const useProblems = saved.config.useProblems !== false;
  const k = (n: number) => alpha / (1 + beta * n);

  const logit = (state: EloState, skill: number, problem: number) =>
    state.ability +
    (state.bySkill.get(skill)?.ability ?? 0) -
    (skillDifficulty[skill] as number) -
    (itemDifficulty[useProblems ? problem : 0] as number);

  const observe = (state: EloState, interactions: readonly Interaction[]): EloState => {
    for (const x of interactions) {
      checkInteraction(range, x);
      const error = (x.correct ? 1 : 0) - sigmoid(logit(state, x.skill, x.problem));
      const skill = state.bySkill.get(x.skill) ?? { ability: 0, answered: 0 };
      state.ability += k(state.answered) * error;
      state.answered++;
      skill.ability += k(skill.answered) * error;
      skill.answered++;
      state.bySkill.set(x.skill, skill);
      state.history.push(x);
    }
    return state;
  };
  const predict = (state: EloState, candidates: readonly Candidate[]) =>
    meanOverSkills(range, candidates, useProblems, (skill, problem) => sigmoid(logit(state, skill, problem)));

  return {
    kind: "elo",
    initialState: () => new EloState(),
    observe: (state, interactions) => observe(state as EloState, interactions),
    predict: (state, candidates) => predict(state as EloState, candidates),
    explain(state: LearnerState, candidate: Candidate, top: number): Explanation {
      const current = state as EloState;
      const { probability, weights } = leaveOneOut(
        current.history,
        0,
        (xs) => predict(observe(new EloState(), xs), [candidate])[0] as number,
      );
      const skill = candidate.skills[0] as number;
      return explanation("leave-one-out", probability, weights, top, {
        skill,
        ability: current.ability,
        skillAbility: current.bySkill.get(skill)?.ability ?? 0,
        skillDifficulty: skillDifficulty[skill] as number,
        itemDifficulty: itemDifficulty[useProblems ? candidate.problem : 0] as number,
      });
    },
    dispose() {},
  };
}

registerPredictor("elo", eloPredictor);
