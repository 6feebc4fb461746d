import {
  ExplanationQuerySchema,
  ExplanationResponseSchema,
  PredictionsQuerySchema,
  PredictionsResponseSchema,
} from "@pathwise/contracts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { explainItem, predictItems } from "../use-cases/predictions";

const LearnerCourse = z.strictObject({ learnerId: z.uuid(), courseId: z.uuid() });

/** Item predictions and their explanations for one learner (policy rule `learner`). */
export function registerPredictionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/learners/:learnerId/courses/:courseId";

  r.get(
    `${base}/predictions`,
    {
      schema: {
        tags: ["learner model"],
        params: LearnerCourse,
        querystring: PredictionsQuerySchema,
        response: { 200: PredictionsResponseSchema },
      },
    },
    async function predictions(request) {
      const { learnerId, courseId } = request.params;
      const items = request.query.items?.split(",");
      const result = await predictItems(deps, principalOf(request), learnerId, courseId, items);
      return { learnerId, courseId, ...result };
    },
  );

  r.get(
    `${base}/explanations`,
    {
      schema: {
        tags: ["learner model"],
        params: LearnerCourse,
        querystring: ExplanationQuerySchema,
        response: { 200: ExplanationResponseSchema },
      },
    },
    async function explanation(request) {
      const { learnerId, courseId } = request.params;
      const result = await explainItem(deps, principalOf(request), learnerId, courseId, request.query.item);
      return { learnerId, courseId, ...result };
    },
  );
}
