import type {
  AnswerKey,
  ConceptDefinition,
  CourseSummary,
  ItemDefinition,
  LocalizedText,
  PrerequisiteEdge,
} from "@pathwise/domain";
import type { CourseFile, ItemSpec } from "./schema";
import { coveredConcepts } from "./validate";

/**
 * An item in the domain's vocabulary plus the worked explanation shown after answering. (The storage
 * schema has no explanation column yet, so storage drops it; see docs/course-format.md.)
 */
export interface ContentItem extends ItemDefinition {
  readonly explanation?: LocalizedText;
}

/**
 * One course of a file, ready for the content repository: storage keeps concepts and items per
 * course, so each course carries the concepts it covers, the edges between them and its items.
 */
export interface CourseContent {
  readonly course: CourseSummary;
  readonly concepts: readonly ConceptDefinition[];
  readonly prerequisites: readonly PrerequisiteEdge[];
  readonly items: readonly ContentItem[];
}

/** The answer key of each item kind, built from the file's author-friendly fields (a registry by kind). */
const answerKeys: { readonly [K in ItemSpec["kind"]]: (item: Extract<ItemSpec, { kind: K }>) => AnswerKey } =
  {
    multiple_choice: (item) => ({
      kind: "multiple_choice",
      choices: item.choices.map((choice) => ({ id: choice.key, text: choice.text })),
      correct: [item.answer].flat(),
    }),
    numeric: (item) => ({ kind: "numeric", value: item.answer.value, tolerance: item.answer.tolerance }),
    expression: (item) => ({
      kind: "expression",
      expression: item.answer.expression,
      variables: item.answer.variables,
    }),
    // A learner may answer in any of the course's languages, so every locale's answers are accepted.
    short_text: (item) => ({
      kind: "short_text",
      accepted: [...item.answer.accepted.en, ...(item.answer.accepted["zh-CN"] ?? [])],
      caseSensitive: item.answer.caseSensitive,
    }),
    open_text: (item) => ({ kind: "open_text", ...(item.rubric ? { rubric: item.rubric } : {}) }),
  };

export function answerKeyOf(item: ItemSpec): AnswerKey {
  const build = answerKeys[item.kind] as (item: ItemSpec) => AnswerKey;
  return build(item);
}

/**
 * Maps a validated course file onto domain definitions, one entry per course. Pure; the file must have
 * passed `validateCourseFile` (which guarantees every item lands in a course closed under prerequisites).
 */
export function toCourseContents(file: CourseFile): CourseContent[] {
  return file.courses.map((spec) => {
    const covered = coveredConcepts(spec, file);
    const concepts = file.concepts.filter((concept) => covered.has(concept.key));
    return {
      course: {
        key: spec.key,
        title: spec.title,
        ...(spec.description ? { description: spec.description } : {}),
        goals: spec.goals,
      },
      concepts: concepts.map(({ key, title, description }) => ({
        key,
        title,
        ...(description ? { description } : {}),
      })),
      prerequisites: concepts.flatMap((concept) =>
        concept.prerequisites.map((requires) => ({ concept: concept.key, requires })),
      ),
      items: file.items
        .filter((item) => item.concepts.every((key) => covered.has(key)))
        .map((item) => ({
          key: item.key,
          stem: item.prompt,
          concepts: item.concepts,
          difficulty: item.difficulty,
          answer: answerKeyOf(item),
          ...(item.explanation ? { explanation: item.explanation } : {}),
        })),
    };
  });
}
