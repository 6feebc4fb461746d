import type { ConceptGraph } from "@pathwise/domain";
import { predictCorrect } from "../mastery/bkt-tracker";
import { interleave } from "../review/interleave";
import { adaptTargetSuccess, closestToTarget } from "./difficulty";
import { type ConceptLabels, type Explanation, explain, type StepReasons } from "./explain";
import { type PlanRequest, type PlanRequestInput, PlanRequestSchema } from "./request";

export interface PlanStep {
  readonly kind: StepReasons["kind"];
  readonly concept: string;
  readonly itemId: string;
  readonly reasons: StepReasons;
  readonly explanation: Explanation;
}

export interface LearningPlan {
  readonly generatedAt: string;
  readonly targetSuccess: number;
  readonly steps: readonly PlanStep[];
}

type Item = PlanRequest["items"][number];
type Goal = PlanRequest["goals"][number];

/**
 * The learning-path planner for the platform: goals → concepts still missing through the prerequisite
 * closure → next concepts by expected learning gain, each with the item whose predicted success is closest to
 * the learner's target (desirable difficulty); teacher assignments first; due reviews interleaved by the rule
 * in review/interleave.ts; never the item just answered. Pure: the server passes the learner model's outputs.
 *
 * Expected gain of studying c (the same criterion as the simulator planner, policies/planner.ts):
 * (1 − P(L_c)) · Π_{p ∈ pred(c)} P(L_p) · (number of goals c serves); concepts serving a teacher's goal first.
 */
export function planNextSteps(
  graph: ConceptGraph<string>,
  labels: ConceptLabels,
  input: PlanRequestInput,
): LearningPlan {
  const request = PlanRequestSchema.parse(input);
  const { horizon, masteryThreshold, baseTargetSuccess } = request.settings;
  const targetSuccess = adaptTargetSuccess(baseTargetSuccess, request.feedback);
  const mastery = (c: string) => request.mastery[c] ?? 0;
  const success = (item: Item) =>
    item.predictedSuccess ?? predictCorrect(Math.min(...item.concepts.map((c) => mastery(c))));
  const itemsById = new Map(request.items.map((item) => [item.id, item]));
  const itemsByConcept = new Map<string, Item[]>();
  for (const item of request.items) {
    for (const c of item.concepts) {
      graph.closure([c]); // throws, naming an item concept missing from the graph
      itemsByConcept.set(c, [...(itemsByConcept.get(c) ?? []), item]);
    }
  }
  const goals = [
    ...request.goals.filter((g) => g.source === "teacher"),
    ...request.goals.filter((g) => g.source === "learner"),
  ];
  const goalClosures = goals.map((g) => new Set(graph.closure([g.concept])));
  const lastItem = request.recent.at(-1)?.itemId;
  const used = new Set<string>(lastItem ? [lastItem] : []);
  const pickItem = (concept: string) => {
    const item = closestToTarget(
      (itemsByConcept.get(concept) ?? []).filter((i) => !used.has(i.id)),
      success,
      targetSuccess,
    );
    if (item) used.add(item.id);
    return item;
  };
  const servedGoal = (concept: string): Goal | undefined =>
    goals.find((_, i) => goalClosures[i]?.has(concept));
  const reasonsFor = (kind: StepReasons["kind"], concept: string, item: Item): StepReasons => {
    const goal = servedGoal(concept);
    return {
      kind,
      ...(goal ? { goal } : {}),
      prerequisiteChain: goal ? chainTo(graph, concept, goal.concept) : [concept],
      prerequisitesPlannedEarlier: graph
        .prerequisitesOf(concept)
        .filter((p) => mastery(p) < masteryThreshold),
      mastery: round(mastery(concept)),
      predictedSuccess: round(success(item)),
      targetSuccess,
      influentialInteractions: [...(request.influences[concept] ?? [])]
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 3)
        .map((i) => ({ ...i, at: i.at.toISOString() })),
    };
  };
  const step = (reasons: StepReasons, concept: string, item: Item): PlanStep => ({
    kind: reasons.kind,
    concept,
    itemId: item.id,
    reasons,
    explanation: explain(concept, reasons, labels),
  });

  // 1. Teacher assignments, earliest due first.
  const assignments: PlanStep[] = [];
  const pending = [...request.assignments].sort(
    (a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity),
  );
  for (const a of pending) {
    if (a.itemId === lastItem || assignments.length >= horizon) continue;
    const item = itemsById.get(a.itemId);
    if (!item) throw new Error(`plan: assigned item "${a.itemId}" is not among the items`);
    used.add(item.id);
    const concept = item.concepts[0] as string;
    const reasons: StepReasons = {
      ...reasonsFor("assignment", concept, item),
      assignedBy: a.assignedBy,
      ...(a.due ? { assignmentDue: a.due.toISOString() } : {}),
    };
    assignments.push(step(reasons, concept, item));
  }

  // 2. New material along the prerequisite closure of the goals.
  const fresh = nextConcepts(graph, goals, goalClosures, mastery, masteryThreshold, horizon, pickItem);

  // 3. Due reviews, each with an item near the target difficulty.
  const reviews = request.reviews.flatMap((r) => {
    const item = pickItem(r.concept);
    return item ? [{ ...r, item }] : [];
  });

  const mixed = interleave(fresh, reviews, horizon - assignments.length).map((s) => {
    if (s.kind === "new")
      return step(reasonsFor("learn", s.step.concept, s.step.item), s.step.concept, s.step.item);
    const r = s.step;
    const reasons: StepReasons = {
      ...reasonsFor("review", r.concept, r.item),
      reviewDue: r.due.toISOString(),
      retrievability: round(r.retrievability),
    };
    return step(reasons, r.concept, r.item);
  });
  return { generatedAt: request.now.toISOString(), targetSuccess, steps: [...assignments, ...mixed] };
}

