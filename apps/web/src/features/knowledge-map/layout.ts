import { Graph, layout } from "@dagrejs/dagre";

export interface MapConcept {
  id: string;
  title: string;
}
/** `requires` must be learned before `concept`; the arrow is drawn from `requires` to `concept`. */
export interface MapPrerequisite {
  concept: string;
  requires: string;
}
export interface PlacedConcept extends MapConcept {
  /** Top-left corner, as React Flow positions nodes. */
  x: number;
  y: number;
}

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 56;

/**
 * Lays the concept graph out in layers with dagre (Sugiyama-style layered drawing: Gansner et al.,
 * "A technique for drawing directed graphs", IEEE TSE 1993), prerequisites on the left so a learner
 * reads the map in the order concepts are learned. Edges to unknown concepts are ignored.
 */
export function layoutConceptMap<C extends MapConcept>(
  concepts: readonly C[],
  prerequisites: readonly MapPrerequisite[],
  direction: "LR" | "TB" = "LR",
): (C & PlacedConcept)[] {
  const graph = new Graph();
  graph.setGraph({ rankdir: direction, nodesep: 12, ranksep: 40, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const known = new Set(concepts.map((concept) => concept.id));
  for (const concept of concepts) graph.setNode(concept.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of prerequisites) {
    if (known.has(edge.concept) && known.has(edge.requires)) graph.setEdge(edge.requires, edge.concept);
  }
  layout(graph);
  return concepts.map((concept) => {
    const node = graph.node(concept.id);
    // dagre gives node centres; React Flow wants the top-left corner.
    return { ...concept, x: (node?.x ?? 0) - NODE_WIDTH / 2, y: (node?.y ?? 0) - NODE_HEIGHT / 2 };
  });
}
