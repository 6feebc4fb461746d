import type { Rng } from "../random/prng";
import type { LearningEnvironment, Observation, SimulatedEpisode } from "../simulation/environment";
import { KssLearner } from "./learner";
import { KSS_CONCEPTS, KSS_WARMUP_ABILITY_THRESHOLD, KSS_WARMUP_STEPS } from "./spec";
import { KSS_DAG, KSS_TOPOLOGICAL_ORDER } from "./structure";

/** Start distribution: a_j = U{−3, −2, −1} − 0.1·j. */
export function drawKssAbilities(rng: Rng): number[] {
  return Array.from({ length: KSS_CONCEPTS }, (_, j) => rng.int(-3, -1) - 0.1 * j);
}

/** Goals: n ~ U{3..9}, n ids drawn uniformly with replacement, keep the distinct ones (sorted). */
export function drawKssGoals(rng: Rng): number[] {
  const n = rng.int(3, 9);
  const goals = new Set<number>();
  for (let i = 0; i < n; i++) goals.add(rng.int(0, KSS_CONCEPTS - 1));
  return [...goals].sort((a, b) => a - b);
}

/**
 * The 20 scripted warm-up steps (SPEC.md "Warm-up"). Reading of "the last 3 concepts differ": the last
 * (up to) three concepts are not all the same one — i.e. a correctly answered concept is repeated until it
 * has been studied three times in a row; with fewer than three steps of history the condition holds.
 */
export function runKssWarmup(learner: KssLearner, rng: Rng): Observation[] {
  const history: Observation[] = [];
  for (let step = 0; step < KSS_WARMUP_STEPS; step++) {
    const concept = chooseWarmupConcept(learner, history, rng);
    if (concept === undefined) break;
    learner.learn(concept);
    history.push({ concept, correct: learner.answers(concept) });
  }
  return history;
}

function chooseWarmupConcept(
  learner: KssLearner,
  history: readonly Observation[],
  rng: Rng,
): number | undefined {
  const last = history.at(-1);
  if (last?.correct) {
    const lastThree = history.slice(-3).map((o) => o.concept);
    const allSame = lastThree.length === 3 && lastThree.every((c) => c === lastThree[0]);
    if (!allSame) return last.concept;
  } else if (last && rng.next() < 0.7) {
    return last.concept;
  }
  if (rng.next() < 0.9) {
    return KSS_TOPOLOGICAL_ORDER.find((k) => (learner.abilities[k] ?? 0) < KSS_WARMUP_ABILITY_THRESHOLD);
  }
  return rng.int(0, KSS_CONCEPTS - 1);
}

class KssEpisode implements SimulatedEpisode {
  constructor(
    readonly learner: KssLearner,
    readonly goals: readonly number[],
    readonly history: readonly Observation[],
  ) {}

  learnAndTest(k: number): boolean {
    this.learner.learn(k);
    return this.learner.answers(k);
  }

  goalsAnsweredCorrectly(): number {
    return this.goals.filter((g) => this.learner.answers(g)).length;
  }
}

/** Draws learner + goals, runs the warm-up, and redraws while every goal is already answered correctly. */
export function startKssEpisode(rng: Rng): KssEpisode {
  for (;;) {
    const learner = new KssLearner(drawKssAbilities(rng));
    const goals = drawKssGoals(rng);
    const history = runKssWarmup(learner, rng);
    const episode = new KssEpisode(learner, goals, history);
    if (episode.goalsAnsweredCorrectly() < goals.length) return episode;
  }
}

export const kssEnvironment: LearningEnvironment = {
  name: "kss",
  description: "KSS rule-based learner (SPEC.md): 10 concepts, gate, discount, spread, 20-step warm-up",
  graph: KSS_DAG,
  startEpisode: startKssEpisode,
};
