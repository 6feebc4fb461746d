import type { PolicyDefinition } from "../policies/policy";
import { createRng, deriveSeed } from "../random/prng";
import type { LearningEnvironment } from "./environment";

/**
 * Runs one episode: the policy picks up to `steps` concepts; the episode stops early once every goal is
 * answered correctly. Returns the learning gain E_p = (E_e − E_s) / (E_sup − E_s) (SPEC.md "Episode and metric").
 */
export function runEpisode(
  environment: LearningEnvironment,
  policy: PolicyDefinition,
  steps: number,
  seed: number,
): { gain: number; path: number[] } {
  // Separate streams: the learner drawn for episode i is the same whichever policy is evaluated.
  const learnerRng = createRng(seed);
  const policyRng = createRng(deriveSeed(seed, 1));
  const episode = environment.startEpisode(learnerRng);
  const agent = policy.create(
    { graph: environment.graph, goals: episode.goals, history: episode.history },
    policyRng,
  );
  const start = episode.goalsAnsweredCorrectly();
  const supremum = episode.goals.length;
  const path: number[] = [];
  for (let t = 0; t < steps && episode.goalsAnsweredCorrectly() < supremum; t++) {
    const concept = agent.next();
    if (!Number.isInteger(concept) || concept < 0 || concept >= environment.graph.size) {
      throw new Error(
        `policy ${policy.name} chose concept ${concept}, outside 0..${environment.graph.size - 1}`,
      );
    }
    path.push(concept);
    agent.observe({ concept, correct: episode.learnAndTest(concept) });
  }
  const end = episode.goalsAnsweredCorrectly();
  return { gain: (end - start) / (supremum - start), path };
}

export interface EvaluationResult {
  readonly env: string;
  readonly policy: string;
  readonly steps: number;
  readonly episodes: number;
  readonly seed: number;
  readonly meanGain: number;
  /** Normal-approximation 95% interval of the mean: mean ± 1.96·s/√n (n ≥ 4,000 makes the CLT ample). */
  readonly ci95: readonly [number, number];
}

export interface EvaluationOptions {
  readonly steps: number;
  readonly episodes: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Evaluates a policy over `episodes` seeded learners; episode i uses seed deriveSeed(seed, i). */
export function evaluatePolicy(
  environment: LearningEnvironment,
  policy: PolicyDefinition,
  options: EvaluationOptions,
): EvaluationResult {
  const { steps, episodes, seed } = options;
  if (!Number.isInteger(episodes) || episodes < 2)
    throw new Error(`episodes must be an integer ≥ 2, got ${episodes}`);
  let sum = 0;
  let sumSquares = 0;
  const every = Math.max(1, Math.floor(episodes / 100));
  for (let i = 0; i < episodes; i++) {
    const { gain } = runEpisode(environment, policy, steps, deriveSeed(seed, i));
    sum += gain;
    sumSquares += gain * gain;
    if (options.onProgress && ((i + 1) % every === 0 || i + 1 === episodes))
      options.onProgress(i + 1, episodes);
  }
  const mean = sum / episodes;
  const variance = Math.max(0, (sumSquares - episodes * mean * mean) / (episodes - 1));
  const half = 1.96 * Math.sqrt(variance / episodes);
  return {
    env: environment.name,
    policy: policy.name,
    steps,
    episodes,
    seed,
    meanGain: mean,
    ci95: [mean - half, mean + half],
  };
}
