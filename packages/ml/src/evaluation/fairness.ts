import type { LearnerSequence, SequencePredictions } from "../data/sequence";
import { collectScored } from "../metrics/collect";
import { evaluatePairs, type MetricReport } from "../metrics/index";

/**
 * The per-group fairness table (DESIGN "evaluate": metrics per learner group): the same metrics as the
 * whole test set, computed over the test learners of each group. A group is a value of one dimension
 * (a class, or a configured learner attribute such as a programme flag); a learner may belong to
 * several groups of one dimension (two classes) and is then counted in each.
 *
 * Groups with fewer learners than `minGroupSize` are suppressed: their row says so and carries no
 * metrics, because a metric over three children describes those three children (small-cell
 * suppression, as in official education statistics).
 */
export interface LearnerGroup {
  /** What the groups are split by, e.g. "class" or "attribute:programme". */
  readonly dimension: string;
  /** The group's value within the dimension, e.g. a class id or "yes". */
  readonly group: string;
  /** A human-readable label for the card (class name); defaults to `group`. */
  readonly label?: string;
}

export type FairnessRow =
  | {
      readonly dimension: string;
      readonly group: string;
      readonly label: string;
      readonly suppressed: false;
      readonly learners: number;
      readonly metrics: MetricReport;
    }
  | {
      readonly dimension: string;
      readonly group: string;
      readonly label: string;
      readonly suppressed: true;
      /** Why no figures: "fewer than N learners". The exact count is withheld too. */
      readonly reason: string;
    };

export function fairnessTable(
  sequences: readonly LearnerSequence[],
  predictions: readonly SequencePredictions[],
  groupsOf: (learner: string) => readonly LearnerGroup[],
  minGroupSize: number,
): FairnessRow[] {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
    throw new Error(`fairness: the minimum group size ${minGroupSize} must be a positive integer`);
  const members = new Map<string, { group: LearnerGroup; indexes: number[] }>();
  sequences.forEach((sequence, index) => {
    for (const group of groupsOf(sequence.learner)) {
      const key = JSON.stringify([group.dimension, group.group]);
      const entry = members.get(key) ?? { group, indexes: [] };
      entry.indexes.push(index);
      members.set(key, entry);
    }
  });
  const rows: FairnessRow[] = [];
  for (const { group, indexes } of members.values()) {
    const base = { dimension: group.dimension, group: group.group, label: group.label ?? group.group };
    if (indexes.length < minGroupSize) {
      rows.push({ ...base, suppressed: true, reason: `fewer than ${minGroupSize} learners` });
      continue;
    }
    const pairs = collectScored(
      indexes.map((i) => sequences[i] as LearnerSequence),
      indexes.map((i) => predictions[i] as SequencePredictions),
    );
    rows.push({ ...base, suppressed: false, learners: indexes.length, metrics: evaluatePairs(pairs) });
  }
  return rows.sort((a, b) => a.dimension.localeCompare(b.dimension) || a.label.localeCompare(b.label));
}
