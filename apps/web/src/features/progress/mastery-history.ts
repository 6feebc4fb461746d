import type { MasteryHistory } from "../../api/progress";

/** How many concepts the chart shows at first when the learner has no goals. */
export const DEFAULT_CONCEPTS = 5;

/**
 * The concepts the "mastery over time" chart starts with: the learner's goal concepts when they have any
 * (those the history knows), else the most-practised ones (most answers first, ties in course order).
 */
export function defaultConcepts(
  history: MasteryHistory,
  goalConceptIds: readonly string[],
  limit = DEFAULT_CONCEPTS,
): string[] {
  const known = new Set(history.concepts.map((c) => c.conceptId));
  const goals = [...new Set(goalConceptIds)].filter((id) => known.has(id));
  if (goals.length > 0) return goals;
  return history.concepts
    .map((concept, index) => ({ concept, index }))
    .filter(({ concept }) => concept.answers > 0)
    .sort((a, b) => b.concept.answers - a.concept.answers || a.index - b.index)
    .slice(0, limit)
    .map(({ concept }) => concept.conceptId);
}

/** Each selected concept's mastery on the first and the last day, in percent, for the text summary. */
export function masteryChanges(
  history: MasteryHistory,
  selected: readonly string[],
): { conceptId: string; from: number; to: number }[] {
  const byId = new Map(history.concepts.map((c) => [c.conceptId, c]));
  return selected.flatMap((id) => {
    const series = byId.get(id)?.mastery ?? [];
    const first = series[0];
    const last = series.at(-1);
    if (first === undefined || last === undefined) return [];
    return [{ conceptId: id, from: Math.round(first * 100), to: Math.round(last * 100) }];
  });
}
