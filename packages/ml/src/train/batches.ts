import type { LearnerSequence } from "../data/sequence";
import { type Random, shuffled } from "../engine/random";

/**
 * A window is a slice of one learner sequence, at most `maxLength` long (the AKT/DKVMN protocol cuts
 * sequences into independent windows of 200). Its first position is never a prediction target.
 */
export interface Window {
  readonly sequence: number;
  readonly start: number;
  readonly length: number;
}

/**
 * One padded batch, row-major [size, length] arrays. Padding has skill 0, problem 0 and target mask 0.
 * `targetMask[b·length + t]` is 1 where position t of row b is real and t ≥ 1 (it has a past to predict from).
 */
export interface SequenceBatch {
  readonly size: number;
  readonly length: number;
  readonly skills: Int32Array;
  readonly problems: Int32Array;
  readonly correct: Float32Array;
  readonly targetMask: Float32Array;
  readonly windows: readonly Window[];
}

export function windowsOf(sequences: readonly LearnerSequence[], maxLength: number): Window[] {
  if (!Number.isInteger(maxLength) || maxLength < 2)
    throw new Error(`maxLength must be an integer ≥ 2, got ${maxLength}`);
  const out: Window[] = [];
  sequences.forEach((s, sequence) => {
    const n = s.skills.length;
    for (let start = 0; start < n; start += maxLength) {
      const length = Math.min(maxLength, n - start);
      if (length >= 2) out.push({ sequence, start, length });
    }
  });
  return out;
}

export function buildBatch(sequences: readonly LearnerSequence[], windows: readonly Window[]): SequenceBatch {
  const size = windows.length;
  const length = windows.reduce((m, w) => Math.max(m, w.length), 0);
  const skills = new Int32Array(size * length);
  const problems = new Int32Array(size * length);
  const correct = new Float32Array(size * length);
  const targetMask = new Float32Array(size * length);
  windows.forEach((w, b) => {
    const s = sequences[w.sequence] as LearnerSequence;
    const row = b * length;
    skills.set(s.skills.subarray(w.start, w.start + w.length), row);
    if (s.problems) problems.set(s.problems.subarray(w.start, w.start + w.length), row);
    for (let t = 0; t < w.length; t++) {
      correct[row + t] = s.correct[w.start + t] as number;
      if (t > 0) targetMask[row + t] = 1;
    }
  });
  return { size, length, skills, problems, correct, targetMask, windows };
}

/**
 * Batches of windows of similar length, so that a batch is padded to little more than its own longest
 * window (ASSIST2009's median sequence is 23 long, its longest windows 200). Batch order is shuffled
 * with `random` when given; membership of a batch is shuffled among equal lengths too.
 */
export function lengthBucketedBatches(
  sequences: readonly LearnerSequence[],
  maxLength: number,
  batchSize: number,
  random?: Random,
): SequenceBatch[] {
  const windows = windowsOf(sequences, maxLength);
  const ordered = (random ? shuffled(windows, random) : windows).sort((a, b) => a.length - b.length);
  const groups: Window[][] = [];
  for (let i = 0; i < ordered.length; i += batchSize) groups.push(ordered.slice(i, i + batchSize));
  const order = random ? shuffled(groups, random) : groups;
  return order.map((group) => buildBatch(sequences, group));
}

/** Number of predicted positions (interactions with a past) in a batch. */
export function targetCount(batch: SequenceBatch): number {
  let n = 0;
  for (const m of batch.targetMask) n += m;
  return n;
}
