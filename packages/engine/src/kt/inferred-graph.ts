import type { PrerequisiteStructure } from "../simulation/environment";

/** One learner's practice history: skills 1..S in time order. */
export type SkillSequence = ArrayLike<number>;

export interface InferenceSettings {
  /** Minimum number of learners who practised both skills before an edge is considered. */
  readonly minLearners: number;
  /** Minimum share of those learners who met skill a before skill b. */
  readonly minPrecedence: number;
}

export const DEFAULT_INFERENCE: InferenceSettings = { minLearners: 30, minPrecedence: 0.85 };

/**
 * A prerequisite graph inferred from the order in which learners first meet skills (datasets like ASSIST2015
 * ship no graph): a → b when, among at least `minLearners` learners who practised both, at least
 * `minPrecedence` met a first — the curriculum order teachers followed. Edges only go forward in the mean
 * first-meeting rank, so the graph is acyclic; the transitive reduction keeps only direct prerequisites.
 * Skill s becomes concept index s − 1. An approximation of a real prerequisite graph, and labelled as such.
 */
export function inferPrerequisiteGraph(
  sequences: readonly SkillSequence[],
  numSkills: number,
  settings: InferenceSettings = DEFAULT_INFERENCE,
): PrerequisiteStructure {
  const S = numSkills;
  const before = new Float64Array(S * S); // before[a*S+b]: learners meeting a before b
  const rankSum = new Float64Array(S);
  const rankCount = new Float64Array(S);
  for (const seq of sequences) {
    const first: number[] = [];
    const seen = new Set<number>();
    for (let t = 0; t < seq.length; t++) {
      const k = (seq[t] as number) - 1;
      if (k < 0 || k >= S || seen.has(k)) continue;
      seen.add(k);
      first.push(k);
    }
    first.forEach((k, i) => {
      rankSum[k] = (rankSum[k] as number) + i / Math.max(1, first.length - 1);
      rankCount[k] = (rankCount[k] as number) + 1;
      for (let j = i + 1; j < first.length; j++) {
        const idx = k * S + (first[j] as number);
        before[idx] = (before[idx] as number) + 1;
      }
    });
  }
  const rank = (k: number) =>
    (rankCount[k] as number) > 0 ? (rankSum[k] as number) / (rankCount[k] as number) : 1;
  const reach: boolean[][] = Array.from({ length: S }, () => new Array<boolean>(S).fill(false));
  const candidate: [number, number][] = [];
  for (let a = 0; a < S; a++) {
    for (let b = 0; b < S; b++) {
      if (a === b || rank(a) >= rank(b)) continue;
      const ab = before[a * S + b] as number;
      const ba = before[b * S + a] as number;
      if (ab + ba >= settings.minLearners && ab / (ab + ba) >= settings.minPrecedence) candidate.push([a, b]);
    }
  }
  for (const [a, b] of candidate) (reach[a] as boolean[])[b] = true;
  // Transitive closure over the rank order (a DAG), then keep a → b only if no a → m → b exists.
  const order = Array.from({ length: S }, (_, k) => k).sort((x, y) => rank(x) - rank(y));
  const closure = reach.map((row) => [...row]);
  for (const m of order)
    for (const a of order)
      if (closure[a]?.[m]) for (const b of order) if (closure[m]?.[b]) (closure[a] as boolean[])[b] = true;
  const pred: number[][] = Array.from({ length: S }, () => []);
  const succ: number[][] = Array.from({ length: S }, () => []);
  for (const [a, b] of candidate) {
    const indirect = order.some((m) => m !== a && m !== b && closure[a]?.[m] && closure[m]?.[b]);
    if (!indirect) {
      pred[b]?.push(a);
      succ[a]?.push(b);
    }
  }
  return { size: S, pred, succ };
}
