import type { PrerequisiteStructure } from "../simulation/environment";

/**
 * The knowledge-structure neighbourhood of a concept p: p itself, its prerequisites and successors,
 * its prerequisites' prerequisites, and the concepts sharing a prerequisite with it.
 *
 * Why: learning transfers along the knowledge structure — moving from a concept to one unrelated to it
 * breaks the learner's "cognitive navigation" (Liu et al., KDD 2019, "Exploiting Cognitive Structure for
 * Adaptive Learning", the CSEAL paper, whose KSS simulator encodes this same neighbourhood as its gate).
 * The planner keeps consecutive steps inside it and routes through it to reach a distant concept.
 */
export function structuralNeighbourhood(graph: PrerequisiteStructure, p: number): Set<number> {
  const near = new Set<number>([p, ...(graph.succ[p] ?? []), ...(graph.pred[p] ?? [])]);
  for (const q of graph.pred[p] ?? []) {
    for (const r of graph.pred[q] ?? []) near.add(r);
    for (const s of graph.succ[q] ?? []) near.add(s);
  }
  return near;
}

/**
 * The first step of a shortest walk from `from` to `to` moving only within neighbourhoods,
 * or `to` itself when it is already a neighbour (or unreachable, so the caller still makes progress).
 */
export function firstStepToward(graph: PrerequisiteStructure, from: number, to: number): number {
  if (from === to) return to;
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length && !previous.has(to); head++) {
    const k = queue[head] as number;
    for (const n of [...structuralNeighbourhood(graph, k)].sort((a, b) => a - b)) {
      if (!previous.has(n)) {
        previous.set(n, k);
        queue.push(n);
      }
    }
  }
  if (!previous.has(to)) return to;
  let step = to;
  while (previous.get(step) !== from) step = previous.get(step) as number;
  return step;
}
