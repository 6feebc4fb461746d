import {
  ClassGoalResponseSchema,
  type CreateGoalRequest,
  GoalListResponseSchema,
  type GoalView,
  GoalViewSchema,
} from "@pathwise/contracts";
import { apiRequest } from "./http";

export type Goal = GoalView;
export type NewGoal = CreateGoalRequest;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const goalsOf = (learnerId: string, courseId: string) =>
  `/api/learners/${encodeURIComponent(learnerId)}/courses/${encodeURIComponent(courseId)}/goals`;

/** The learner's goals in the course (open, achieved and dropped), oldest first, with current mastery. */
export async function learnerGoals(
  learnerId: string,
  courseId: string,
  signal?: AbortSignal,
): Promise<Goal[]> {
  const body = await apiRequest(goalsOf(learnerId, courseId), {
    response: GoalListResponseSchema,
    ...withSignal(signal),
  });
  return body.goals;
}

export function setGoal(learnerId: string, courseId: string, goal: NewGoal): Promise<Goal> {
  return apiRequest(goalsOf(learnerId, courseId), { method: "POST", body: goal, response: GoalViewSchema });
}

export function dropGoal(goalId: string): Promise<Goal> {
  return apiRequest(`/api/goals/${encodeURIComponent(goalId)}`, {
    method: "PATCH",
    body: { status: "dropped" },
    response: GoalViewSchema,
  });
}

/** The same goal for every learner of the class; returns one goal per learner. */
export async function setClassGoal(classId: string, courseId: string, goal: NewGoal): Promise<Goal[]> {
  const body = await apiRequest(
    `/api/classes/${encodeURIComponent(classId)}/courses/${encodeURIComponent(courseId)}/goals`,
    { method: "POST", body: goal, response: ClassGoalResponseSchema },
  );
  return body.goals;
}
