import type { Feedback } from "./request";

/**
 * Desirable difficulty (Bjork, 1994): practise where success is likely but not certain. The target success
 * probability starts at 0.7 and moves with the learner's ratings: "too easy" lowers it by `step` (harder
 * items), "too hard" raises it, within [0.5, 0.9]. Replaying the whole rating history keeps it derivable
 * from the event log.
 */
export const TARGET_SUCCESS_RANGE = [0.5, 0.9] as const;

export function adaptTargetSuccess(base: number, feedback: readonly Feedback[], step = 0.05): number {
  let target = base;
  for (const f of feedback) {
    if (f === "too_easy") target -= step;
    else if (f === "too_hard") target += step;
    target = Math.min(TARGET_SUCCESS_RANGE[1], Math.max(TARGET_SUCCESS_RANGE[0], target));
  }
  return Math.round(target * 1000) / 1000;
}

/** The candidate whose predicted success is closest to the target (ties: the first listed). */
export function closestToTarget<T>(
  candidates: readonly T[],
  success: (c: T) => number,
  target: number,
): T | undefined {
  let best: T | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const distance = Math.abs(success(c) - target);
    if (distance < bestDistance - 1e-12) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}
