import { asId, type ClassId, type UserId } from "@pathwise/domain";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { courseEstimator, type LearnerEstimate, learnerEstimate, placementPrior } from "./learner-estimate";
import { type CourseContext, loadCourse, loadLearnerRecord } from "./learning-context";
import type { MasteryEstimate } from "./learning-model";
import { placementStore } from "./learning-placement-store";

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** One learner's mastery per concept as the API shows it (the mastery endpoint and the class view). */
export function presentConceptMastery(context: CourseContext, estimate: MasteryEstimate) {
  return context.concepts.map((c) => ({
    conceptId: c.id,
    key: c.key,
    mastery: round(estimate.mastery.get(c.key) ?? 0),
    answers: estimate.answers.get(c.key) ?? 0,
    seededByPlacement: estimate.seeded.has(c.key),
  }));
}

/**
 * Every learner of a class × every concept of a course, in one request: the course is loaded once and
 * each learner's estimate comes from the same `learnerEstimate` the per-learner endpoint uses.
 */
export async function classMastery(deps: AppDeps, principal: Principal, classId: string, courseId: string) {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const members = await deps.repos.classes.members(asId<ClassId>(classId));
  const learners = [];
  for (const member of members.filter((m) => m.role === "learner")) {
    const user = await deps.repos.users.get(member.userId);
    const { estimate }: LearnerEstimate = await learnerEstimate(deps, tenantId, member.userId, context);
    learners.push({
      learnerId: member.userId,
      displayName: user?.displayName ?? "",
      concepts: presentConceptMastery(context, estimate),
    });
  }
  return {
    concepts: context.concepts.map((c) => ({ conceptId: c.id, key: c.key })),
    learners,
  };
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Mastery after each day on which the learner answered something: the learner's answers, oldest first,
 * replayed through the course's estimator (the champion's, else the interim BKT) up to the end of each day. A finished
 * placement test counts from the day of its last answer on, as it does for the current estimate. Each day
 * re-runs the estimator on the history so far — O(days × answers), which keeps any estimator (also a
 * trained model that is not a running update) usable unchanged.
 */
export async function masteryHistory(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
) {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const estimator = await courseEstimator(deps, tenantId, context);
  const record = await loadLearnerRecord(deps, tenantId, asId<UserId>(learnerId), context);
  const placement = await placementStore(deps.db).latest(tenantId, learnerId, courseId, "finished");
  const placementDay = placement?.responses.at(-1)?.at.slice(0, 10);
  const days = [...new Set(record.answers.map((a) => dayOf(a.at)))].sort();
  const series = new Map(context.concepts.map((c) => [c.key as string, [] as number[]]));
  let final: MasteryEstimate | undefined;
  for (const day of days) {
    const answers = record.answers.filter((a) => dayOf(a.at) <= day);
    const prior = placementDay !== undefined && placementDay <= day ? placementPrior(placement) : undefined;
    final = estimator(context, { answers, ratings: [] }, prior);
    for (const [key, values] of series) values.push(round(final.mastery.get(key) ?? 0));
  }
  return {
    days,
    concepts: context.concepts.map((c) => ({
      conceptId: c.id,
      key: c.key,
      answers: final?.answers.get(c.key) ?? 0,
      mastery: series.get(c.key) ?? [],
    })),
  };
}

/** The learners linked to the calling guardian. */
export async function guardianChildren(deps: AppDeps, principal: Principal) {
  return deps.repos.users.childrenOf(principal.user.id);
}
