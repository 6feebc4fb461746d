import type { Rng } from "../random/prng";

/** What a recommender sees after each step: the concept it chose and whether the test answer was correct. */
export interface Observation {
  readonly concept: number;
  readonly correct: boolean;
}

/** The public structure of a course graph as policies see it: direct prerequisites and successors. */
export interface PrerequisiteStructure {
  readonly size: number;
  readonly pred: readonly (readonly number[])[];
  readonly succ: readonly (readonly number[])[];
}

/** One simulated learner, from the recommender's first step to the end of the episode. */
export interface SimulatedEpisode {
  /** Distinct goal concepts. */
  readonly goals: readonly number[];
  /** The learner's history before the recommender acts (observations only). */
  readonly history: readonly Observation[];
  /** Learn concept k, then test it; returns the test answer. */
  learnAndTest(k: number): boolean;
  /** How many goals the learner answers correctly now (testing does not change the learner). */
  goalsAnsweredCorrectly(): number;
}

/** A learner simulator (KSS, or a learner-model simulator). */
export interface LearningEnvironment {
  readonly name: string;
  readonly description: string;
  readonly graph: PrerequisiteStructure;
  /** Draws a learner (with rejection when the spec asks for it) from the episode's own stream. */
  startEpisode(rng: Rng): SimulatedEpisode;
}
