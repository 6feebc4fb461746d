import type { LocalizedText, TenantId } from "@pathwise/domain";
import { readCourseText } from "./load";
import { type CourseContent, toCourseContents } from "./to-domain";
import { type CourseProblem, validateCourseFile } from "./validate";

/** What the content store reports for one imported course (storage's `CourseImportReport`). */
export interface CourseImportResult {
  readonly course: "created" | "updated";
  readonly concepts: { readonly created: number; readonly updated: number };
  readonly items: { readonly created: number; readonly updated: number };
  readonly prerequisites: number;
}

/** The port the import writes through: storage's `ContentRepository` satisfies it. */
export interface CourseWriter {
  importCourse(input: CourseContent & { readonly tenantId: TenantId }): Promise<CourseImportResult>;
}

/** Runs `work` with a writer bound to ONE database transaction: all of it is committed, or none. */
export type InContentTransaction = <T>(work: (writer: CourseWriter) => Promise<T>) => Promise<T>;

export type CourseFileImport =
  | { readonly ok: true; readonly courses: readonly (CourseImportResult & { readonly key: string })[] }
  | { readonly ok: false; readonly problems: readonly CourseProblem[] };

/**
 * The import use case: validate the whole file, then write every course of it in one transaction,
 * upserting by stable keys (so re-importing the same file updates rows and creates none). A file with
 * any problem writes nothing and returns every problem with its path.
 */
export async function importCourseFile(
  raw: unknown,
  tenantId: TenantId,
  inTransaction: InContentTransaction,
): Promise<CourseFileImport> {
  const validation = validateCourseFile(raw);
  if (!validation.ok) return { ok: false, problems: labelItemProblems(validation.problems, raw) };
  const contents = toCourseContents(validation.course);
  const courses = await inTransaction(async function writeCourses(writer) {
    const results = [];
    for (const content of contents) {
      const result = await writer.importCourse({ tenantId, ...content });
      results.push({ key: content.course.key, ...result });
    }
    return results;
  });
  return { ok: true, courses };
}

/** Reads a `.yaml`/`.yml`/`.json` course file and imports it (see `importCourseFile`). */
export async function importCourseFromPath(
  path: string,
  tenantId: TenantId,
  inTransaction: InContentTransaction,
): Promise<CourseFileImport> {
  const parsed = await readCourseText(path);
  if (!parsed.ok) return parsed;
  return importCourseFile(parsed.value, tenantId, inTransaction);
}

export type CourseCheck =
  | {
      readonly ok: true;
      readonly concepts: number;
      readonly items: number;
      readonly courses: number;
      /** Each course of the file, by key, with its title. */
      readonly courseTitles: readonly { readonly key: string; readonly title: LocalizedText }[];
    }
  | { readonly ok: false; readonly problems: readonly CourseProblem[] };

/** Validates a course file without a database: what `--check` prints. */
export async function checkCourseFile(path: string): Promise<CourseCheck> {
  const parsed = await readCourseText(path);
  if (!parsed.ok) return parsed;
  return checkCourseValue(parsed.value);
}

/** Validates an already parsed course file (text uploaded over HTTP, for example) without a database. */
export function checkCourseValue(raw: unknown): CourseCheck {
  const validation = validateCourseFile(raw);
  if (!validation.ok) return { ok: false, problems: labelItemProblems(validation.problems, raw) };
  const { concepts, items, courses } = validation.course;
  return {
    ok: true,
    concepts: concepts.length,
    items: items.length,
    courses: courses.length,
    courseTitles: courses.map((course) => ({ key: course.key, title: course.title })),
  };
}

/**
 * Adds the item's stable key to problems under `items[n]`, so the per-item report reads
 * `items[12] (fractions.add-unlike).answer: …` and an author finds the item by key.
 */
function labelItemProblems(problems: readonly CourseProblem[], raw: unknown): CourseProblem[] {
  const items = typeof raw === "object" && raw !== null ? (raw as { items?: unknown }).items : undefined;
  return problems.map((problem) => {
    const match = /^items\[(\d+)\]/.exec(problem.path);
    const item = match && Array.isArray(items) ? items[Number(match[1])] : undefined;
    const key = typeof item === "object" && item !== null ? (item as { key?: unknown }).key : undefined;
    if (!match || typeof key !== "string") return problem;
    return { ...problem, path: problem.path.replace(match[0], `${match[0]} (${key})`) };
  });
}
