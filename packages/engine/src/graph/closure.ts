import type { PrerequisiteStructure } from "../simulation/environment";

/**
 * Graph helpers over dense concept indices, used by the planner and the baselines.
 * (The platform's own concept graph lives in @pathwise/domain; these work on the index view of it.)
 */

/** The targets plus every concept they transitively require. */
export function prerequisiteClosure(graph: PrerequisiteStructure, targets: Iterable<number>): Set<number> {
  const seen = new Set<number>();
  const stack = [...targets];
  while (stack.length > 0) {
    const k = stack.pop() as number;
    if (seen.has(k)) continue;
    if (k < 0 || k >= graph.size) throw new Error(`concept index ${k} outside 0..${graph.size - 1}`);
    seen.add(k);
    for (const p of graph.pred[k] ?? []) stack.push(p);
  }
  return seen;
}

/** Kahn's algorithm, smallest index first among the available concepts. Throws on a cycle. */
export function topologicalOrder(graph: PrerequisiteStructure): number[] {
  const indegree = graph.pred.map((p) => p.length);
  const available: number[] = [];
  indegree.forEach((d, k) => {
    if (d === 0) available.push(k);
  });
  const order: number[] = [];
  while (available.length > 0) {
    available.sort((a, b) => a - b);
    const k = available.shift() as number;
    order.push(k);
    for (const s of graph.succ[k] ?? []) {
      indegree[s] = (indegree[s] ?? 0) - 1;
      if (indegree[s] === 0) available.push(s);
    }
  }
  if (order.length !== graph.size) {
    const left = indegree.flatMap((d, k) => (d > 0 ? [k] : []));
    throw new Error(`prerequisite graph has a cycle through concepts ${left.join(", ")}`);
  }
  return order;
}
