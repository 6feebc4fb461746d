import { KSS_DIFFICULTY, KSS_MAX_ABILITY } from "./spec";
import { KSS_DAG } from "./structure";

/**
 * One simulated KSS learner: hidden abilities plus the last *effective* concept learned (the gate's anchor).
 * Every rule below is numbered as in SPEC.md "Learning a concept k".
 */
export class KssLearner {
  readonly abilities: number[];
  /** The last concept whose learning had an effect; undefined before the first learning step. */
  lastEffective: number | undefined = undefined;

  constructor(abilities: readonly number[]) {
    if (abilities.length !== KSS_DAG.size) {
      throw new Error(`KssLearner: expected ${KSS_DAG.size} abilities, got ${abilities.length}`);
    }
    this.abilities = [...abilities];
  }

  /** p(correct) on the test item of k: 0.25 + 0.75 / (1 + exp(−1.7·5·(a_k − d_k))). */
  correctProbability(k: number): number {
    const a = this.ability(k);
    const d = KSS_DIFFICULTY[k] ?? 0;
    return 0.25 + 0.75 / (1 + Math.exp(-1.7 * 5 * (a - d)));
  }

  /** The simulator's answer is deterministic: correct iff p ≥ 0.5. Testing never changes the learner. */
  answers(k: number): boolean {
    return this.correctProbability(k) >= 0.5;
  }

  /**
   * Rule 1, the gate: learning k has an effect only if k ∈ {p} ∪ succ(p) ∪ pred(p) ∪ pred(pred(p)) ∪ succ(pred(p)),
   * p the last effective concept. The very first concept learned is always effective.
   */
  isEffective(k: number): boolean {
    const p = this.lastEffective;
    if (p === undefined || k === p) return true;
    if (KSS_DAG.succ[p]?.includes(k)) return true;
    for (const q of KSS_DAG.pred[p] ?? []) {
      if (q === k) return true;
      if (KSS_DAG.pred[q]?.includes(k)) return true;
      if (KSS_DAG.succ[q]?.includes(k)) return true;
    }
    return false;
  }

  /** Learns concept k (rules 1–4). Returns true when the step had an effect. */
  learn(k: number): boolean {
    this.ability(k); // validates k
    if (!this.isEffective(k)) return false;
    // Rule 2, discount D = exp(Σ_{j ∈ pred(k)} (5 − a_j)).
    let exponent = 0;
    for (const j of KSS_DAG.pred[k] ?? []) exponent += KSS_MAX_ABILITY - this.ability(j);
    const discount = Math.exp(exponent);
    // Rule 3, increment g = 0.5·(5 − a_k)/D, capped at 5.
    const gain = (0.5 * (KSS_MAX_ABILITY - this.ability(k))) / discount;
    this.raise(k, gain);
    // Rule 4, spread g·0.5 to each successor, g·0.25 to theirs, …, once per path.
    this.spread(k, gain * 0.5);
    this.lastEffective = k;
    return true;
  }

  private spread(from: number, amount: number): void {
    for (const s of KSS_DAG.succ[from] ?? []) {
      this.raise(s, amount);
      this.spread(s, amount / 2);
    }
  }

  private raise(k: number, amount: number): void {
    this.abilities[k] = Math.min(KSS_MAX_ABILITY, this.ability(k) + amount);
  }

  private ability(k: number): number {
    const a = this.abilities[k];
    if (a === undefined) throw new Error(`KSS concept ${k} does not exist (ids are 0..${KSS_DAG.size - 1})`);
    return a;
  }
}
