import { DifficultySchema, LOCALES, LocalizedTextSchema, StableKeySchema } from "@pathwise/domain";
import { z } from "zod";

/**
 * The Pathwise course file, version 1 (documented with a full example in docs/course-format.md).
 * Everything is keyed by stable, human-chosen keys so that re-importing a file updates what it
 * imported before instead of duplicating it. The shapes reuse the domain's schemas (keys, localized
 * text, difficulty); cross-references are checked after the shape, in `validateCourseFile`.
 */
export const COURSE_FORMAT = "pathwise.course/v1";

/** Accepted short answers per language; a learner's answer in any language is accepted. */
const LocalizedAnswers = z.strictObject({
  en: z.array(z.string().trim().min(1).max(200)).min(1),
  "zh-CN": z.array(z.string().trim().min(1).max(200)).min(1).optional(),
});

export const ConceptSpec = z.strictObject({
  key: StableKeySchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** Keys of concepts that must be mastered before this one. */
  prerequisites: z.array(StableKeySchema).default([]),
});
export type ConceptSpec = z.infer<typeof ConceptSpec>;

/** `difficulty: 3` is shorthand for `difficulty: { level: 3 }` (1 easiest … 5 hardest). */
const ItemDifficulty = z.preprocess(
  (value) => (typeof value === "number" ? { level: value } : value),
  DifficultySchema,
);

const itemBase = {
  key: StableKeySchema,
  /** The concepts (knowledge components) this item exercises; at least one. */
  concepts: z.array(StableKeySchema).min(1),
  difficulty: ItemDifficulty,
  prompt: LocalizedTextSchema,
  /** Shown after the learner answers: the worked solution. */
  explanation: LocalizedTextSchema.optional(),
};

export const ChoiceSpec = z.strictObject({ key: z.string().min(1).max(40), text: LocalizedTextSchema });

export const MultipleChoiceItem = z.strictObject({
  ...itemBase,
  kind: z.literal("multiple_choice"),
  choices: z.array(ChoiceSpec).min(2).max(10),
  /** The key of the correct choice, or a list of keys when several must be chosen together. */
  answer: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
});

export const NumericItem = z.strictObject({
  ...itemBase,
  kind: z.literal("numeric"),
  /** A response within `tolerance` (absolute) of `value` is correct; "3/4", "75%" are read as numbers. */
  answer: z.strictObject({ value: z.number().finite(), tolerance: z.number().min(0).default(0) }),
});

export const ExpressionItem = z.strictObject({
  ...itemBase,
  kind: z.literal("expression"),
  /** A correct expression in ASCII math (`2*x + 3`, `7/12`); equivalent expressions are accepted. */
  answer: z.strictObject({
    expression: z.string().trim().min(1).max(500),
    variables: z
      .array(z.string().regex(/^[a-zA-Z]$/, "a variable is one letter"))
      .max(6)
      .default([]),
  }),
});

export const ShortTextItem = z.strictObject({
  ...itemBase,
  kind: z.literal("short_text"),
  answer: z.strictObject({ accepted: LocalizedAnswers, caseSensitive: z.boolean().default(false) }),
});

export const OpenTextItem = z.strictObject({
  ...itemBase,
  kind: z.literal("open_text"),
  /** Guidance for whoever grades the open answer (a teacher, later a reviewed model). */
  rubric: LocalizedTextSchema.optional(),
});

export const ItemSpec = z.discriminatedUnion("kind", [
  MultipleChoiceItem,
  NumericItem,
  ExpressionItem,
  ShortTextItem,
  OpenTextItem,
]);
export type ItemSpec = z.infer<typeof ItemSpec>;

export const GoalSpec = z.strictObject({
  key: StableKeySchema,
  title: LocalizedTextSchema,
  /** Concepts a learner pursuing this goal aims to master; their prerequisites follow from the graph. */
  targets: z.array(StableKeySchema).min(1),
});

export const CourseSpec = z.strictObject({
  key: StableKeySchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** Concept keys this course covers; omitted means every concept in the file. */
  concepts: z.array(StableKeySchema).optional(),
  goals: z.array(GoalSpec).min(1),
});
export type CourseSpec = z.infer<typeof CourseSpec>;

export const CourseFile = z.strictObject({
  format: z.literal(COURSE_FORMAT),
  /** Locales every text in the file provides; `en` is always required. */
  locales: z.array(z.enum(LOCALES)).default(["en"]),
  concepts: z.array(ConceptSpec).min(1),
  items: z.array(ItemSpec).default([]),
  /** At least one: concepts and items are stored per course. */
  courses: z.array(CourseSpec).min(1),
});
export type CourseFile = z.infer<typeof CourseFile>;
