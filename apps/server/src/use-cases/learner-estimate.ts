import type { TenantId } from "@pathwise/domain";
import type { AppDeps } from "../deps";
import { type CourseContext, type LearnerRecord, loadLearnerRecord } from "./learning-context";
import { estimateMastery, type MasteryEstimate } from "./learning-model";
import { type PlacementSession, placementStore } from "./learning-placement-store";

/**
 * A learner model as the learning API uses it: the course, the learner's answers and, after a finished
 * placement test, its seeded prior → mastery per concept. `estimateMastery` (interim BKT) is the default;
 * the trained knowledge-tracing models of issue 4 plug in here.
 */
export type MasteryEstimator = typeof estimateMastery;

export interface LearnerEstimate {
  readonly record: LearnerRecord;
  readonly placement: PlacementSession | undefined;
  readonly estimate: MasteryEstimate;
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
  estimator: MasteryEstimator = estimateMastery,
): Promise<LearnerEstimate> {
  const record = await loadLearnerRecord(deps, tenantId, learnerId, context);
  const placement = await placementStore(deps.db).latest(tenantId, learnerId, context.course.id, "finished");
  return { record, placement, estimate: estimator(context, record, placementPrior(placement)) };
}
