import { LocalizedTextSchema } from "@pathwise/domain";
import { z } from "zod";
import { JobSummarySchema } from "./jobs";

/**
 * Imports from the browser (docs/content.md): a course file uploaded as text, and a public ASSISTments
 * split — chosen by name from the server's list, never by path — loaded by a background job.
 */

/** `POST /api/courses/import`: the course file's name (its extension picks JSON or YAML) and its text. */
export const CourseImportRequestSchema = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  text: z.string().min(1, "the file is empty"),
});
export type CourseImportRequest = z.infer<typeof CourseImportRequestSchema>;

/** `?check=true` validates only: nothing is written. */
export const CourseImportQuerySchema = z.strictObject({
  check: z.enum(["true", "false"]).default("false"),
});

const CreatedUpdatedSchema = z.object({ created: z.number().int(), updated: z.number().int() });

export const ImportedCourseSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  title: LocalizedTextSchema,
  course: z.enum(["created", "updated"]),
  concepts: CreatedUpdatedSchema,
  items: CreatedUpdatedSchema,
  prerequisites: z.number().int(),
});

/**
 * 200: `checked` (a dry run found no problem: counts and the courses the file holds), `problems` (a dry
 * run's answer for a file with problems: each problem's path in the file and its message) or `imported`
 * (every course written in one transaction). Importing a file with problems is a 422 `course_invalid`
 * whose `issues` list the same problems; nothing is written.
 */
export const CourseImportResponseSchema = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("checked"),
    concepts: z.number().int(),
    items: z.number().int(),
    courses: z.array(z.object({ key: z.string(), title: LocalizedTextSchema })),
  }),
  z.object({
    outcome: z.literal("problems"),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  z.object({ outcome: z.literal("imported"), courses: z.array(ImportedCourseSchema) }),
]);
export type CourseImportResponse = z.infer<typeof CourseImportResponseSchema>;

export const DatasetFormatSchema = z.enum(["akt", "dkvmn"]);

/** One published split found in the datasets folder: `<name>/<format>_split`. */
export const DatasetViewSchema = z.object({
  /** The dataset folder's name, e.g. `assist2009`: what an import request names. */
  name: z.string(),
  format: DatasetFormatSchema,
  /** Cross-validation folds of the split (files, not learners: counting learners means reading them). */
  folds: z.number().int(),
  /** The course key the import writes to, e.g. `assist2009-akt`. */
  courseKey: z.string(),
});
export const DatasetListResponseSchema = z.object({ datasets: z.array(DatasetViewSchema) });

export const DatasetImportRequestSchema = z.strictObject({
  dataset: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, "a dataset name from GET /api/datasets"),
  format: DatasetFormatSchema,
  /** Import only the first N learners (keeps a trial import small). */
  limitStudents: z.number().int().min(1).max(1_000_000).optional(),
});
export type DatasetImportRequest = z.infer<typeof DatasetImportRequestSchema>;

/** 202 with a new job; 200 with the import of that dataset already queued or running. */
export const DatasetImportResponseSchema = z.object({ created: z.boolean(), job: JobSummarySchema });

/** What a finished `import-dataset` job stores as its result. */
export const DatasetImportResultSchema = z.object({
  course: z.string(),
  courseId: z.uuid(),
  concepts: z.number().int(),
  items: z.number().int(),
  learners: z.object({ created: z.number().int(), existing: z.number().int() }),
  events: z.object({ stored: z.number().int(), unchanged: z.number().int() }),
});
export type DatasetImportResult = z.infer<typeof DatasetImportResultSchema>;
