import {
  type CourseProblem,
  checkCourseValue,
  importCourseFile,
  inTransaction,
  parseCourseText,
} from "@pathwise/content";
import {
  CourseImportQuerySchema,
  CourseImportRequestSchema,
  type CourseImportResponse,
  CourseImportResponseSchema,
  DatasetImportRequestSchema,
  DatasetImportResponseSchema,
  DatasetListResponseSchema,
  ErrorResponseSchema,
} from "@pathwise/contracts";
import type { TenantId } from "@pathwise/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { ApiError, errorBody } from "../http/errors";
import {
  type DatasetImportPayload,
  datasetImportDedupeKey,
  findDatasetSplit,
  IMPORT_DATASET_KIND,
  listDatasetSplits,
} from "../use-cases/dataset-import-job";
import { presentJob } from "./jobs";

/** A course file with problems: 422 with every problem (its path in the file and what is wrong). */
function sendProblems(reply: FastifyReply, filename: string, problems: readonly CourseProblem[]) {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return reply.status(422).send(
    errorBody("course_invalid", `${filename} has ${count}; nothing was imported`, {
      issues: problems.map((problem) => ({ field: problem.path, message: problem.message })),
    }),
  );
}

/**
 * Imports from the browser (admins): a course file sent as text — validated whole, then written in one
 * transaction, or checked only — and public ASSISTments splits, listed from the server's datasets folder
 * and loaded by an `import-dataset` job. The client names a dataset from the list, never a path.
 */
export function registerImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["imports"];

  async function importCourse(
    tenantId: TenantId,
    value: unknown,
  ): Promise<Extract<CourseImportResponse, { outcome: "imported" }> | CourseProblem[]> {
    const result = await importCourseFile(value, tenantId, (work) =>
      inTransaction(deps.db, (repos) => work(repos.content)),
    );
    if (!result.ok) return [...result.problems];
    const courses = [];
    for (const imported of result.courses) {
      const course = await deps.repos.content.findCourseByKey(tenantId, imported.key);
      if (!course) throw new Error(`the imported course ${imported.key} is not in the database`);
      courses.push({
        id: course.id,
        key: course.key,
        title: course.title,
        course: imported.course,
        concepts: imported.concepts,
        items: imported.items,
        prerequisites: imported.prerequisites,
      });
    }
    return { outcome: "imported" as const, courses };
  }

  r.post(
    "/api/courses/import",
    {
      schema: {
        tags,
        querystring: CourseImportQuerySchema,
        body: CourseImportRequestSchema,
        response: { 200: CourseImportResponseSchema, 422: ErrorResponseSchema },
      },
    },
    async function importCourseText(request, reply) {
      const { user } = principalOf(request);
      const { filename, text } = request.body;
      const check = request.query.check === "true";
      const parsed = parseCourseText(text, filename);
      // A check answers its findings with 200 (checking worked); only a refused import is an error.
      const problems = (found: readonly CourseProblem[]) =>
        check
          ? { outcome: "problems" as const, problems: found.map(({ path, message }) => ({ path, message })) }
          : sendProblems(reply, filename, found);
      if (!parsed.ok) return problems(parsed.problems);
      if (check) {
        const checked = checkCourseValue(parsed.value);
        if (!checked.ok) return problems(checked.problems);
        return {
          outcome: "checked" as const,
          concepts: checked.concepts,
          items: checked.items,
          courses: checked.courseTitles.map((course) => ({ key: course.key, title: course.title })),
        };
      }
      const imported = await importCourse(user.tenantId, parsed.value);
      if (Array.isArray(imported)) return sendProblems(reply, filename, imported);
      request.log.info({ userId: user.id, courses: imported.courses.map((c) => c.key) }, "course imported");
      return imported;
    },
  );

  r.get(
    "/api/datasets",
    { schema: { tags, response: { 200: DatasetListResponseSchema } } },
    async function listDatasets() {
      return {
        datasets: listDatasetSplits(deps.config.datasetsDir).map(({ name, format, folds, courseKey }) => ({
          name,
          format,
          folds,
          courseKey,
        })),
      };
    },
  );

  r.post(
    "/api/datasets/import",
    {
      schema: {
        tags,
        body: DatasetImportRequestSchema,
        response: { 200: DatasetImportResponseSchema, 202: DatasetImportResponseSchema },
      },
    },
    async function startDatasetImport(request, reply) {
      const { user } = principalOf(request);
      const { dataset, format, limitStudents } = request.body;
      if (!findDatasetSplit(deps.config.datasetsDir, dataset, format)) {
        throw new ApiError(
          "validation_failed",
          `body.dataset: no dataset ${JSON.stringify(dataset)} with a ${format} split on this server (see GET /api/datasets)`,
          { field: "body.dataset" },
        );
      }
      const payload: DatasetImportPayload = {
        dataset,
        format,
        ...(limitStudents === undefined ? {} : { limitStudents }),
      };
      const { created, job } = await deps.repos.jobs.enqueue({
        tenantId: user.tenantId,
        kind: IMPORT_DATASET_KIND,
        payload,
        dedupeKey: datasetImportDedupeKey(dataset, format),
        createdBy: user.id,
      });
      return reply.status(created ? 202 : 200).send({ created, job: presentJob(job) });
    },
  );
}
