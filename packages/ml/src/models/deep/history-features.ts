import type { KTDataset } from "../../data/sequence";
import type { SequenceBatch } from "../../train/batches";

/**
 * Engineered history features for the feed-forward baseline. Every feature of position t uses only
 * positions < t of the same window, plus per-skill / per-problem success rates counted on the training
 * split. While training, a position's own answer is removed from those rates (leave-one-out), so the
 * label never leaks into its own features.
 */
export const FEATURE_NAMES = [
  "log1p(attempts on this skill)",
  "log1p(correct on this skill)",
  "smoothed success on this skill",
  "last answer on this skill (0.5 if none)",
  "log1p(attempts so far)",
  "smoothed success so far",
  "mean of the last 5 answers (0.5 if none)",
  "last answer (0.5 if none)",
  "same problem as the previous position",
  "skill success rate in training data",
  "problem success rate in training data (shrunk to the skill rate)",
  "log1p(problem attempts in training data)",
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Counts per id: [attempts, correct] interleaved. */
export interface SuccessCounts {
  readonly skills: Float64Array;
  readonly problems: Float64Array;
}

export function countSuccesses(train: KTDataset): SuccessCounts {
  const skills = new Float64Array(2 * (train.numSkills + 1));
  const problems = new Float64Array(2 * (train.numProblems + 1));
  for (const s of train.sequences) {
    for (let t = 0; t < s.skills.length; t++) {
      const y = s.correct[t] as number;
      const k = s.skills[t] as number;
      skills[2 * k] = (skills[2 * k] as number) + 1;
      skills[2 * k + 1] = (skills[2 * k + 1] as number) + y;
      const p = s.problems?.[t] ?? 0;
      if (p > 0) {
        problems[2 * p] = (problems[2 * p] as number) + 1;
        problems[2 * p + 1] = (problems[2 * p + 1] as number) + y;
      }
    }
  }
  return { skills, problems };
}

/** Beta(1,1)-smoothed rate (c + 1) / (n + 2); with a prior mean m and weight w: (c + w·m) / (n + w). */
function rate(correct: number, attempts: number, prior = 0.5, weight = 2): number {
  return (correct + weight * prior) / (attempts + weight);
}

/** Features [size · length · FEATURE_COUNT], row-major. `leaveOneOut` is on while training. */
export function historyFeatures(
  batch: SequenceBatch,
  counts: SuccessCounts,
  leaveOneOut: boolean,
): Float32Array {
  const { size, length } = batch;
  const out = new Float32Array(size * length * FEATURE_COUNT);
  const perSkill = new Map<number, { n: number; c: number; last: number }>();
  for (let b = 0; b < size; b++) {
    perSkill.clear();
    let n = 0;
    let c = 0;
    const recent: number[] = [];
    const windowLength = batch.windows[b]?.length ?? 0;
    for (let t = 0; t < windowLength; t++) {
      const i = b * length + t;
      const skill = batch.skills[i] as number;
      const problem = batch.problems[i] as number;
      const y = batch.correct[i] as number;
      const own = leaveOneOut ? 1 : 0;
      const history = perSkill.get(skill) ?? { n: 0, c: 0, last: 0.5 };
      const skillN = Math.max((counts.skills[2 * skill] ?? 0) - own, 0);
      const skillC = Math.max((counts.skills[2 * skill + 1] ?? 0) - own * y, 0);
      const skillRate = rate(skillC, skillN);
      const problemN = problem > 0 ? Math.max((counts.problems[2 * problem] ?? 0) - own, 0) : 0;
      const problemC = problem > 0 ? Math.max((counts.problems[2 * problem + 1] ?? 0) - own * y, 0) : 0;
      const f = i * FEATURE_COUNT;
      out[f] = Math.log1p(history.n);
      out[f + 1] = Math.log1p(history.c);
      out[f + 2] = rate(history.c, history.n);
      out[f + 3] = history.last;
      out[f + 4] = Math.log1p(n);
      out[f + 5] = rate(c, n);
      out[f + 6] = recent.length ? recent.reduce((a, v) => a + v, 0) / recent.length : 0.5;
      out[f + 7] = recent.length ? (recent[recent.length - 1] as number) : 0.5;
      out[f + 8] = t > 0 && problem > 0 && batch.problems[i - 1] === problem ? 1 : 0;
      out[f + 9] = skillRate;
      out[f + 10] = rate(problemC, problemN, skillRate, 5);
      out[f + 11] = Math.log1p(problemN);
      perSkill.set(skill, { n: history.n + 1, c: history.c + y, last: y });
      n += 1;
      c += y;
      recent.push(y);
      if (recent.length > 5) recent.shift();
    }
  }
  return out;
}
