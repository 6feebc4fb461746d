/**
 * Mastery bands for colouring the knowledge map and the class heatmap. P(mastered) is continuous; the
 * map shows four bands so the colours can be told apart and named in a legend. 0.95 is the usual BKT
 * mastery criterion (Corbett & Anderson 1995); 0.6 splits "learning" from "not yet". A concept with no
 * answers and no placement prior is "not started" whatever its default prior is.
 */
export const MASTERY_BANDS = ["notStarted", "low", "learning", "mastered"] as const;
export type MasteryBand = (typeof MASTERY_BANDS)[number];

export const MASTERED_AT = 0.95;
export const LEARNING_AT = 0.6;

export function masteryBand(estimate: {
  mastery: number;
  answers: number;
  seededByPlacement: boolean;
}): MasteryBand {
  if (estimate.answers === 0 && !estimate.seededByPlacement) return "notStarted";
  if (estimate.mastery >= MASTERED_AT) return "mastered";
  if (estimate.mastery >= LEARNING_AT) return "learning";
  return "low";
}
