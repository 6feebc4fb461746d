/**
 * How due reviews are mixed with new material (the documented rule, see docs/engine.md):
 *  1. Urgent reviews — recall probability below `urgentRetrievability` — come first, least recalled first:
 *     the learner is about to lose them, and re-learning costs more than reviewing.
 *  2. Then new material and the remaining due reviews alternate: one review after every `newPerReview` new
 *     steps (interleaved practice beats blocked practice for retention; Rohrer & Taylor, 2007).
 *  3. When one kind runs out, the other fills the rest of the plan.
 */
export interface InterleaveSettings {
  readonly newPerReview: number;
  readonly urgentRetrievability: number;
}

export const DEFAULT_INTERLEAVE: InterleaveSettings = { newPerReview: 2, urgentRetrievability: 0.7 };

export function interleave<N, R extends { retrievability: number }>(
  fresh: readonly N[],
  reviews: readonly R[],
  length: number,
  settings: InterleaveSettings = DEFAULT_INTERLEAVE,
): ({ kind: "new"; step: N } | { kind: "review"; step: R })[] {
  if (!Number.isInteger(settings.newPerReview) || settings.newPerReview < 1) {
    throw new Error(`newPerReview must be an integer ≥ 1, got ${settings.newPerReview}`);
  }
  const sorted = [...reviews].sort((a, b) => a.retrievability - b.retrievability);
  const urgent = sorted.filter((r) => r.retrievability < settings.urgentRetrievability);
  const later = sorted.filter((r) => r.retrievability >= settings.urgentRetrievability);
  const out: ({ kind: "new"; step: N } | { kind: "review"; step: R })[] = urgent.map((step) => ({
    kind: "review" as const,
    step,
  }));
  let n = 0;
  let r = 0;
  let sinceReview = 0;
  while (out.length < length && (n < fresh.length || r < later.length)) {
    const reviewTurn = sinceReview >= settings.newPerReview || n >= fresh.length;
    if (reviewTurn && r < later.length) {
      out.push({ kind: "review", step: later[r++] as R });
      sinceReview = 0;
    } else if (n < fresh.length) {
      out.push({ kind: "new", step: fresh[n++] as N });
      sinceReview++;
    } else break;
  }
  return out.slice(0, length);
}
