import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseRecordFile } from "./records";
import type { KTDataset, LearnerSequence } from "./sequence";
import { findFolds, type SplitFormat } from "./splits";

/** Largest skill and problem id over the given sequences (0 when there are no problem ids). */
export function idRanges(sequences: readonly LearnerSequence[]): { numSkills: number; numProblems: number } {
  let numSkills = 0;
  let numProblems = 0;
  for (const sequence of sequences) {
    for (const id of sequence.skills) if (id > numSkills) numSkills = id;
    if (sequence.problems) for (const id of sequence.problems) if (id > numProblems) numProblems = id;
  }
  return { numSkills, numProblems };
}

/** Reads one benchmark CSV (either line layout) into a dataset sized by its own ids. */
export function readKTFile(path: string): KTDataset {
  const { sequences } = parseRecordFile(readFileSync(path, "utf8"), basename(path, ".csv"));
  return { name: basename(path, ".csv"), sequences, ...idRanges(sequences) };
}

export interface FoldData {
  readonly fold: number;
  readonly train: KTDataset;
  readonly valid: KTDataset;
  readonly test: KTDataset;
}

/**
 * Loads fold `fold` of the split in `dir`. The three datasets share one id range — the largest ids over
 * train, valid and test — so a model sized on train never meets an unknown id at test time.
 */
export function loadFold(dir: string, format: SplitFormat, fold: number): FoldData {
  const files = findFolds(dir, format).find((f) => f.fold === fold);
  if (!files) {
    const known = findFolds(dir, format)
      .map((f) => f.fold)
      .join(", ");
    throw new Error(`${dir}: fold ${fold} not found for format ${format} (folds present: ${known})`);
  }
  const parts = [readKTFile(files.train), readKTFile(files.valid), readKTFile(files.test)] as const;
  const numSkills = Math.max(...parts.map((p) => p.numSkills));
  const numProblems = Math.max(...parts.map((p) => p.numProblems));
  const [train, valid, test] = parts.map((p) => ({ ...p, numSkills, numProblems }));
  return { fold, train: train as KTDataset, valid: valid as KTDataset, test: test as KTDataset };
}

/** Counts used by reader tests and dataset reports. */
export interface DatasetStats {
  readonly learners: number;
  readonly interactions: number;
  readonly distinctSkills: number;
  readonly distinctProblems: number;
}

/** Distinct learners (by key), interactions, and distinct skill/problem ids over several datasets. */
export function datasetStats(datasets: readonly KTDataset[]): DatasetStats {
  const learners = new Map<string, number>();
  const skills = new Set<number>();
  const problems = new Set<number>();
  for (const dataset of datasets) {
    for (const sequence of dataset.sequences) {
      // A learner present in two files (AKT's leftover student sits in every train fold) counts once.
      learners.set(sequence.learner, sequence.correct.length);
      for (const id of sequence.skills) skills.add(id);
      if (sequence.problems) for (const id of sequence.problems) problems.add(id);
    }
  }
  let interactions = 0;
  for (const length of learners.values()) interactions += length;
  return {
    learners: learners.size,
    interactions,
    distinctSkills: skills.size,
    distinctProblems: problems.size,
  };
}
