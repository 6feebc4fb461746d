/**
 * Which question to practise next, until the recommendation engine serves personal suggestions:
 * walk the course in prerequisite order and take the first item the learner has not yet answered
 * correctly; among several on the same concept, the least attempted, then the easiest. This is a
 * plain, explainable rule — not a learner-model recommendation — and the page says so.
 */
export interface PracticeCandidate {
  id: string;
  conceptIds: readonly string[];
  difficulty: { level: number };
}
export interface PastAnswer {
  itemId: string;
  correct: boolean | undefined;
}

export function nextPracticeItem<T extends PracticeCandidate>(
  items: readonly T[],
  conceptOrder: readonly string[],
  history: readonly PastAnswer[],
  skip: ReadonlySet<string> = new Set(),
): T | undefined {
  const solved = new Set(history.filter((answer) => answer.correct === true).map((answer) => answer.itemId));
  const attempts = new Map<string, number>();
  for (const answer of history) attempts.set(answer.itemId, (attempts.get(answer.itemId) ?? 0) + 1);
  const rank = new Map(conceptOrder.map((id, index) => [id, index]));
  const conceptRank = (item: T) =>
    Math.min(...item.conceptIds.map((id) => rank.get(id) ?? conceptOrder.length));

  const open = items.filter((item) => !skip.has(item.id));
  const unsolved = open.filter((item) => !solved.has(item.id));
  const pool = unsolved.length > 0 ? unsolved : open;
  return [...pool].sort(
    (a, b) =>
      conceptRank(a) - conceptRank(b) ||
      (attempts.get(a.id) ?? 0) - (attempts.get(b.id) ?? 0) ||
      a.difficulty.level - b.difficulty.level,
  )[0];
}
