import type { Rng } from "../random/prng";
import { type AbilityEstimate, type AbilityPosterior, abilityPosterior, type Response } from "./eap";
import { type IrtItem, probabilityCorrect } from "./irt";
import { type ItemSelector, minExpectedVarianceSelector } from "./selection";

export interface PlacementSettings {
  /** Stop when the standard error of θ̂ falls to this value or below. */
  readonly seThreshold: number;
  /** Stop after this many items whatever the standard error. */
  readonly maxItems: number;
  readonly selector: ItemSelector;
}

export const DEFAULT_PLACEMENT: PlacementSettings = {
  seThreshold: 0.3,
  maxItems: 30,
  selector: minExpectedVarianceSelector(5),
};

export type StopReason = "se-threshold" | "item-cap" | "bank-exhausted";

export interface PlacementResult extends AbilityEstimate {
  readonly itemsAdministered: number;
  readonly stopReason: StopReason | undefined;
}

/**
 * An adaptive placement test: EAP ability after each answer, next item by the selector, stop at the SE
 * threshold or the item cap. Pure state machine — the server stores the responses and replays them.
 */
export class PlacementTest {
  private readonly responses: Response[] = [];
  private readonly byId: ReadonlyMap<string, IrtItem>;
  private current: AbilityPosterior = abilityPosterior([]);
  private pendingItem: IrtItem | undefined;

  constructor(
    readonly bank: readonly IrtItem[],
    readonly settings: PlacementSettings = DEFAULT_PLACEMENT,
  ) {
    if (bank.length === 0) throw new Error("placement test needs a non-empty item bank");
    this.byId = new Map(bank.map((item) => [item.id, item]));
  }

  get estimate(): AbilityEstimate {
    return { theta: this.current.theta, se: this.current.se };
  }

  stopReason(): StopReason | undefined {
    if (this.responses.length >= this.settings.maxItems) return "item-cap";
    if (this.responses.length > 0 && this.current.se <= this.settings.seThreshold) return "se-threshold";
    if (this.responses.length >= this.bank.length) return "bank-exhausted";
    return undefined;
  }

  /** The next item to administer, or undefined once a stopping rule holds. */
  nextItem(rng: Rng): IrtItem | undefined {
    if (this.stopReason()) return undefined;
    if (this.pendingItem) return this.pendingItem;
    const used = new Set(this.responses.map((r) => r.item.id));
    const available = this.bank.filter((item) => !used.has(item.id));
    this.pendingItem = this.settings.selector.select(available, this.current, rng);
    return this.pendingItem;
  }

  answer(itemId: string, correct: boolean): AbilityEstimate {
    const item = this.byId.get(itemId);
    if (!item) throw new Error(`placement: item "${itemId}" is not in the bank`);
    if (this.responses.some((r) => r.item.id === itemId))
      throw new Error(`placement: item "${itemId}" was already answered`);
    if (this.stopReason()) throw new Error(`placement: the test has stopped (${this.stopReason()})`);
    this.responses.push({ item, correct });
    this.pendingItem = undefined;
    this.current = abilityPosterior(this.responses);
    return this.estimate;
  }

  result(): PlacementResult {
    return { ...this.estimate, itemsAdministered: this.responses.length, stopReason: this.stopReason() };
  }
}

/**
 * Seeds per-concept mastery from a placement result: the expected proportion correct on the concept's
 * calibrated items at θ̂ (the test characteristic curve restricted to the concept).
 */
export function masteryFromAbility(theta: number, itemsByConcept: ReadonlyMap<string, readonly IrtItem[]>) {
  const mastery = new Map<string, number>();
  for (const [concept, items] of itemsByConcept) {
    if (items.length === 0) continue;
    mastery.set(concept, items.reduce((s, item) => s + probabilityCorrect(item, theta), 0) / items.length);
  }
  return mastery;
}
