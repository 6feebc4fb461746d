import {
  ExamPredictionResponseSchema,
  MasteryResponseSchema,
  PlacementLatestResponseSchema,
  PlacementSessionResponseSchema,
  PlanResponseSchema,
  type RECOMMENDATION_RATINGS,
  RecommendationFeedbackResponseSchema,
  ReviewQueueResponseSchema,
} from "@pathwise/contracts";
import type { z } from "zod";
import { apiRequest } from "./http";

export type Mastery = z.infer<typeof MasteryResponseSchema>;
export type Plan = z.infer<typeof PlanResponseSchema>;
export type PlanStep = Plan["steps"][number];
export type PlacementSession = z.infer<typeof PlacementSessionResponseSchema>;
export type RecommendationRating = (typeof RECOMMENDATION_RATINGS)[number];
export type ReviewQueue = z.infer<typeof ReviewQueueResponseSchema>;
export type ExamPrediction = z.infer<typeof ExamPredictionResponseSchema>;
export type FeedbackResult = z.infer<typeof RecommendationFeedbackResponseSchema>;

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (learnerId: string, courseId: string) =>
  `/api/learners/${encodeURIComponent(learnerId)}/courses/${encodeURIComponent(courseId)}`;

/** P(mastered) per concept from the course's learner model (its champion, or the interim BKT; docs/api.md). */
export function learnerMastery(learnerId: string, courseId: string, signal?: AbortSignal): Promise<Mastery> {
  return apiRequest(`${base(learnerId, courseId)}/mastery`, {
    response: MasteryResponseSchema,
    ...withSignal(signal),
  });
}

/** The planner's next steps for the course's goals, each with structured reasons and a sentence. */
export function learnerPlan(
  learnerId: string,
  courseId: string,
  horizon: number,
  signal?: AbortSignal,
): Promise<Plan> {
  const query = new URLSearchParams({ horizon: String(horizon) });
  return apiRequest(`${base(learnerId, courseId)}/plan?${query}`, {
    response: PlanResponseSchema,
    ...withSignal(signal),
  });
}

/**
 * Rates one recommended item. The statement id is made here so a retry of the same rating is
 * answered `unchanged` instead of being counted twice.
 */
export function rateRecommendation(
  learnerId: string,
  itemId: string,
  rating: RecommendationRating,
  id: string = crypto.randomUUID(),
): Promise<FeedbackResult> {
  return apiRequest(`/api/learners/${encodeURIComponent(learnerId)}/recommendation-feedback`, {
    method: "POST",
    body: { id, itemId, rating },
    response: RecommendationFeedbackResponseSchema,
  });
}

/** The learner's latest placement session (unfinished or finished), or null before the first. */
export async function latestPlacement(
  learnerId: string,
  courseId: string,
  signal?: AbortSignal,
): Promise<PlacementSession | null> {
  const body = await apiRequest(`${base(learnerId, courseId)}/placement`, {
    response: PlacementLatestResponseSchema,
    ...withSignal(signal),
  });
  return body.session;
}

export function startPlacement(
  learnerId: string,
  courseId: string,
  maxItems?: number,
): Promise<PlacementSession> {
  return apiRequest(`${base(learnerId, courseId)}/placement`, {
    method: "POST",
    body: maxItems === undefined ? {} : { maxItems },
    response: PlacementSessionResponseSchema,
  });
}

/** The server grades the answer and never says whether it was right (a placement test, not practice). */
export function answerPlacement(
  learnerId: string,
  courseId: string,
  answer: { sessionId: string; itemId: string; response: string },
): Promise<PlacementSession> {
  return apiRequest(`${base(learnerId, courseId)}/placement/answers`, {
    method: "POST",
    body: answer,
    response: PlacementSessionResponseSchema,
  });
}

/** The FSRS review queue: due reviews (least recalled first) and every studied concept's next review. */
export function reviewQueue(learnerId: string, courseId: string, signal?: AbortSignal): Promise<ReviewQueue> {
  return apiRequest(`${base(learnerId, courseId)}/reviews`, {
    response: ReviewQueueResponseSchema,
    ...withSignal(signal),
  });
}

/** Predicted score on an exam with one question per listed concept (a read, sent as POST for the body). */
export function examPrediction(
  learnerId: string,
  courseId: string,
  conceptKeys: readonly string[],
  signal?: AbortSignal,
): Promise<ExamPrediction> {
  return apiRequest(`${base(learnerId, courseId)}/exam-prediction`, {
    method: "POST",
    body: { conceptKeys },
    response: ExamPredictionResponseSchema,
    ...withSignal(signal),
  });
}
