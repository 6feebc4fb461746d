/**
 * The distribution of an exam's number-correct score from item-level probabilities.
 *
 * Given independent answers with success probabilities p_1..p_n, the score is Poisson-binomial; its pmf is
 * computed exactly by the standard O(n²) recursion (e.g. Hong, 2013, Comput. Stat. Data Anal. 59:41–51, the
 * "direct convolution" method). Answers of one learner are not independent in reality — they share the
 * learner's unknown ability — so `mixedScoreDistribution` integrates a learner-level logit shift
 * δ ~ N(0, σ²) (a random-effects / overdispersion correction, as in the Rasch mixed model), with σ chosen on
 * held-out learners.
 */
export function poissonBinomial(probabilities: readonly number[]): Float64Array {
  let pmf = new Float64Array([1]);
  for (const p of probabilities) {
    if (!(p >= 0 && p <= 1)) throw new Error(`item probability must be in [0, 1], got ${p}`);
    const next = new Float64Array(pmf.length + 1);
    for (let k = 0; k < pmf.length; k++) {
      next[k] = (next[k] as number) + (pmf[k] as number) * (1 - p);
      next[k + 1] = (next[k + 1] as number) + (pmf[k] as number) * p;
    }
    pmf = next;
  }
  return pmf;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Mixture over δ ~ N(0, σ²) on a 21-point grid over ±4σ; σ = 0 gives the plain Poisson-binomial. */
export function mixedScoreDistribution(probabilities: readonly number[], sigma: number): Float64Array {
  if (!(sigma >= 0)) throw new Error(`sigma must be ≥ 0, got ${sigma}`);
  if (sigma === 0) return poissonBinomial(probabilities);
  const clipped = probabilities.map((p) => Math.min(1 - 1e-6, Math.max(1e-6, p)));
  const total = new Float64Array(probabilities.length + 1);
  const points = 21;
  let mass = 0;
  for (let i = 0; i < points; i++) {
    const z = -4 + (8 * i) / (points - 1);
    const w = Math.exp(-0.5 * z * z);
    mass += w;
    const pmf = poissonBinomial(clipped.map((p) => sigmoid(logit(p) + sigma * z)));
    for (let k = 0; k < pmf.length; k++) total[k] = (total[k] as number) + w * (pmf[k] as number);
  }
  return total.map((x) => x / mass);
}

export function expectedValue(pmf: Float64Array): number {
  return pmf.reduce((s, p, k) => s + p * k, 0);
}

/**
 * Central interval [lo, hi] holding at least `level` of the mass: lo = the largest k with P(S < k) ≤ α/2,
 * hi = the smallest k with P(S > k) ≤ α/2 (α = 1 − level).
 */
export function centralInterval(pmf: Float64Array, level: number): [number, number] {
  const tail = (1 - level) / 2;
  let below = 0;
  let lo = 0;
  for (let k = 0; k < pmf.length; k++) {
    if (below + (pmf[k] as number) > tail + 1e-12) {
      lo = k;
      break;
    }
    below += pmf[k] as number;
  }
  let above = 0;
  let hi = pmf.length - 1;
  for (let k = pmf.length - 1; k >= 0; k--) {
    if (above + (pmf[k] as number) > tail + 1e-12) {
      hi = k;
      break;
    }
    above += pmf[k] as number;
  }
  return [lo, hi];
}