/** Plans up to `horizon` concepts, treating each planned concept as mastered when choosing the next. */
function nextConcepts(
  graph: ConceptGraph<string>,
  goals: readonly Goal[],
  goalClosures: readonly Set<string>[],
  mastery: (c: string) => number,
  threshold: number,
  horizon: number,
  pickItem: (concept: string) => Item | undefined,
): { concept: string; item: Item }[] {
  const order = graph.closure(goals.map((g) => g.concept));
  const position = new Map(order.map((c, i) => [c, i]));
  const planned = new Set<string>();
  const ready = (c: string) => mastery(c) >= threshold || planned.has(c);
  const out: { concept: string; item: Item }[] = [];
  for (;;) {
    if (out.length >= horizon) break;
    const frontier = order.filter((c) => !ready(c) && graph.prerequisitesOf(c).every(ready));
    if (frontier.length === 0) break;
    const score = (c: string) => {
      const readiness = graph
        .prerequisitesOf(c)
        .reduce((r, p) => r * (planned.has(p) ? threshold : mastery(p)), 1);
      const served = goalClosures.filter((s) => s.has(c)).length;
      const teacher = goals.some((g, i) => g.source === "teacher" && goalClosures[i]?.has(c)) ? 1 : 0;
      return { teacher, gain: (1 - mastery(c)) * readiness * served };
    };
    const best = [...frontier].sort((a, b) => {
      const sa = score(a);
      const sb = score(b);
      return sb.teacher - sa.teacher || sb.gain - sa.gain || (position.get(a) ?? 0) - (position.get(b) ?? 0);
    })[0] as string;
    planned.add(best);
    const item = pickItem(best);
    if (item) out.push({ concept: best, item });
  }
  return out;
}

/** Shortest chain concept → … → goal along prerequisite → dependent edges. */
function chainTo(graph: ConceptGraph<string>, from: string, goal: string): string[] {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length && !previous.has(goal); head++) {
    const c = queue[head] as string;
    for (const d of graph.dependentsOf(c)) {
      if (!previous.has(d)) {
        previous.set(d, c);
        queue.push(d);
      }
    }
  }
  if (!previous.has(goal)) return [from];
  const chain = [goal];
  while (chain[0] !== from) chain.unshift(previous.get(chain[0] as string) as string);
  return chain;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
