/**
 * Online per-concept mastery tracking with Bayesian Knowledge Tracing (Corbett & Anderson, 1995,
 * "Knowledge tracing: Modeling the acquisition of procedural knowledge"). One learner, fixed parameters:
 * the planner needs a mastery estimate from (concept, correct) observations alone. When a fitted model from
 * @pathwise/ml is available the platform passes its predictions instead; this tracker is the fallback.
 */
export interface BktParameters {
  /** P(L0): prior probability that a never-seen concept is mastered. */
  readonly init: number;
  /** P(T): probability of learning the concept on one practice opportunity. */
  readonly learn: number;
  /** P(G): probability of answering correctly without mastery. */
  readonly guess: number;
  /** P(S): probability of answering wrongly despite mastery. */
  readonly slip: number;
}

/** Textbook-style defaults (not fitted to any simulator): low prior, moderate learning, 4-option guessing. */
export const DEFAULT_BKT: BktParameters = { init: 0.1, learn: 0.3, guess: 0.25, slip: 0.1 };

/** P(correct) predicted from mastery: P(L)(1 − S) + (1 − P(L))G. */
export function predictCorrect(mastery: number, p: BktParameters = DEFAULT_BKT): number {
  return mastery * (1 - p.slip) + (1 - mastery) * p.guess;
}

/**
 * One BKT step: Bayesian posterior of mastery given the answer, then the learning transition.
 * `learnScale` ∈ [0, 1] scales P(T); the planner passes prerequisite readiness (learning a concept whose
 * prerequisites are not mastered rarely sticks — the knowledge-structure assumption of Liu et al., KDD 2019).
 */
export function updateMastery(
  mastery: number,
  correct: boolean,
  p: BktParameters = DEFAULT_BKT,
  learnScale = 1,
): number {
  const posterior = correct
    ? (mastery * (1 - p.slip)) / (mastery * (1 - p.slip) + (1 - mastery) * p.guess)
    : (mastery * p.slip) / (mastery * p.slip + (1 - mastery) * (1 - p.guess));
  return posterior + (1 - posterior) * p.learn * learnScale;
}
