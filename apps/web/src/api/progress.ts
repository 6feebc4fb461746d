import {
  type ClassMasteryResponse,
  ClassMasteryResponseSchema,
  GuardianChildrenResponseSchema,
  type MasteryHistoryResponse,
  MasteryHistoryResponseSchema,
  type UserView,
} from "@pathwise/contracts";
import { apiRequest } from "./http";

export type ClassMastery = ClassMasteryResponse;
export type MasteryHistory = MasteryHistoryResponse;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Every learner × concept of a class in one request (the same estimates as each learner's mastery). */
export function classMastery(classId: string, courseId: string, signal?: AbortSignal): Promise<ClassMastery> {
  return apiRequest(
    `/api/classes/${encodeURIComponent(classId)}/courses/${encodeURIComponent(courseId)}/mastery`,
    { response: ClassMasteryResponseSchema, ...withSignal(signal) },
  );
}

/** P(mastered) per concept at the end of each day the learner practised. */
export function masteryHistory(
  learnerId: string,
  courseId: string,
  signal?: AbortSignal,
): Promise<MasteryHistory> {
  return apiRequest(
    `/api/learners/${encodeURIComponent(learnerId)}/courses/${encodeURIComponent(courseId)}/mastery-history`,
    { response: MasteryHistoryResponseSchema, ...withSignal(signal) },
  );
}

/** The learners the signed-in guardian is linked to. */
export async function guardianChildren(signal?: AbortSignal): Promise<UserView[]> {
  const body = await apiRequest("/api/guardians/me/children", {
    response: GuardianChildrenResponseSchema,
    ...withSignal(signal),
  });
  return body.children;
}
