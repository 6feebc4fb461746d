import type { LearnerSequence } from "./sequence";

/**
 * True when position `t` repeats the previous position's problem id: ASSIST2009 lists a multi-skill
 * problem's single answer once per skill (15.7% of positions in the AKT split), so the answer at t is
 * almost given by t−1 — the label leak pyKT describes (Liu et al., NeurIPS 2022). The published DKVMN/AKT
 * numbers keep these positions; the "de-duplicated" score drops them. Without problem ids nothing is a repeat.
 */
export function isMultiSkillRepeat(sequence: LearnerSequence, t: number): boolean {
  const problems = sequence.problems;
  return problems !== undefined && t > 0 && problems[t] === problems[t - 1];
}

/** Keep-filter for `collectScored`: scores only positions that are not multi-skill repeats. */
export function keepFirstOfRepeats(sequence: LearnerSequence, t: number): boolean {
  return !isMultiSkillRepeat(sequence, t);
}

/** Whether any sequence has problem ids, i.e. whether a de-duplicated score can be computed at all. */
export function hasProblemIds(sequences: readonly LearnerSequence[]): boolean {
  return sequences.some((sequence) => sequence.problems !== undefined);
}
