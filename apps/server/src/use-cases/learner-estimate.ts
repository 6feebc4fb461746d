import type { CourseId, TenantId } from "@pathwise/domain";
import type { AppDeps } from "../deps";
import { championEstimate, servedAnswers, servedModelInfo } from "../learner-model/live-estimate";
import type { FoldedHistory, ServedModel } from "../learner-model/serving";
import { type CourseContext, type LearnerRecord, loadLearnerRecord } from "./learning-context";
import {
  estimateMastery,
  INTERIM_MODEL,
  type LearnerModelInfo,
  type MasteryEstimate,
} from "./learning-model";
import { type PlacementSession, placementStore } from "./learning-placement-store";

/**
 * A learner model as the learning API uses it: the course, the learner's answers and, after a finished
 * placement test, its seeded prior → mastery per concept. The course's trained champion when it has one
 * (learner-model/live-estimate.ts), else the interim BKT (`estimateMastery`).
 */
export type MasteryEstimator = typeof estimateMastery;

export interface LearnerEstimate {
  readonly record: LearnerRecord;
  readonly placement: PlacementSession | undefined;
  readonly estimate: MasteryEstimate;
  /** The champion that produced the estimate and the learner's state under it (absent: interim BKT). */
  readonly served?: { readonly model: ServedModel; readonly history: FoldedHistory };
}

/** The placement argument of an estimator: the finished test's id and result, if there is one. */
export function placementPrior(placement: PlacementSession | undefined) {
  return placement?.result ? { sessionId: placement.id, result: placement.result } : undefined;
}

/**
 * One learner's mastery in an already loaded course. Every per-learner mastery the API reports (the
 * learner's own, the class view, goals) goes through this, so they cannot disagree.
 */
export async function learnerEstimate(
  deps: AppDeps,
  tenantId: TenantId,
  learnerId: string,
  context: CourseContext,
): Promise<LearnerEstimate> {
  const record = await loadLearnerRecord(deps, tenantId, learnerId, context);
  const placement = await placementStore(deps.db).latest(tenantId, learnerId, context.course.id, "finished");
  const prior = placementPrior(placement);
  const model = await deps.modelServing.champion(tenantId, context.course.id);
  if (!model) return { record, placement, estimate: estimateMastery(context, record, prior) };
  const history = deps.modelServing.learnerHistory(model, learnerId, servedAnswers(context, record));
  return {
    record,
    placement,
    estimate: championEstimate(context, record, prior, model, history),
    served: { model, history },
  };
}

/**
 * The estimator for replays of a course's learners (e.g. mastery over time): the champion folded afresh
 * over each replayed history when the course has one, else the interim BKT.
 */
export async function courseEstimator(
  deps: AppDeps,
  tenantId: TenantId,
  context: CourseContext,
): Promise<MasteryEstimator> {
  const served = await deps.modelServing.champion(tenantId, context.course.id);
  return served ? (ctx, record, prior) => championEstimate(ctx, record, prior, served) : estimateMastery;
}

/** The model the course's estimates come from now, as responses name it. */
export async function courseModelInfo(
  deps: AppDeps,
  tenantId: TenantId,
  courseId: CourseId,
): Promise<LearnerModelInfo> {
  const served = await deps.modelServing.champion(tenantId, courseId);
  return served ? servedModelInfo(served) : INTERIM_MODEL;
}
