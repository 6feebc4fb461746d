import type { LearnerSequence } from "./sequence";

/**
 * A padded batch in row-major [batch, time] layout (index b * time + t). Ids are padded with 0, the
 * reserved padding id; `mask` is 1 on real positions and 0 on padding, so losses and metrics can skip it.
 */
export interface PaddedBatch {
  readonly batch: number;
  readonly time: number;
  /** Skill ids, shape [batch, time]. */
  readonly skills: Int32Array;
  /** Problem ids, shape [batch, time]; all 0 when the sequences have none. */
  readonly problems: Int32Array;
  /** 0/1 answers, shape [batch, time]; 0 on padding. */
  readonly correct: Uint8Array;
  /** 1 = real position, 0 = padding; shape [batch, time]. */
  readonly mask: Uint8Array;
  /** Real length of each row, shape [batch]. */
  readonly lengths: Int32Array;
}

/** Right-pads `sequences` to `time` (default: the longest); longer sequences are an error — window first. */
export function padBatch(sequences: readonly LearnerSequence[], time?: number): PaddedBatch {
  const width = time ?? Math.max(1, ...sequences.map((s) => s.correct.length));
  const batch = sequences.length;
  const skills = new Int32Array(batch * width);
  const problems = new Int32Array(batch * width);
  const correct = new Uint8Array(batch * width);
  const mask = new Uint8Array(batch * width);
  const lengths = new Int32Array(batch);
  sequences.forEach((sequence, b) => {
    const n = sequence.correct.length;
    if (n > width)
      throw new Error(
        `sequence "${sequence.learner}" has ${n} positions, more than the batch width ${width}`,
      );
    lengths[b] = n;
    skills.set(sequence.skills, b * width);
    correct.set(sequence.correct, b * width);
    if (sequence.problems) problems.set(sequence.problems, b * width);
    mask.fill(1, b * width, b * width + n);
  });
  return { batch, time: width, skills, problems, correct, mask, lengths };
}

/**
 * Splits 0..count-1 into batches of `batchSize`, shuffled by `random` when given (pass a seeded generator
 * for reproducible epochs). Shape: number of batches × up to batchSize indices.
 */
export function batchIndices(count: number, batchSize: number, random?: () => number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batch size ${batchSize} must be a positive integer`);
  const order = Array.from({ length: count }, (_, i) => i);
  if (random) {
    // Fisher-Yates shuffle.
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
  }
  const batches: number[][] = [];
  for (let start = 0; start < count; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/** Mulberry32: a small seeded PRNG returning floats in [0, 1), for reproducible shuffles. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
