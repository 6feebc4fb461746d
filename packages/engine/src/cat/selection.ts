import type { Rng } from "../random/prng";
import type { AbilityPosterior } from "./eap";
import { type IrtItem, itemInformation, probabilityCorrect } from "./irt";

/** Chooses the next item from those not yet administered, given the current ability posterior. */
export interface ItemSelector {
  readonly name: string;
  select(available: readonly IrtItem[], posterior: AbilityPosterior, rng: Rng): IrtItem;
}

/**
 * Randomesque exposure control (Kingsbury & Zara, 1989): pick uniformly among the `top` best items by a
 * criterion, so the single best item is not given to everyone with the same provisional estimate.
 */
function randomesque(
  name: string,
  top: number,
  score: (item: IrtItem, posterior: AbilityPosterior) => number,
) {
  if (!Number.isInteger(top) || top < 1)
    throw new Error(`randomesque group size must be an integer ≥ 1, got ${top}`);
  const selector: ItemSelector = {
    name: top === 1 ? name : `${name}-randomesque-${top}`,
    select(available, posterior, rng) {
      const scored = available.map((item) => ({ item, score: score(item, posterior) }));
      scored.sort((x, y) => y.score - x.score);
      return scored[rng.int(0, Math.min(top, scored.length) - 1)]?.item as IrtItem;
    },
  };
  return selector;
}

/** Maximum Fisher information at the current estimate θ̂ (Lord, 1980). */
export function maxInformationSelector(top = 5): ItemSelector {
  return randomesque("max-information", top, (item, posterior) => itemInformation(item, posterior.theta));
}

/**
 * Minimum expected posterior variance (van der Linden, 1998, "Bayesian item selection criteria for adaptive
 * testing", Psychometrika 63:201–216): the item whose answer, averaged over its predictive distribution,
 * leaves the smallest posterior variance of θ — the one-step Bayes-optimal choice for an EAP estimate.
 */
export function minExpectedVarianceSelector(top = 5): ItemSelector {
  return randomesque(
    "min-expected-posterior-variance",
    top,
    (item, posterior) => -expectedPosteriorVariance(item, posterior),
  );
}

export function expectedPosteriorVariance(item: IrtItem, posterior: AbilityPosterior): number {
  const { nodes, weights } = posterior;
  let pCorrect = 0;
  let m1 = 0;
  let s1 = 0;
  let m0 = 0;
  let s0 = 0;
  for (let q = 0; q < nodes.length; q++) {
    const x = nodes[q] as number;
    const w = weights[q] as number;
    const p = probabilityCorrect(item, x);
    pCorrect += w * p;
    m1 += w * p * x;
    s1 += w * p * x * x;
    m0 += w * (1 - p) * x;
    s0 += w * (1 - p) * x * x;
  }
  const pWrong = 1 - pCorrect;
  const varCorrect = s1 / pCorrect - (m1 / pCorrect) ** 2;
  const varWrong = s0 / pWrong - (m0 / pWrong) ** 2;
  return pCorrect * varCorrect + pWrong * varWrong;
}

/** Uniformly random item: the comparison point for adaptive selection. */
export const randomSelector: ItemSelector = {
  name: "random",
  select: (available, _posterior, rng) => available[rng.int(0, available.length - 1)] as IrtItem,
};
