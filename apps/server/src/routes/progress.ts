import {
  ClassMasteryResponseSchema,
  GuardianChildrenResponseSchema,
  MasteryHistoryResponseSchema,
} from "@pathwise/contracts";
import { asId, type CourseId } from "@pathwise/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { presentUser } from "../http/presenters";
import { courseModelInfo } from "../use-cases/learner-estimate";
import { classMastery, guardianChildren, masteryHistory } from "../use-cases/progress";

const LearnerCourse = z.strictObject({ learnerId: z.uuid(), courseId: z.uuid() });
const ClassCourse = z.strictObject({ classId: z.uuid(), courseId: z.uuid() });

/** Progress views (issue 6): a class's mastery in one request, mastery over time, a guardian's children. */
export function registerProgressRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/classes/:classId/courses/:courseId/mastery",
    { schema: { tags: ["progress"], params: ClassCourse, response: { 200: ClassMasteryResponseSchema } } },
    async function classMasteryView(request) {
      const { classId, courseId } = request.params;
      const view = await classMastery(deps, principalOf(request), classId, courseId);
      const model = await courseModelInfo(deps, principalOf(request).user.tenantId, asId<CourseId>(courseId));
      return { classId, courseId, model, ...view };
    },
  );

  r.get(
    "/api/learners/:learnerId/courses/:courseId/mastery-history",
    {
      schema: { tags: ["progress"], params: LearnerCourse, response: { 200: MasteryHistoryResponseSchema } },
    },
    async function masteryOverTime(request) {
      const { learnerId, courseId } = request.params;
      const history = await masteryHistory(deps, principalOf(request), learnerId, courseId);
      const model = await courseModelInfo(deps, principalOf(request).user.tenantId, asId<CourseId>(courseId));
      return { learnerId, courseId, model, ...history };
    },
  );

  r.get(
    "/api/guardians/me/children",
    { schema: { tags: ["progress"], response: { 200: GuardianChildrenResponseSchema } } },
    async function children(request) {
      return { children: (await guardianChildren(deps, principalOf(request))).map(presentUser) };
    },
  );
}
