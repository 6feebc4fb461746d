import {
  ExamPredictionRequestSchema,
  ExamPredictionResponseSchema,
  MasteryResponseSchema,
  PlacementAnswerRequestSchema,
  PlacementLatestResponseSchema,
  PlacementSessionResponseSchema,
  PlacementStartRequestSchema,
  PlanQuerySchema,
  PlanResponseSchema,
  RecommendationFeedbackRequestSchema,
  RecommendationFeedbackResponseSchema,
  ReviewQueueResponseSchema,
} from "@pathwise/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { presentItem } from "../http/presenters";
import { openGoalTargets } from "../use-cases/goals";
import {
  buildPlan,
  INTERIM_MODEL,
  learnerSnapshot,
  predictExamFor,
  rateRecommendation,
} from "../use-cases/learning";
import { answerPlacement, placementState, startPlacement } from "../use-cases/learning-placement";
import { presentConceptMastery } from "../use-cases/progress";

const LearnerCourse = z.strictObject({ learnerId: z.uuid(), courseId: z.uuid() });
const Learner = z.strictObject({ learnerId: z.uuid() });
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The learning API (issue 5, item 7): mastery, plan, review queue, exam prediction, placement sessions and
 * recommendation feedback, for one learner (policy rule `learner`) in one course of their school.
 */
export function registerLearningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/learners/:learnerId/courses/:courseId";

  r.get(
    `${base}/mastery`,
    { schema: { tags: ["learning"], params: LearnerCourse, response: { 200: MasteryResponseSchema } } },
    async function mastery(request) {
      const { learnerId, courseId } = request.params;
      const s = await learnerSnapshot(deps, principalOf(request), learnerId, courseId);
      return {
        learnerId,
        courseId,
        model: s.estimate.model ?? INTERIM_MODEL,
        concepts: presentConceptMastery(s.context, s.estimate),
      };
    },
  );

  r.get(
    `${base}/plan`,
    {
      schema: {
        tags: ["learning"],
        params: LearnerCourse,
        querystring: PlanQuerySchema,
        response: { 200: PlanResponseSchema },
      },
    },
    async function plan(request) {
      const { learnerId, courseId } = request.params;
      const principal = principalOf(request);
      const s = await learnerSnapshot(deps, principal, learnerId, courseId);
      const learnerGoals = await openGoalTargets(
        deps,
        principal.user.tenantId,
        learnerId,
        s.context,
        s.estimate,
      );
      const { goals, plan } = buildPlan(s, request.query.goals, request.query.horizon, learnerGoals);
      return {
        learnerId,
        courseId,
        model: s.estimate.model ?? INTERIM_MODEL,
        generatedAt: plan.generatedAt,
        targetSuccess: plan.targetSuccess,
        goals: goals.map((g) => ({ conceptKey: g.concept, source: g.source })),
        steps: plan.steps.flatMap((step) => {
          const item = s.context.itemById.get(step.itemId);
          const concept = s.context.conceptByKey.get(step.concept);
          if (!item || !concept) return [];
          return [
            {
              kind: step.kind,
              conceptId: concept.id,
              conceptKey: step.concept,
              // A recommendation shows the item to practise, never its answer key.
              item: presentItem(item, { withAnswer: false }),
              reasons: { ...step.reasons },
              explanation: step.explanation,
            },
          ];
        }),
      };
    },
  );

  r.get(
    `${base}/reviews`,
    { schema: { tags: ["learning"], params: LearnerCourse, response: { 200: ReviewQueueResponseSchema } } },
    async function reviews(request) {
      const { learnerId, courseId } = request.params;
      const s = await learnerSnapshot(deps, principalOf(request), learnerId, courseId);
      const entry = (isDue: boolean) => (d: { concept: string; due: Date; retrievability: number }) => ({
        conceptId: s.context.conceptByKey.get(d.concept)?.id ?? d.concept,
        key: d.concept,
        due: d.due.toISOString(),
        retrievability: round(d.retrievability),
        isDue,
      });
      return {
        learnerId,
        courseId,
        now: s.now.toISOString(),
        due: s.queue.due.map(entry(true)),
        upcoming: s.queue.upcoming.map((d) => entry(d.due.getTime() <= s.now.getTime())(d)),
      };
    },
  );

  r.post(
    `${base}/exam-prediction`,
    {
      schema: {
        tags: ["learning"],
        params: LearnerCourse,
        body: ExamPredictionRequestSchema,
        response: { 200: ExamPredictionResponseSchema },
      },
    },
    async function examPrediction(request) {
      const { learnerId, courseId } = request.params;
      const s = await learnerSnapshot(deps, principalOf(request), learnerId, courseId);
      const { prediction, advice } = predictExamFor(s, request.body);
      return {
        learnerId,
        courseId,
        model: s.estimate.model ?? INTERIM_MODEL,
        items: prediction.items,
        expectedScore: round(prediction.expectedScore),
        interval90: [prediction.interval90[0], prediction.interval90[1]] as [number, number],
        sigma: prediction.sigma,
        advice: {
          weakestConcepts: advice.weakestConcepts.map((w) => ({
            key: w.concept,
            expectedPointsLost: round(w.expectedPointsLost),
            meanProbability: round(w.meanProbability),
          })),
          dueReviews: advice.dueReviews.map((d) => ({
            key: d.concept,
            due: d.due.toISOString(),
            retrievability: round(d.retrievability),
          })),
        },
      };
    },
  );

  r.post(
    `${base}/placement`,
    {
      schema: {
        tags: ["learning"],
        params: LearnerCourse,
        body: PlacementStartRequestSchema,
        response: { 200: PlacementSessionResponseSchema },
      },
    },
    async function placementStart(request) {
      const { learnerId, courseId } = request.params;
      return startPlacement(deps, principalOf(request), learnerId, courseId, request.body.maxItems);
    },
  );

  r.get(
    `${base}/placement`,
    {
      schema: {
        tags: ["learning"],
        params: LearnerCourse,
        response: { 200: PlacementLatestResponseSchema },
      },
    },
    async function placementLatest(request) {
      const { learnerId, courseId } = request.params;
      return placementState(deps, principalOf(request), learnerId, courseId);
    },
  );

  r.post(
    `${base}/placement/answers`,
    {
      schema: {
        tags: ["learning"],
        params: LearnerCourse,
        body: PlacementAnswerRequestSchema,
        response: { 200: PlacementSessionResponseSchema },
      },
    },
    async function placementAnswer(request) {
      const { learnerId, courseId } = request.params;
      return answerPlacement(deps, principalOf(request), learnerId, courseId, request.body);
    },
  );

  r.post(
    "/api/learners/:learnerId/recommendation-feedback",
    {
      schema: {
        tags: ["learning"],
        params: Learner,
        body: RecommendationFeedbackRequestSchema,
        response: { 200: RecommendationFeedbackResponseSchema },
      },
    },
    async function recommendationFeedback(request) {
      return rateRecommendation(deps, principalOf(request), request.params.learnerId, request.body);
    },
  );
}
