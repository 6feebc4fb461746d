import type { SavedModel } from "../contract";
import type { Candidate, Explanation, Influence, Interaction } from "./contract";

/** The id ranges a model was trained on; ids outside them are refused, problem 0 means "unknown". */
export interface IdRange {
  readonly model: string;
  readonly numSkills: number;
  readonly numProblems: number;
}

export function idRange(saved: SavedModel): IdRange {
  return { model: saved.model, ...saved.dataShape };
}

function checkSkill(range: IdRange, skill: number, what: string): void {
  if (!Number.isInteger(skill) || skill < 1 || skill > range.numSkills) {
    throw new Error(
      `${range.model}: ${what} has skill id ${skill}, outside the model's 1..${range.numSkills}`,
    );
  }
}

function checkProblem(range: IdRange, problem: number, what: string): void {
  if (!Number.isInteger(problem) || problem < 0 || problem > range.numProblems) {
    throw new Error(
      `${range.model}: ${what} has problem id ${problem}, outside 0..${range.numProblems} (0 = unknown item)`,
    );
  }
}

export function checkInteraction(range: IdRange, x: Interaction): void {
  checkSkill(range, x.skill, "an interaction");
  checkProblem(range, x.problem, "an interaction");
}

function checkCandidate(range: IdRange, candidate: Candidate): void {
  if (candidate.skills.length === 0) throw new Error(`${range.model}: a candidate item has no skills`);
  for (const skill of candidate.skills) checkSkill(range, skill, "a candidate");
  checkProblem(range, candidate.problem, "a candidate");
}

/**
 * p(correct) of each candidate. A candidate with several skills gets the mean of its per-skill
 * predictions: the models were trained on ASSIST-style rows, one row per (answer, skill) with the same
 * problem id, so each skill's row is a prediction of the same answer and their mean is the estimate of it.
 * Each distinct (skill, problem) — or skill, when the model ignores problems — is scored once per call.
 */
export function meanOverSkills(
  range: IdRange,
  candidates: readonly Candidate[],
  usesProblem: boolean,
  score: (skill: number, problem: number) => number,
): Float32Array {
  const cache = new Map<number, number>();
  const out = new Float32Array(candidates.length);
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c] as Candidate;
    checkCandidate(range, candidate);
    const problem = usesProblem ? candidate.problem : 0;
    let sum = 0;
    for (const skill of candidate.skills) {
      const key = skill * (range.numProblems + 1) + problem;
      let p = cache.get(key);
      if (p === undefined) {
        p = score(skill, problem);
        cache.set(key, p);
      }
      sum += p;
    }
    out[c] = sum / candidate.skills.length;
  }
  return out;
}

/**
 * The distinct (skill, problem) pairs of a call — problem 0 when the model ignores problems — for models
 * that score them in one batch before `meanOverSkills` looks them up. Validates every candidate.
 */
export function distinctPairs(
  range: IdRange,
  candidates: readonly Candidate[],
  usesProblem: boolean,
): { skills: number[]; problems: number[]; index: Map<number, number> } {
  const index = new Map<number, number>();
  const skills: number[] = [];
  const problems: number[] = [];
  for (const candidate of candidates) {
    checkCandidate(range, candidate);
    const problem = usesProblem ? candidate.problem : 0;
    for (const skill of candidate.skills) {
      const key = skill * (range.numProblems + 1) + problem;
      if (index.has(key)) continue;
      index.set(key, skills.length);
      skills.push(skill);
      problems.push(problem);
    }
  }
  return { skills, problems, index };
}

/** Per-skill influence vectors (one weight per observed position) averaged like the predictions. */
export function meanInfluence(
  candidate: Candidate,
  length: number,
  perSkill: (skill: number) => Float64Array,
): Float64Array {
  const mean = new Float64Array(length);
  for (const skill of candidate.skills) {
    const weights = perSkill(skill);
    for (let i = 0; i < length; i++) mean[i] = (mean[i] as number) + (weights[i] as number);
  }
  for (let i = 0; i < length; i++) mean[i] = (mean[i] as number) / candidate.skills.length;
  return mean;
}

/** The `top` positions with the largest |weight|, strongest first; zero weights are left out. */
export function strongest(weights: Float64Array, top: number): Influence[] {
  const positions: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) positions.push(i);
  positions.sort((a, b) => Math.abs(weights[b] as number) - Math.abs(weights[a] as number) || b - a);
  return positions
    .slice(0, Math.max(0, top))
    .map((position) => ({ position, weight: weights[position] as number }));
}

/**
 * Leave-one-out influence (erasure, Li, Monroe & Jurafsky 2016, "Understanding neural networks through
 * representation erasure"): weight of past interaction i = p(candidate | history) − p(candidate | history
 * without i). Exact for any model whose state is a function of the history; one refold per position.
 */
export function leaveOneOut(
  history: readonly Interaction[],
  from: number,
  probability: (history: readonly Interaction[]) => number,
): { probability: number; weights: Float64Array } {
  const full = probability(history);
  const weights = new Float64Array(history.length);
  for (let i = from; i < history.length; i++) {
    weights[i] = full - probability([...history.slice(0, i), ...history.slice(i + 1)]);
  }
  return { probability: full, weights };
}

export function explanation(
  method: Explanation["method"],
  probability: number,
  weights: Float64Array,
  top: number,
  parameters?: Record<string, number>,
): Explanation {
  return { method, probability, influences: strongest(weights, top), ...(parameters ? { parameters } : {}) };
}
