/**
 * The two-parameter logistic IRT model (Birnbaum, 1968): P(correct | θ) = 1 / (1 + exp(−a(θ − b))),
 * a = discrimination, b = difficulty. The Rasch model is the special case a = 1.
 * Fisher information of an item at θ: I(θ) = a² P (1 − P) (Lord, 1980, ch. 5).
 */
export interface IrtItem {
  readonly id: string;
  /** Discrimination a > 0. */
  readonly a: number;
  /** Difficulty b, on the ability scale. */
  readonly b: number;
}

export function probabilityCorrect(item: IrtItem, theta: number): number {
  return 1 / (1 + Math.exp(-item.a * (theta - item.b)));
}

export function itemInformation(item: IrtItem, theta: number): number {
  const p = probabilityCorrect(item, theta);
  return item.a * item.a * p * (1 - p);
}

/** Gauss–Hermite-style rectangular quadrature of N(0, 1) on [−lim, lim]: nodes and normalized weights. */
export interface Quadrature {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

export function normalQuadrature(points = 61, limit = 5): Quadrature {
  const nodes = new Float64Array(points);
  const weights = new Float64Array(points);
  let total = 0;
  for (let q = 0; q < points; q++) {
    const x = -limit + (2 * limit * q) / (points - 1);
    nodes[q] = x;
    weights[q] = Math.exp(-0.5 * x * x);
    total += weights[q] as number;
  }
  for (let q = 0; q < points; q++) weights[q] = (weights[q] as number) / total;
  return { nodes, weights };
}
