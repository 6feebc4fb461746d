import type { Rng } from "../random/prng";
import type { Observation, PrerequisiteStructure } from "../simulation/environment";

/** What a policy is told when an episode starts: the public graph, the goals and the learner's history. */
export interface EpisodeContext {
  readonly graph: PrerequisiteStructure;
  readonly goals: readonly number[];
  readonly history: readonly Observation[];
}

/**
 * A learning-path policy acting in a simulator. It sees only the graph, the goals and (concept, correct)
 * observations — never the simulator's hidden abilities or constants.
 */
export interface PathPolicy {
  /** The next concept to learn and test. */
  next(): number;
  observe(observation: Observation): void;
}

export interface PolicyDefinition {
  readonly name: string;
  readonly description: string;
  /** `rng` is the policy's own stream, separate from the learner's, so policies never perturb the learners drawn. */
  create(context: EpisodeContext, rng: Rng): PathPolicy;
}
