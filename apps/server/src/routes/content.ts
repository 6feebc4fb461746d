import {
  CheckAnswerRequestSchema,
  CheckAnswerResponseSchema,
  ConceptGraphResponseSchema,
  CourseListResponseSchema,
  CourseViewSchema,
  ItemListQuerySchema,
  ItemListResponseSchema,
  ItemViewSchema,
} from "@pathwise/contracts";
import {
  asId,
  buildConceptGraph,
  type ConceptId,
  type CourseId,
  checkAnswer,
  type ItemId,
  isStaff,
} from "@pathwise/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { ApiError } from "../http/errors";
import { presentConcept, presentCourse, presentItem } from "../http/presenters";

const CourseParams = z.strictObject({ courseId: z.uuid() });
const ItemParams = z.strictObject({ itemId: z.uuid() });

/** Content reads for everyone in the school; answer keys only for staff. */
export function registerContentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/courses",
    { schema: { tags: ["content"], response: { 200: CourseListResponseSchema } } },
    async function listCourses(request) {
      const { user } = principalOf(request);
      return { courses: (await deps.repos.content.listCourses(user.tenantId)).map(presentCourse) };
    },
  );
  r.get(
    "/api/courses/:courseId",
    { schema: { tags: ["content"], params: CourseParams, response: { 200: CourseViewSchema } } },
    async function getCourse(request) {
      const { user } = principalOf(request);
      const course = await deps.repos.content.getCourse(
        user.tenantId,
        asId<CourseId>(request.params.courseId),
      );
      if (!course) throw new ApiError("not_found", `No course ${request.params.courseId}`);
      return presentCourse(course);
    },
  );
  r.get(
    "/api/courses/:courseId/graph",
    { schema: { tags: ["content"], params: CourseParams, response: { 200: ConceptGraphResponseSchema } } },
    async function getGraph(request) {
      const { user } = principalOf(request);
      const graph = await deps.repos.content.getConceptGraph(
        user.tenantId,
        asId<CourseId>(request.params.courseId),
      );
      if (!graph) throw new ApiError("not_found", `No course ${request.params.courseId}`);
      const order = buildConceptGraph<ConceptId>(
        graph.concepts.map((c) => c.id),
        graph.prerequisites,
      ).order;
      return {
        concepts: graph.concepts.map(presentConcept),
        prerequisites: [...graph.prerequisites],
        order: [...order],
      };
    },
  );
  r.get(
    "/api/courses/:courseId/items",
    {
      schema: {
        tags: ["content"],
        params: CourseParams,
        querystring: ItemListQuerySchema,
        response: { 200: ItemListResponseSchema },
      },
    },
    async function listItems(request) {
      const { user } = principalOf(request);
      const { conceptId, ...page } = request.query;
      const items = await deps.repos.content.listItems(
        user.tenantId,
        asId<CourseId>(request.params.courseId),
        {
          ...page,
          ...(conceptId ? { conceptId: asId<ConceptId>(conceptId) } : {}),
        },
      );
      return { items: items.map((item) => presentItem(item, { withAnswer: isStaff(user.role) })) };
    },
  );
  r.get(
    "/api/items/:itemId",
    { schema: { tags: ["content"], params: ItemParams, response: { 200: ItemViewSchema } } },
    async function getItem(request) {
      const { user } = principalOf(request);
      const item = await deps.repos.content.getItem(user.tenantId, asId<ItemId>(request.params.itemId));
      if (!item) throw new ApiError("not_found", `No item ${request.params.itemId}`);
      return presentItem(item, { withAnswer: isStaff(user.role) });
    },
  );
  r.post(
    "/api/items/:itemId/check",
    {
      schema: {
        tags: ["content"],
        params: ItemParams,
        body: CheckAnswerRequestSchema,
        response: { 200: CheckAnswerResponseSchema },
      },
    },
    async function checkItemAnswer(request) {
      const { user } = principalOf(request);
      const item = await deps.repos.content.getItem(user.tenantId, asId<ItemId>(request.params.itemId));
      if (!item) throw new ApiError("not_found", `No item ${request.params.itemId}`);
      return checkAnswer(item.answer, request.body.response);
    },
  );
}
