import type { RECOMMENDATION_RATINGS } from "@pathwise/contracts";
import { asId, type ItemId, itemObjectId, type StatementId, type UserId, VERBS } from "@pathwise/domain";
import {
  adaptTargetSuccess,
  type Feedback,
  type LearningPlan,
  planNextSteps,
  predictCorrect,
  predictExam,
  reviewAdvice,
} from "@pathwise/engine";
import { EventConflictError } from "@pathwise/storage";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";
import { learnerEstimate } from "./learner-estimate";
import { type CourseContext, itemConceptKeys, loadCourse, loadLearnerRecord } from "./learning-context";
import {
  type ConceptInfluences,
  INTERIM_MODEL,
  influentialAnswers,
  itemSuccess,
  type MasteryEstimate,
  reviewCards,
  reviewQueue,
} from "./learning-model";

/**
 * Learner-model-driven reads for one learner in one course (the policy table's `learner` rule has already
 * decided who may call them). Each loads the course and the learner's events, estimates mastery with the
 * interim model, and hands plain data to the engine.
 */
export interface LearnerSnapshot {
  readonly context: CourseContext;
  readonly estimate: MasteryEstimate;
  readonly ratings: readonly Feedback[];
  readonly recent: readonly { itemId: string; correct: boolean; at: Date }[];
  readonly queue: ReturnType<typeof reviewQueue>;
  /** The past answers that weighed most on each concept (computed when first asked for: the plan's "why"). */
  readonly influences: () => ConceptInfluences;
  readonly now: Date;
}

/** A lazily computed value: `compute` runs on the first call only. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: compute() };
    return value.v;
  };
}

/** The planner's base target is 0.7 (engine default); ratings move it (engine plan/difficulty.ts). */
const BASE_TARGET_SUCCESS = 0.7;
/**
 * Learner-level logit spread of the exam interval: 0.75, the value chosen by maximum likelihood on
 * validation learners for PFA on ASSIST2015 (docs/benchmarks/paths.md). Not re-calibrated for the interim
 * BKT model, so the interval's coverage for this model is not measured.
 */
const EXAM_SIGMA = 0.75;

export async function learnerSnapshot(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
): Promise<LearnerSnapshot> {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const { record, placement, estimate } = await learnerEstimate(deps, tenantId, learnerId, context);
  const now = deps.clock();
  return {
    context,
    estimate,
    ratings: record.ratings.map((r) => r.rating as Feedback),
    recent: record.answers.slice(-20).map(({ itemId, correct, at }) => ({ itemId, correct, at })),
    queue: reviewQueue(reviewCards(context, record.answers), now),
    influences: once(
      () =>
        estimate.influences?.() ??
        influentialAnswers(context, record, estimate, placement?.result ? placement.id : undefined),
    ),
    now,
  };
}

/** A goal the planner aims at: a concept key and who chose it. */
export interface PlanGoal {
  readonly concept: string;
  readonly source: "learner" | "teacher";
}

/**
 * Goals: the concept keys the request names; else the learner's open goals (use-cases/goals.ts, set by
 * them or by their teacher); else the course's goals (set by its authors/teachers).
 */
function planGoals(context: CourseContext, requested: string | undefined, learnerGoals: readonly PlanGoal[]) {
  if (requested) {
    const keys = requested.split(",");
    const unknown = keys.find((k) => !context.conceptByKey.has(k));
    if (unknown !== undefined)
      throw new ApiError("validation_failed", `querystring.goals: no concept "${unknown}" in this course`, {
        field: "querystring.goals",
      });
    return keys.map((concept) => ({ concept, source: "learner" as const }));
  }
  if (learnerGoals.length > 0) return [...learnerGoals];
  const targets = [...new Set(context.course.goals.flatMap((g) => g.targets as string[]))];
  const known = targets.filter((t) => context.conceptByKey.has(t));
  if (known.length > 0) return known.map((concept) => ({ concept, source: "teacher" as const }));
  // No course goals: aim at the course's final concepts (those no other concept requires).
  const required = new Set(context.concepts.flatMap((c) => context.graph.prerequisitesOf(c.key)));
  return context.concepts
    .map((c) => c.key as string)
    .filter((k) => !required.has(k))
    .map((concept) => ({ concept, source: "teacher" as const }));
}

