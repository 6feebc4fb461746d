import { type CreateGoalRequest, GOAL_MASTERY_THRESHOLD, type GoalView } from "@pathwise/contracts";
import {
  asId,
  type ClassId,
  type ConceptId,
  type CourseId,
  type TenantId,
  type UserId,
} from "@pathwise/domain";
import { goalRepository, type NewGoal, type StoredGoal } from "@pathwise/storage";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { ApiError } from "../http/errors";
import { learnerEstimate } from "./learner-estimate";
import type { PlanGoal } from "./learning";
import { type CourseContext, loadCourse } from "./learning-context";
import type { MasteryEstimate } from "./learning-model";

/**
 * Learning goals (issue 6). A goal is achieved when the learner model puts every one of its concepts in the
 * mastered band (P ≥ 0.95). That transition is stored lazily: whenever a learner's goals are read (the
 * goal list, the plan), open goals that now qualify are closed as `achieved` with the read's time. It is
 * stored rather than recomputed so an achievement stays one even if a later slip lowers the estimate.
 */

const isMastered = (estimate: MasteryEstimate, key: string) =>
  (estimate.mastery.get(key) ?? 0) >= GOAL_MASTERY_THRESHOLD;

function conceptKeys(context: CourseContext, goal: StoredGoal): string[] {
  return goal.conceptIds.flatMap((id) => {
    const key = context.keyOfConcept.get(id);
    return key === undefined ? [] : [key];
  });
}

/** Closes the open goals whose concepts are all mastered now; returns every goal as stored afterwards. */
async function refreshGoals(
  deps: AppDeps,
  tenantId: TenantId,
  learnerId: string,
  context: CourseContext,
  estimate: MasteryEstimate,
): Promise<StoredGoal[]> {
  const goals = await deps.repos.goals.listForLearner(tenantId, asId<UserId>(learnerId), context.course.id);
  const now = deps.clock();
  return Promise.all(
    goals.map(async (goal) => {
      const keys = conceptKeys(context, goal);
      const reached = goal.status === "open" && keys.length > 0 && keys.every((k) => isMastered(estimate, k));
      if (!reached) return goal;
      return (await deps.repos.goals.close(tenantId, goal.id, "achieved", now)) ?? goal;
    }),
  );
}

/** The open goals' concepts for the planner, each once (a learner's own choice wins over staff's). */
export async function openGoalTargets(
  deps: AppDeps,
  tenantId: TenantId,
  learnerId: string,
  context: CourseContext,
  estimate: MasteryEstimate,
): Promise<PlanGoal[]> {
  const goals = await refreshGoals(deps, tenantId, learnerId, context, estimate);
  const targets = new Map<string, PlanGoal["source"]>();
  for (const goal of goals.filter((g) => g.status === "open")) {
    const source = goal.setByRole === "learner" ? "learner" : "teacher";
    for (const concept of conceptKeys(context, goal))
      if (targets.get(concept) !== "learner") targets.set(concept, source);
  }
  return [...targets].map(([concept, source]) => ({ concept, source }));
}

async function presentGoals(
  deps: AppDeps,
  context: CourseContext,
  estimate: MasteryEstimate,
  goals: readonly StoredGoal[],
): Promise<GoalView[]> {
  const setters = new Map<string, string>();
  for (const id of new Set(goals.map((g) => g.setBy))) {
    setters.set(id, (await deps.repos.users.get(id))?.displayName ?? "");
  }
  return goals.map((goal) => {
    const concepts = goal.conceptIds.map((conceptId) => {
      const key = context.keyOfConcept.get(conceptId) ?? conceptId;
      const mastery = Math.round((estimate.mastery.get(key) ?? 0) * 1e4) / 1e4;
      return { conceptId, key, mastery, mastered: isMastered(estimate, key) };
    });
    return {
      id: goal.id,
      learnerId: goal.learnerId,
      courseId: goal.courseId,
      concepts,
      setBy: { id: goal.setBy, displayName: setters.get(goal.setBy) ?? "", role: goal.setByRole },
      note: goal.note,
      targetDate: goal.targetDate,
      status: goal.status,
      progress: { mastered: concepts.filter((c) => c.mastered).length, total: concepts.length },
      createdAt: goal.createdAt.toISOString(),
      closedAt: goal.closedAt?.toISOString() ?? null,
    };
  });
}

