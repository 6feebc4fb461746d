import { topologicalOrder } from "../graph/closure";
import type { PrerequisiteStructure } from "../simulation/environment";
import { KSS_CONCEPTS, KSS_EDGES } from "./spec";

/** Builds the dense pred/succ lists of a graph from its prerequisite edges a → b. */
export function structureFromEdges(
  size: number,
  edges: readonly (readonly [number, number])[],
): PrerequisiteStructure {
  const pred: number[][] = Array.from({ length: size }, () => []);
  const succ: number[][] = Array.from({ length: size }, () => []);
  for (const [a, b] of edges) {
    if (a < 0 || a >= size || b < 0 || b >= size) throw new Error(`edge ${a}→${b} outside 0..${size - 1}`);
    succ[a]?.push(b);
    pred[b]?.push(a);
  }
  return { size, pred, succ };
}

export const KSS_DAG: PrerequisiteStructure = structureFromEdges(KSS_CONCEPTS, KSS_EDGES);
/** Kahn's algorithm, smallest id first: `[0, 1, 2, 3, 5, 4, 6, 7, 8, 9]` (SPEC.md). */
export const KSS_TOPOLOGICAL_ORDER: readonly number[] = topologicalOrder(KSS_DAG);