export function buildPlan(
  snapshot: LearnerSnapshot,
  goalsQuery: string | undefined,
  horizon: number,
  learnerGoals: readonly PlanGoal[] = [],
) {
  const { context, estimate } = snapshot;
  const goals = planGoals(context, goalsQuery, learnerGoals);
  if (goals.length === 0) throw new ApiError("validation_failed", "This course has no concepts to plan for");
  const plan: LearningPlan = planNextSteps(context.graph, context.labels, {
    now: snapshot.now,
    goals,
    mastery: Object.fromEntries(estimate.mastery),
    items: context.items
      .map((item) => ({ id: item.id as string, concepts: itemConceptKeys(context, item) }))
      .filter((item) => item.concepts.length > 0),
    recent: [...snapshot.recent],
    reviews: snapshot.queue.due.map((r) => ({
      concept: r.concept,
      due: r.due,
      retrievability: r.retrievability,
    })),
    feedback: [...snapshot.ratings],
    influences: snapshot.influences(),
    settings: { horizon, masteryThreshold: 0.95, baseTargetSuccess: BASE_TARGET_SUCCESS },
  });
  return { goals, plan };
}

export function predictExamFor(
  snapshot: LearnerSnapshot,
  blueprint: { itemKeys?: string[] | undefined; conceptKeys?: string[] | undefined },
) {
  const { context, estimate } = snapshot;
  const itemByKey = new Map(context.items.map((i) => [i.key as string, i]));
  const entries = blueprint.itemKeys
    ? blueprint.itemKeys.map((key, i) => {
        const item = itemByKey.get(key);
        if (!item)
          throw new ApiError("validation_failed", `body.itemKeys.${i}: no item "${key}" in this course`, {
            field: `body.itemKeys.${i}`,
          });
        const concept = itemConceptKeys(context, item)[0] ?? key;
        return { id: key, concept, probability: itemSuccess(context, estimate, item.id) };
      })
    : (blueprint.conceptKeys ?? []).map((key, i) => {
        if (!context.conceptByKey.has(key))
          throw new ApiError(
            "validation_failed",
            `body.conceptKeys.${i}: no concept "${key}" in this course`,
            {
              field: `body.conceptKeys.${i}`,
            },
          );
        return {
          id: `${key}#${i}`,
          concept: key,
          probability: predictCorrect(estimate.mastery.get(key) ?? 0),
        };
      });
  return { prediction: predictExam(entries, EXAM_SIGMA), advice: reviewAdvice(entries, snapshot.queue.due) };
}

export type Rating = (typeof RECOMMENDATION_RATINGS)[number];

/**
 * Stores a learner's rating of a recommended item as an xAPI statement (verb `rated`, the rating in
 * `result.response`) and returns the planner's new target success, computed from all their ratings.
 */
export async function rateRecommendation(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  input: { id: string; itemId: string; rating: Rating },
) {
  const tenantId = principal.user.tenantId;
  const item = await deps.repos.content.getItem(tenantId, asId<ItemId>(input.itemId));
  if (!item) throw new ApiError("not_found", `No item ${input.itemId}`, { field: "body.itemId" });
  const id = asId<StatementId>(input.id);
  // A retry re-sends the same id at a later time: same learner, item and rating is the same rating.
  const existing = await deps.repos.events.get(tenantId, id);
  if (existing) {
    const s = existing.statement;
    const same =
      s.actor.id === learnerId &&
      s.verb.id === VERBS.rated &&
      s.object.id === itemObjectId(item.id) &&
      s.result?.response === input.rating;
    if (!same) throw new EventConflictError([id]);
  }
  const report = existing
    ? { results: [{ id, status: "unchanged" as const }] }
    : await deps.repos.events.append(tenantId, [
        {
          id,
          actor: { id: asId<UserId>(learnerId) },
          verb: { id: VERBS.rated },
          object: { id: itemObjectId(item.id) },
          result: { response: input.rating },
          timestamp: deps.clock().toISOString(),
        },
      ]);
  const context = await loadCourse(deps, tenantId, item.courseId);
  const record = await loadLearnerRecord(deps, tenantId, learnerId, context);
  return {
    status: report.results[0]?.status ?? "stored",
    targetSuccess: adaptTargetSuccess(
      BASE_TARGET_SUCCESS,
      record.ratings.map((r) => r.rating as Feedback),
    ),
  };
}

export { INTERIM_MODEL };
