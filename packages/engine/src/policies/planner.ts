import { prerequisiteClosure, topologicalOrder } from "../graph/closure";
import { firstStepToward, structuralNeighbourhood } from "../graph/neighbourhood";
import { type BktParameters, DEFAULT_BKT, updateMastery } from "../mastery/bkt-tracker";
import type { Observation } from "../simulation/environment";
import type { EpisodeContext, PathPolicy, PolicyDefinition } from "./policy";

/**
 * The learning-path planner as a simulator policy. It sees only the graph, the goals and (concept, correct).
 *
 * Learner model: BKT per concept (Corbett & Anderson 1995) whose learning rate is scaled by prerequisite
 * readiness Π_{j ∈ pred(k)} P(L_j) (knowledge-structure assumption, Liu et al. KDD 2019).
 * Plan, at every step:
 *  1. pending goals → their prerequisite closure (the concepts still in play);
 *  2. mastery learning (Bloom 1968; BKT mastery threshold 0.95 as in the Cognitive Tutors): a concept that
 *     other pending concepts depend on is done at P(L) ≥ `prerequisiteMastery`; a goal nothing depends on is
 *     done once answered correctly with P(L) ≥ `goalMastery`;
 *  3. the frontier = concepts not done whose prerequisites are all done; keep studying the current concept
 *     while it is on the frontier (finish before moving on), else pick the frontier concept of largest
 *     expected gain P(T)·readiness·(1 − P(L))·(pending goals it serves), preferring the structural
 *     neighbourhood of the last step and routing through it otherwise;
 *  4. after `maxFailures` wrong answers in a row on a concept the learner is stuck. If the concept has
 *     prerequisites they were weaker than believed: their mastery estimates are halved so they get
 *     consolidated again (remediation). A stuck root makes the planner step back to a concept the learner worked on
 *     before (most recent first) and approaches the target again from there (bridging from familiar material).
 */
export interface PlannerSettings {
  readonly bkt: BktParameters;
  readonly prerequisiteMastery: number;
  readonly goalMastery: number;
  readonly maxFailures: number;
  /** Keep consecutive steps inside the structural neighbourhood (see graph/neighbourhood.ts). */
  readonly coherent: boolean;
}

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = {
  bkt: DEFAULT_BKT,
  prerequisiteMastery: 0.95,
  goalMastery: 0.5,
  maxFailures: 3,
  coherent: true,
};

class MasteryPathPlanner implements PathPolicy {
  private readonly mastery: number[];
  private readonly lastCorrect: (boolean | undefined)[];
  private readonly failStreak: number[];
  private readonly order: number[];
  private anchor: number | undefined;
  /** Concepts the learner has studied, most recent last (for stepping back when stuck). */
  private readonly studied: number[] = [];
  private readonly triedAnchors = new Set<number>();

  constructor(
    private readonly context: EpisodeContext,
    private readonly settings: PlannerSettings,
  ) {
    const size = context.graph.size;
    this.mastery = new Array<number>(size).fill(settings.bkt.init);
    this.lastCorrect = new Array<boolean | undefined>(size).fill(undefined);
    this.failStreak = new Array<number>(size).fill(0);
    this.order = topologicalOrder(context.graph);
    for (const o of context.history) this.track(o);
    // The last correct answer is the best evidence of where effective study last happened …
    this.anchor = context.history.findLast((o) => o.correct)?.concept ?? context.history.at(-1)?.concept;
    // … unless the history ends with the learner stuck on a concept.
    const last = context.history.at(-1)?.concept;
    if (last !== undefined && (this.failStreak[last] ?? 0) >= settings.maxFailures) this.unstick(last);
  }

  observe(o: Observation): void {
    this.track(o);
    if ((this.failStreak[o.concept] ?? 0) >= this.settings.maxFailures) this.unstick(o.concept);
  }

