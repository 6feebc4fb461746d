import { type MasteryBand, masteryBand } from "../mastery/bands";

export interface ConceptEstimate {
  conceptId: string;
  mastery: number;
  answers: number;
  seededByPlacement: boolean;
}

/** `NOT_STARTED` marks a cell without evidence (no answers, no placement), so it is not read as 0%. */
export const NOT_STARTED = -1;

/** One heatmap cell as ECharts wants it: [concept column, learner row, mastery % or NOT_STARTED]. */
export type HeatmapCell = [number, number, number];

/**
 * The class heatmap's cells: one row per learner, one column per concept (in the order given, the
 * course's learning order). A learner whose estimates could not be loaded gets no cells at all.
 */
export function heatmapCells(
  learnerIds: readonly string[],
  conceptIds: readonly string[],
  estimates: ReadonlyMap<string, readonly ConceptEstimate[]>,
): { cells: HeatmapCell[]; bands: Record<MasteryBand, number> } {
  const cells: HeatmapCell[] = [];
  const bands: Record<MasteryBand, number> = { notStarted: 0, low: 0, learning: 0, mastered: 0 };
  learnerIds.forEach((learnerId, row) => {
    const byConcept = new Map((estimates.get(learnerId) ?? []).map((entry) => [entry.conceptId, entry]));
    conceptIds.forEach((conceptId, column) => {
      const estimate = byConcept.get(conceptId);
      if (!estimate) return;
      const band = masteryBand(estimate);
      bands[band] += 1;
      cells.push([column, row, band === "notStarted" ? NOT_STARTED : Math.round(estimate.mastery * 100)]);
    });
  });
  return { cells, bands };
}
