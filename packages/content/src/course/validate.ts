import { buildConceptGraph, ConceptGraphError, type Locale } from "@pathwise/domain";
import type { z } from "zod";
import { CourseFile } from "./schema";

/** One problem found in a course file, with the path of the offending value (`items[3].answer`). */
export interface CourseProblem {
  readonly path: string;
  readonly message: string;
}

export type CourseValidation =
  | { readonly ok: true; readonly course: CourseFile }
  | { readonly ok: false; readonly problems: readonly CourseProblem[] };

/** `items[3].prompt.en` from zod's path segments. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(file)" : out;
}

function zodProblems(error: z.ZodError): CourseProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates a parsed course file: first its shape (zod), then everything that refers to something
 * else — unique keys, known concept keys, the multiple-choice answer among the choices, goals
 * inside the course, every text in every declared locale, and an acyclic prerequisite graph.
 * Returns every problem at once, each with its path, so an author can fix a file in one pass.
 */
export function validateCourseFile(raw: unknown): CourseValidation {
  const shape = CourseFile.safeParse(raw);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error) };
  const course = shape.data;
  const problems: CourseProblem[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  const conceptKeys = uniqueKeys(course.concepts, "concepts", report);
  uniqueKeys(course.items, "items", report);
  uniqueKeys(course.courses, "courses", report);

  const known = (key: string, path: string) => {
    if (!conceptKeys.has(key)) report(path, `unknown concept key "${key}"`);
  };
  course.concepts.forEach((concept, i) => {
    for (const [j, key] of concept.prerequisites.entries()) known(key, `concepts[${i}].prerequisites[${j}]`);
  });
  course.items.forEach((item, i) => {
    for (const [j, key] of item.concepts.entries()) known(key, `items[${i}].concepts[${j}]`);
    if (item.kind === "multiple_choice") {
      const choiceKeys = uniqueKeys(item.choices, `items[${i}].choices`, report);
      for (const answer of [item.answer].flat()) {
        if (!choiceKeys.has(answer)) {
          report(
            `items[${i}].answer`,
            `answer "${answer}" is not one of the choices ${[...choiceKeys].join(", ")}`,
          );
        }
      }
    }
  });
  course.courses.forEach((spec, i) => {
    for (const [j, key] of (spec.concepts ?? []).entries()) known(key, `courses[${i}].concepts[${j}]`);
    const covered = new Set(spec.concepts ?? conceptKeys);
    uniqueKeys(spec.goals, `courses[${i}].goals`, report);
    spec.goals.forEach((goal, j) => {
      goal.targets.forEach((key, k) => {
        const path = `courses[${i}].goals[${j}].targets[${k}]`;
        if (!conceptKeys.has(key)) known(key, path);
        else if (!covered.has(key)) report(path, `target "${key}" is not among the course's concepts`);
      });
    });
  });
  checkCourseCoverage(course, conceptKeys, report);
  checkLocales(course, course.locales, "", report);

  checkGraph(course, conceptKeys, report);
  return problems.length === 0 ? { ok: true, course } : { ok: false, problems };
}

/**
 * The prerequisite graph must be acyclic. The domain's graph builder finds the cycle and names it; the
 * problem is reported at the prerequisites of the cycle's first concept. Unknown keys were reported above.
 */
function checkGraph(
  course: CourseFile,
  conceptKeys: Set<string>,
  report: (path: string, message: string) => void,
) {
  const edges = course.concepts.flatMap((c) =>
    c.prerequisites.filter((p) => conceptKeys.has(p)).map((requires) => ({ concept: c.key, requires })),
  );
  try {
    buildConceptGraph([...conceptKeys], edges);
  } catch (error) {
    if (!(error instanceof ConceptGraphError)) throw error;
    const at = course.concepts.findIndex((c) => c.key === error.path[0]);
    report(`concepts[${at}].prerequisites`, error.message);
  }
}

/** The concepts a course covers: its `concepts` list, or every concept of the file. */
export function coveredConcepts(course: CourseFile["courses"][number], file: CourseFile): Set<string> {
  return new Set(course.concepts ?? file.concepts.map((concept) => concept.key));
}

/**
 * Concepts and items are stored per course, so each course must be closed under prerequisites
 * (a covered concept's prerequisites are covered too) and every item must land in some course.
 */
function checkCourseCoverage(
  file: CourseFile,
  conceptKeys: Set<string>,
  report: (path: string, message: string) => void,
): void {
  const coverages = file.courses.map((course) => coveredConcepts(course, file));
  file.courses.forEach((_course, i) => {
    const covered = coverages[i] as Set<string>;
    for (const concept of file.concepts) {
      if (!covered.has(concept.key)) continue;
      for (const requires of concept.prerequisites) {
        if (conceptKeys.has(requires) && !covered.has(requires)) {
          report(
            `courses[${i}].concepts`,
            `"${concept.key}" needs "${requires}", which the course does not cover`,
          );
        }
      }
    }
  });
  file.items.forEach((item, i) => {
    const placed = coverages.some((covered) => item.concepts.every((key) => covered.has(key)));
    if (!placed) report(`items[${i}].concepts`, `no course covers all of this item's concepts`);
  });
}

function uniqueKeys(
  list: readonly { key: string }[],
  path: string,
  report: (path: string, message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    if (seen.has(entry.key)) report(`${path}[${i}].key`, `duplicate key "${entry.key}"`);
    seen.add(entry.key);
  });
  return seen;
}

/** A localized value is an object whose only fields are locales and which has `en`. */
function isLocalized(value: object): boolean {
  const keys = Object.keys(value);
  return keys.includes("en") && keys.every((k) => k === "en" || k === "zh-CN");
}

function checkLocales(
  value: unknown,
  locales: readonly Locale[],
  path: string,
  report: (path: string, message: string) => void,
): void {
  if (Array.isArray(value)) {
    for (const [i, entry] of value.entries()) checkLocales(entry, locales, `${path}[${i}]`, report);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (isLocalized(value)) {
    for (const locale of locales) {
      if (!(locale in value)) report(`${path}.${locale}`, `missing the "${locale}" text the file declares`);
    }
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    checkLocales(child, locales, path === "" ? key : `${path}.${key}`, report);
  }
}
