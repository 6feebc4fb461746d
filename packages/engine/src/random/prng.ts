/**
 * Seeded pseudo-random numbers for simulations.
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021),
 * seeded by expanding a 32-bit seed with SplitMix32. Why this one: 128 bits of state (period 2^128 − 1,
 * so 4,000 episodes × thousands of draws never come close to wrapping), it passes BigCrush, it needs only
 * 32-bit integer arithmetic (`Math.imul`, shifts) so it is exact and fast in JavaScript, and the same seed
 * gives the same stream on every platform — unlike `Math.random`, which cannot be seeded.
 */
export interface Rng {
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
}

function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return function nextSplitMix() {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a xoshiro128** generator from a 32-bit integer seed. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`createRng: seed must be an integer, got ${seed}`);
  const expand = splitMix32(seed);
  let s0 = expand();
  let s1 = expand();
  let s2 = expand();
  let s3 = expand();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  }

  const rng: Rng = {
    next: () => nextUint32() / 4294967296,
    int(lo, hi) {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
        throw new Error(`Rng.int: need integers lo <= hi, got [${lo}, ${hi}]`);
      }
      return lo + Math.floor(rng.next() * (hi - lo + 1));
    },
    normal() {
      const u = 1 - rng.next(); // (0, 1]: log(u) is finite
      const v = rng.next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Derives an independent stream seed for episode `index` of a run seeded with `seed`. */
export function deriveSeed(seed: number, index: number): number {
  return splitMix32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)();
}
