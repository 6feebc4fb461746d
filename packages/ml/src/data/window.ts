import type { KTDataset, LearnerSequence } from "./sequence";

function slice(sequence: LearnerSequence, start: number, end: number, part: number): LearnerSequence {
  return {
    learner: `${sequence.learner}#w${part}`,
    skills: sequence.skills.subarray(start, end),
    correct: sequence.correct.subarray(start, end),
    ...(sequence.problems ? { problems: sequence.problems.subarray(start, end) } : {}),
    ...(sequence.timestamps ? { timestamps: sequence.timestamps.subarray(start, end) } : {}),
  };
}

/**
 * Cuts sequences longer than `length` into consecutive, non-overlapping windows of `length`
 * (the last one shorter), each treated as its own sequence — exactly what the DKVMN and AKT data loaders
 * do (`n_split = ceil(len / seqlen)` in AKT's `load_data.py`). Shorter sequences pass through unchanged.
 * Windows are views (subarray) of the original arrays, not copies.
 */
export function windowSequences(sequences: readonly LearnerSequence[], length: number): LearnerSequence[] {
  if (!Number.isInteger(length) || length < 2)
    throw new Error(`window length ${length} must be an integer ≥ 2`);
  const windows: LearnerSequence[] = [];
  for (const sequence of sequences) {
    const n = sequence.correct.length;
    if (n <= length) {
      windows.push(sequence);
      continue;
    }
    for (let start = 0, part = 0; start < n; start += length, part++) {
      windows.push(slice(sequence, start, Math.min(n, start + length), part));
    }
  }
  return windows;
}

export function windowDataset(dataset: KTDataset, length: number): KTDataset {
  return { ...dataset, sequences: windowSequences(dataset.sequences, length) };
}
