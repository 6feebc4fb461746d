import { type IrtItem, normalQuadrature, probabilityCorrect, type Quadrature } from "./irt";

export interface Response {
  readonly item: IrtItem;
  readonly correct: boolean;
}

export interface AbilityEstimate {
  /** Posterior mean of θ (EAP). */
  readonly theta: number;
  /** Posterior standard deviation, the standard error of the EAP estimate. */
  readonly se: number;
}

/** The ability posterior on a quadrature grid, with its mean and standard deviation. */
export interface AbilityPosterior extends AbilityEstimate {
  readonly nodes: Float64Array;
  /** Posterior probabilities of the nodes (sum to 1). */
  readonly weights: Float64Array;
}

export const DEFAULT_QUADRATURE: Quadrature = normalQuadrature();

/**
 * Expected a posteriori ability (Bock & Mislevy, 1982): θ̂ = ∫ θ L(θ) φ(θ) dθ / ∫ L(θ) φ(θ) dθ with a standard
 * normal prior, computed on a quadrature grid. Unlike maximum likelihood it is finite for all-correct or
 * all-wrong patterns, which every adaptive test starts with.
 */
export function abilityPosterior(
  responses: readonly Response[],
  quadrature: Quadrature = DEFAULT_QUADRATURE,
): AbilityPosterior {
  const { nodes, weights: prior } = quadrature;
  const weights = new Float64Array(nodes.length);
  let maxLog = Number.NEGATIVE_INFINITY;
  for (let q = 0; q < nodes.length; q++) {
    let log = Math.log(prior[q] as number);
    for (const r of responses) {
      const p = probabilityCorrect(r.item, nodes[q] as number);
      log += Math.log(r.correct ? p : 1 - p);
    }
    weights[q] = log;
    if (log > maxLog) maxLog = log;
  }
  let mass = 0;
  for (let q = 0; q < nodes.length; q++) {
    weights[q] = Math.exp((weights[q] as number) - maxLog);
    mass += weights[q] as number;
  }
  for (let q = 0; q < nodes.length; q++) weights[q] = (weights[q] as number) / mass;
  return { nodes, weights, ...moments(nodes, weights) };
}

export function eapEstimate(responses: readonly Response[], quadrature?: Quadrature): AbilityEstimate {
  const { theta, se } = abilityPosterior(responses, quadrature);
  return { theta, se };
}

/** Mean and standard deviation of a distribution on the grid (weights need not be normalized). */
export function moments(nodes: Float64Array, weights: Float64Array): AbilityEstimate {
  let mass = 0;
  let mean = 0;
  let second = 0;
  for (let q = 0; q < nodes.length; q++) {
    const w = weights[q] as number;
    const x = nodes[q] as number;
    mass += w;
    mean += w * x;
    second += w * x * x;
  }
  mean /= mass;
  return { theta: mean, se: Math.sqrt(Math.max(0, second / mass - mean * mean)) };
}