/** Every goal of the learner in the course, oldest first, with each concept's current mastery. */
export async function listGoals(deps: AppDeps, principal: Principal, learnerId: string, courseId: string) {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const { estimate } = await learnerEstimate(deps, tenantId, learnerId, context);
  const goals = await refreshGoals(deps, tenantId, learnerId, context, estimate);
  return presentGoals(deps, context, estimate, goals);
}

/** The concept ids of a request, each checked to belong to the course (nothing stored otherwise). */
function courseConcepts(context: CourseContext, ids: readonly string[]): ConceptId[] {
  return ids.map((id, i) => {
    if (!context.keyOfConcept.has(asId<ConceptId>(id)))
      throw new ApiError("validation_failed", `body.conceptIds.${i}: no concept ${id} in this course`, {
        field: `body.conceptIds.${i}`,
      });
    return asId<ConceptId>(id);
  });
}

function newGoal(
  principal: Principal,
  learnerId: string,
  courseId: CourseId,
  conceptIds: ConceptId[],
  input: CreateGoalRequest,
): NewGoal {
  const role = principal.user.role;
  if (role === "guardian") throw new ApiError("forbidden", "A guardian may not set goals");
  return {
    tenantId: principal.user.tenantId,
    learnerId: asId<UserId>(learnerId),
    courseId,
    conceptIds,
    setBy: principal.user.id,
    setByRole: role,
    note: input.note,
    targetDate: input.targetDate,
  };
}

/** A goal for one learner, set by them or (policy table) by their teacher or an admin. */
export async function createGoal(
  deps: AppDeps,
  principal: Principal,
  learnerId: string,
  courseId: string,
  input: CreateGoalRequest,
): Promise<GoalView> {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const conceptIds = courseConcepts(context, input.conceptIds);
  const goal = await deps.repos.goals.create(
    newGoal(principal, learnerId, context.course.id, conceptIds, input),
  );
  const { estimate } = await learnerEstimate(deps, tenantId, learnerId, context);
  const [view] = await presentGoals(deps, context, estimate, [goal]);
  if (!view) throw new Error("presenting one goal gave none");
  return view;
}

/**
 * The same goal for every learner enrolled in the class, in one transaction: all are stored or none.
 * Views report each learner's current mastery of the goal's concepts.
 */
export async function createClassGoal(
  deps: AppDeps,
  principal: Principal,
  classId: string,
  courseId: string,
  input: CreateGoalRequest,
): Promise<GoalView[]> {
  const tenantId = principal.user.tenantId;
  const context = await loadCourse(deps, tenantId, courseId);
  const conceptIds = courseConcepts(context, input.conceptIds);
  const learners = (await deps.repos.classes.members(asId<ClassId>(classId))).filter(
    (member) => member.role === "learner",
  );
  const stored = await deps.db.transaction((tx) =>
    goalRepository(tx).createMany(
      learners.map((member) => newGoal(principal, member.userId, context.course.id, conceptIds, input)),
    ),
  );
  const views: GoalView[] = [];
  for (const goal of stored) {
    const { estimate } = await learnerEstimate(deps, tenantId, goal.learnerId, context);
    views.push(...(await presentGoals(deps, context, estimate, [goal])));
  }
  return views;
}

/**
 * Drops a goal. The policy rule `goal` has checked the caller may act for its learner; a learner may drop
 * only the goals they set themselves — a goal from their teacher is an assignment.
 */
export async function dropGoal(deps: AppDeps, principal: Principal, goalId: string): Promise<GoalView> {
  const tenantId = principal.user.tenantId;
  const goal = await deps.repos.goals.get(tenantId, goalId);
  if (!goal) throw new ApiError("not_found", `No goal ${goalId}`);
  if (principal.user.role === "learner" && goal.setByRole !== "learner")
    throw new ApiError("forbidden", `Goal ${goalId} was set by a ${goal.setByRole}; only staff may drop it`);
  const closed = (await deps.repos.goals.close(tenantId, goalId, "dropped", deps.clock())) ?? goal;
  const context = await loadCourse(deps, tenantId, goal.courseId);
  const { estimate } = await learnerEstimate(deps, tenantId, goal.learnerId, context);
  const [view] = await presentGoals(deps, context, estimate, [closed]);
  if (!view) throw new Error("presenting one goal gave none");
  return view;
}
