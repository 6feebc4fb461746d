import { type IrtItem, normalQuadrature, type Quadrature } from "./irt";

/** One examinee's answers: item index into the bank being calibrated, and correctness. */
export type ResponsePattern = readonly (readonly [item: number, correct: boolean])[];

export interface CalibrationOptions {
  readonly maxIterations?: number;
  /** Stop when no parameter moves more than this between EM cycles. */
  readonly tolerance?: number;
  readonly quadrature?: Quadrature;
}

export interface CalibrationResult {
  readonly items: IrtItem[];
  readonly iterations: number;
  readonly converged: boolean;
  /** Marginal log-likelihood at the final parameters. */
  readonly logLikelihood: number;
}

const MIN_A = 0.2;
const MAX_A = 4;

/**
 * 2PL item calibration by marginal maximum likelihood with the EM algorithm (Bock & Aitkin, 1981,
 * Psychometrika 46:443–459): abilities are integrated out over a N(0, 1) quadrature grid; the E-step gives
 * each examinee's posterior over the grid, hence expected counts n_iq (examinees at node q who answered item i)
 * and r_iq (of them, correct); the M-step maximizes Σ_q r_iq log P_iq + (n_iq − r_iq) log(1 − P_iq) per item by
 * Newton–Raphson in the slope–intercept form aθ + c (b = −c/a). Missing answers are simply absent from a pattern.
 */
export function calibrate2pl(
  itemIds: readonly string[],
  patterns: readonly ResponsePattern[],
  options: CalibrationOptions = {},
): CalibrationResult {
  const quadrature = options.quadrature ?? normalQuadrature(41, 4);
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-4;
  const { nodes, weights } = quadrature;
  const Q = nodes.length;
  const I = itemIds.length;
  for (const [p, pattern] of patterns.entries()) {
    for (const [i] of pattern) {
      if (!Number.isInteger(i) || i < 0 || i >= I)
        throw new Error(`pattern ${p}: item index ${i} outside 0..${I - 1}`);
    }
  }
  const slope = new Float64Array(I).fill(1);
  const intercept = initialIntercepts(I, patterns);
  const logP = new Float64Array(I * Q);
  const logQ = new Float64Array(I * Q);
  let iterations = 0;
  let converged = false;
  let logLikelihood = Number.NEGATIVE_INFINITY;
  while (iterations < maxIterations && !converged) {
    iterations++;
    fillLogProbabilities(slope, intercept, nodes, logP, logQ);
    const n = new Float64Array(I * Q);
    const r = new Float64Array(I * Q);
    logLikelihood = expectationStep(patterns, weights, logP, logQ, n, r);
    let change = 0;
    for (let i = 0; i < I; i++) {
      const [a, c] = maximizeItem(slope[i] as number, intercept[i] as number, nodes, n, r, i * Q);
      change = Math.max(change, Math.abs(a - (slope[i] as number)), Math.abs(c - (intercept[i] as number)));
      slope[i] = a;
      intercept[i] = c;
    }
    converged = change < tolerance;
  }
  const items = itemIds.map((id, i) => ({
    id,
    a: slope[i] as number,
    b: -(intercept[i] as number) / (slope[i] as number),
  }));
  return { items, iterations, converged, logLikelihood };
}

/** Start from a = 1 and b = −logit(proportion correct), smoothed so all-correct items stay finite. */
function initialIntercepts(I: number, patterns: readonly ResponsePattern[]): Float64Array {
  const correct = new Float64Array(I).fill(0.5);
  const seen = new Float64Array(I).fill(1);
  for (const pattern of patterns) {
    for (const [i, c] of pattern) {
      seen[i] = (seen[i] as number) + 1;
      if (c) correct[i] = (correct[i] as number) + 1;
    }
  }
  return correct.map((k, i) => Math.log(k / ((seen[i] as number) - k)));
}

function fillLogProbabilities(
  slope: Float64Array,
  intercept: Float64Array,
  nodes: Float64Array,
  logP: Float64Array,
  logQ: Float64Array,
): void {
  const Q = nodes.length;
  for (let i = 0; i < slope.length; i++) {
    for (let q = 0; q < Q; q++) {
      const z = (slope[i] as number) * (nodes[q] as number) + (intercept[i] as number);
      // log σ(z) and log σ(−z), computed stably.
      const softplusNeg = z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
      logP[i * Q + q] = -softplusNeg;
      logQ[i * Q + q] = -softplusNeg - z;
    }
  }
}

function expectationStep(
  patterns: readonly ResponsePattern[],
  weights: Float64Array,
  logP: Float64Array,
  logQ: Float64Array,
  n: Float64Array,
  r: Float64Array,
): number {
  const Q = weights.length;
  const post = new Float64Array(Q);
  let total = 0;
  for (const pattern of patterns) {
    let max = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < Q; q++) {
      let log = Math.log(weights[q] as number);
      for (const [i, c] of pattern) log += (c ? logP : logQ)[i * Q + q] as number;
      post[q] = log;
      if (log > max) max = log;
    }
    let mass = 0;
    for (let q = 0; q < Q; q++) {
      post[q] = Math.exp((post[q] as number) - max);
      mass += post[q] as number;
    }
    total += max + Math.log(mass);
    for (let q = 0; q < Q; q++) post[q] = (post[q] as number) / mass;
    for (const [i, c] of pattern) {
      for (let q = 0; q < Q; q++) {
        n[i * Q + q] = (n[i * Q + q] as number) + (post[q] as number);
        if (c) r[i * Q + q] = (r[i * Q + q] as number) + (post[q] as number);
      }
    }
  }
  return total;
}

/** Newton–Raphson on (a, c) for one item's expected complete-data log-likelihood; a kept in [0.2, 4]. */
function maximizeItem(
  a0: number,
  c0: number,
  nodes: Float64Array,
  n: Float64Array,
  r: Float64Array,
  offset: number,
): [number, number] {
  let a = a0;
  let c = c0;
  for (let step = 0; step < 10; step++) {
    let ga = 0;
    let gc = 0;
    let haa = 0;
    let hac = 0;
    let hcc = 0;
    for (let q = 0; q < nodes.length; q++) {
      const x = nodes[q] as number;
      const nq = n[offset + q] as number;
      const p = 1 / (1 + Math.exp(-(a * x + c)));
      const residual = (r[offset + q] as number) - nq * p;
      const w = nq * p * (1 - p);
      ga += residual * x;
      gc += residual;
      haa += w * x * x;
      hac += w * x;
      hcc += w;
    }
    const det = haa * hcc - hac * hac;
    if (!(det > 1e-12)) break;
    const da = (hcc * ga - hac * gc) / det;
    const dc = (haa * gc - hac * ga) / det;
    a = Math.min(MAX_A, Math.max(MIN_A, a + da));
    c += dc;
    if (Math.abs(da) < 1e-8 && Math.abs(dc) < 1e-8) break;
  }
  return [a, c];
}