  /** Updates the learner model from one observation. */
  private track(o: Observation): void {
    const readiness = this.readiness(o.concept);
    this.mastery[o.concept] = updateMastery(
      this.mastery[o.concept] ?? 0,
      o.correct,
      this.settings.bkt,
      readiness,
    );
    this.lastCorrect[o.concept] = o.correct;
    this.failStreak[o.concept] = o.correct ? 0 : (this.failStreak[o.concept] ?? 0) + 1;
    this.anchor = o.concept;
    const at = this.studied.lastIndexOf(o.concept);
    if (at >= 0) this.studied.splice(at, 1);
    this.studied.push(o.concept);
    if (o.correct) this.triedAnchors.clear();
  }

  private unstick(k: number): void {
    this.failStreak[k] = 0;
    const prerequisites = this.context.graph.pred[k] ?? [];
    if (prerequisites.length > 0) {
      for (const j of prerequisites) this.mastery[j] = (this.mastery[j] ?? 0) / 2;
      return;
    }
    this.triedAnchors.add(k);
    const back = this.studied.findLast((c) => !this.triedAnchors.has(c));
    if (back !== undefined) {
      this.triedAnchors.add(back);
      this.anchor = back;
    }
  }

  next(): number {
    const { graph, goals } = this.context;
    const pending = goals.filter((g) => !this.isDone(g, false));
    const targets = pending.length > 0 ? pending : goals;
    const closure = prerequisiteClosure(graph, targets);
    const done = this.doneWithin(closure);
    const frontier = this.order.filter(
      (k) => closure.has(k) && !done.has(k) && (graph.pred[k] ?? []).every((j) => done.has(j)),
    );
    const anchor = this.anchor;
    if (anchor !== undefined && frontier.includes(anchor) && !this.triedAnchors.has(anchor)) return anchor;
    const best = this.bestByGain(frontier, targets, anchor) ?? (targets[0] as number);
    if (!this.settings.coherent || anchor === undefined) return best;
    return firstStepToward(graph, anchor, best);
  }

  /** Frontier concept of largest expected gain, neighbourhood first; ties go to topological order. */
  private bestByGain(frontier: readonly number[], targets: readonly number[], anchor: number | undefined) {
    const near = anchor === undefined ? undefined : structuralNeighbourhood(this.context.graph, anchor);
    const pool = this.settings.coherent && near ? frontier.filter((k) => near.has(k)) : [];
    const candidates = pool.length > 0 ? pool : frontier;
    const served = (k: number) =>
      targets.filter((g) => prerequisiteClosure(this.context.graph, [g]).has(k)).length;
    let best: number | undefined;
    let bestGain = Number.NEGATIVE_INFINITY;
    for (const k of candidates) {
      const gain = this.settings.bkt.learn * this.readiness(k) * (1 - (this.mastery[k] ?? 0)) * served(k);
      if (gain > bestGain + 1e-12) {
        best = k;
        bestGain = gain;
      }
    }
    return best;
  }

  /** Done concepts of the closure, deciding in reverse topological order (dependents first). */
  private doneWithin(closure: ReadonlySet<number>): Set<number> {
    const done = new Set<number>();
    for (const k of [...this.order].reverse()) {
      if (!closure.has(k)) continue;
      const hasPendingDependent = (this.context.graph.succ[k] ?? []).some(
        (s) => closure.has(s) && !done.has(s),
      );
      if (this.isDone(k, hasPendingDependent)) done.add(k);
    }
    return done;
  }

  private isDone(k: number, asPrerequisite: boolean): boolean {
    const needed = asPrerequisite ? this.settings.prerequisiteMastery : this.settings.goalMastery;
    return this.lastCorrect[k] === true && (this.mastery[k] ?? 0) >= needed;
  }

  private readiness(k: number): number {
    return (this.context.graph.pred[k] ?? []).reduce((r, j) => r * (this.mastery[j] ?? 0), 1);
  }
}

export function plannerPolicy(
  name: string,
  description: string,
  settings: PlannerSettings,
): PolicyDefinition {
  return { name, description, create: (context) => new MasteryPathPlanner(context, settings) };
}

export const masteryPlannerPolicy = plannerPolicy(
  "planner",
  "BKT mastery + prerequisite closure + expected gain, coherent steps through the knowledge structure",
  DEFAULT_PLANNER_SETTINGS,
);
