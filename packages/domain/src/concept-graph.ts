/**
 * The prerequisite graph of a course's concepts (knowledge components). An edge `requires → concept`
 * says a learner should master `requires` before `concept`. The graph must be acyclic; building it
 * rejects a cycle with an error that names it, so a course author can fix the file.
 *
 * Generic over the id type so the same rules serve course files (stable keys) and stored concepts (ids).
 */
export interface PrerequisiteEdge<Id extends string = string> {
  readonly concept: Id;
  readonly requires: Id;
}

export interface ConceptGraph<Id extends string = string> {
  /** Every concept, prerequisites before the concepts that need them (Kahn order, ties by input order). */
  readonly order: readonly Id[];
  /** Direct prerequisites of a concept. */
  prerequisitesOf(concept: Id): readonly Id[];
  /** Concepts that directly require this one. */
  dependentsOf(concept: Id): readonly Id[];
  /** All concepts needed, transitively, to reach the targets (targets included), in topological order. */
  closure(targets: readonly Id[]): readonly Id[];
}

export class ConceptGraphError extends Error {
  constructor(
    message: string,
    readonly code: "prerequisite_cycle" | "unknown_concept" | "duplicate_concept" | "self_prerequisite",
    readonly path: readonly string[],
  ) {
    super(message);
    this.name = "ConceptGraphError";
  }
}

export function buildConceptGraph<Id extends string>(
  concepts: readonly Id[],
  edges: readonly PrerequisiteEdge<Id>[],
  label: (id: Id) => string = (id) => id,
): ConceptGraph<Id> {
  const prerequisites = new Map<Id, Id[]>();
  const dependents = new Map<Id, Id[]>();
  for (const id of concepts) {
    if (prerequisites.has(id)) {
      throw new ConceptGraphError(`Duplicate concept: ${label(id)}`, "duplicate_concept", [id]);
    }
    prerequisites.set(id, []);
    dependents.set(id, []);
  }
  for (const { concept, requires } of edges) {
    for (const end of [concept, requires]) {
      if (!prerequisites.has(end)) {
        throw new ConceptGraphError(
          `Unknown concept in prerequisite ${label(requires)} → ${label(concept)}: ${label(end)}`,
          "unknown_concept",
          [end],
        );
      }
    }
    if (concept === requires) {
      throw new ConceptGraphError(
        `Prerequisite cycle: ${label(concept)} → ${label(concept)}`,
        "self_prerequisite",
        [concept, concept],
      );
    }
    const list = prerequisites.get(concept) as Id[];
    if (!list.includes(requires)) {
      list.push(requires);
      (dependents.get(requires) as Id[]).push(concept);
    }
  }
  const cycle = findCycle(concepts, dependents);
  if (cycle) {
    throw new ConceptGraphError(
      `Prerequisite cycle: ${cycle.map(label).join(" → ")}`,
      "prerequisite_cycle",
      cycle,
    );
  }
  const order = topologicalOrder(concepts, prerequisites, dependents);
  const position = new Map(order.map((id, index) => [id, index]));

  return {
    order,
    prerequisitesOf: (concept) => prerequisites.get(concept) ?? [],
    dependentsOf: (concept) => dependents.get(concept) ?? [],
    closure(targets) {
      const seen = new Set<Id>();
      const stack = [...targets];
      while (stack.length > 0) {
        const id = stack.pop() as Id;
        if (seen.has(id)) continue;
        if (!prerequisites.has(id)) {
          throw new ConceptGraphError(`Unknown concept: ${label(id)}`, "unknown_concept", [id]);
        }
        seen.add(id);
        stack.push(...(prerequisites.get(id) ?? []));
      }
      return [...seen].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    },
  };
}

/**
 * Depth-first search with three colours (Cormen et al., "Introduction to Algorithms", §22.3): meeting
 * a grey node again closes a cycle. Follows edges prerequisite → dependent, so the cycle reads in
 * learning order, e.g. `fractions → ratios → fractions`. Iterative, so deep curricula cannot overflow.
 */
function findCycle<Id extends string>(concepts: readonly Id[], dependents: Map<Id, Id[]>): Id[] | undefined {
  const colour = new Map<Id, "grey" | "black">();
  for (const start of concepts) {
    if (colour.has(start)) continue;
    const path: Id[] = [start];
    const cursors: number[] = [0];
    colour.set(start, "grey");
    while (path.length > 0) {
      const node = path[path.length - 1] as Id;
      const next = dependents.get(node) ?? [];
      const index = cursors[cursors.length - 1] as number;
      if (index >= next.length) {
        colour.set(node, "black");
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = index + 1;
      const child = next[index] as Id;
      const state = colour.get(child);
      if (state === "grey") return [...path.slice(path.indexOf(child)), child];
      if (state === undefined) {
        colour.set(child, "grey");
        path.push(child);
        cursors.push(0);
      }
    }
  }
  return undefined;
}

/** Kahn's algorithm; among ready concepts the one listed first in the input goes first (stable). */
function topologicalOrder<Id extends string>(
  concepts: readonly Id[],
  prerequisites: Map<Id, Id[]>,
  dependents: Map<Id, Id[]>,
): Id[] {
  const inputIndex = new Map(concepts.map((id, index) => [id, index]));
  const remaining = new Map(concepts.map((id) => [id, prerequisites.get(id)?.length ?? 0]));
  const ready = concepts.filter((id) => remaining.get(id) === 0);
  const order: Id[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (inputIndex.get(a) ?? 0) - (inputIndex.get(b) ?? 0));
    const id = ready.shift() as Id;
    order.push(id);
    for (const dependent of dependents.get(id) ?? []) {
      const left = (remaining.get(dependent) ?? 0) - 1;
      remaining.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  return order;
}
