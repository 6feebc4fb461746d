import type {
  AnswerKey,
  ConceptDefinition,
  CourseSummary,
  ItemDefinition,
  LocalizedText,
  PrerequisiteEdge,
} from "@pathwise/domain";
import type { CourseFile, ItemSpec } from "./schema";

/** An item as the domain stores it, plus the worked explanation shown after answering. */
export interface ContentItem extends ItemDefinition {
  readonly explanation?: LocalizedText;
}

/** A course with the keys of the concepts it covers. */
export interface ContentCourse extends CourseSummary {
  readonly conceptKeys: readonly string[];
}

/** A validated course file in the domain's vocabulary: what an import writes. */
export interface CourseContent {
  readonly concepts: readonly ConceptDefinition[];
  readonly prerequisites: readonly PrerequisiteEdge[];
  readonly items: readonly ContentItem[];
  readonly courses: readonly ContentCourse[];
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

/** Maps a validated course file onto domain definitions. Pure; the file must have passed validation. */
export function toCourseContent(file: CourseFile): CourseContent {
  const allKeys = file.concepts.map((concept) => concept.key);
  return {
    concepts: file.concepts.map(({ key, title, description }) => ({
      key,
      title,
      ...(description ? { description } : {}),
    })),
    prerequisites: file.concepts.flatMap((concept) =>
      concept.prerequisites.map((requires) => ({ concept: concept.key, requires })),
    ),
    items: file.items.map((item) => ({
      key: item.key,
      stem: item.prompt,
      concepts: item.concepts,
      difficulty: item.difficulty,
      answer: answerKeyOf(item),
      ...(item.explanation ? { explanation: item.explanation } : {}),
    })),
    courses: file.courses.map((course) => ({
      key: course.key,
      title: course.title,
      ...(course.description ? { description: course.description } : {}),
      goals: course.goals,
      conceptKeys: course.concepts ?? allKeys,
    })),
  };
}
