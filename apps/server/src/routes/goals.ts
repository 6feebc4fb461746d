import {
  ClassGoalResponseSchema,
  CreateClassGoalRequestSchema,
  CreateGoalRequestSchema,
  GoalListResponseSchema,
  GoalViewSchema,
  UpdateGoalRequestSchema,
} from "@pathwise/contracts";
import { asId, type CourseId } from "@pathwise/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { createClassGoal, createGoal, dropGoal, listGoals } from "../use-cases/goals";
import { courseModelInfo } from "../use-cases/learner-estimate";

const LearnerCourse = z.strictObject({ learnerId: z.uuid(), courseId: z.uuid() });
const ClassCourse = z.strictObject({ classId: z.uuid(), courseId: z.uuid() });
const Goal = z.strictObject({ goalId: z.uuid() });

/**
 * Learning goals (issue 6): a learner's goals in a course, set by the learner or their teacher/admin; a
 * teacher's goal for a whole class; dropping a goal. Who may call what is in the policy table.
 */
export function registerGoalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const learnerGoals = "/api/learners/:learnerId/courses/:courseId/goals";

  r.get(
    learnerGoals,
    { schema: { tags: ["goals"], params: LearnerCourse, response: { 200: GoalListResponseSchema } } },
    async function goals(request) {
      const { learnerId, courseId } = request.params;
      const list = await listGoals(deps, principalOf(request), learnerId, courseId);
      const model = await courseModelInfo(deps, principalOf(request).user.tenantId, asId<CourseId>(courseId));
      return { learnerId, courseId, model, goals: list };
    },
  );

  r.post(
    learnerGoals,
    {
      schema: {
        tags: ["goals"],
        params: LearnerCourse,
        body: CreateGoalRequestSchema,
        response: { 201: GoalViewSchema },
      },
    },
    async function setGoal(request, reply) {
      const { learnerId, courseId } = request.params;
      const goal = await createGoal(deps, principalOf(request), learnerId, courseId, request.body);
      return reply.status(201).send(goal);
    },
  );

  r.patch(
    "/api/goals/:goalId",
    {
      schema: {
        tags: ["goals"],
        params: Goal,
        body: UpdateGoalRequestSchema,
        response: { 200: GoalViewSchema },
      },
    },
    async function updateGoal(request) {
      return dropGoal(deps, principalOf(request), request.params.goalId);
    },
  );

  r.post(
    "/api/classes/:classId/courses/:courseId/goals",
    {
      schema: {
        tags: ["goals"],
        params: ClassCourse,
        body: CreateClassGoalRequestSchema,
        response: { 201: ClassGoalResponseSchema },
      },
    },
    async function setClassGoal(request, reply) {
      const { classId, courseId } = request.params;
      const goals = await createClassGoal(deps, principalOf(request), classId, courseId, request.body);
      return reply.status(201).send({ classId, courseId, goals });
    },
  );
}
