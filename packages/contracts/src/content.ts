import {
  AnswerKeySchema,
  DifficultySchema,
  GoalSchema,
  ItemKindSchema,
  LocalizedTextSchema,
} from "@pathwise/domain";
import { z } from "zod";

export const CourseViewSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  goals: z.array(GoalSchema),
});
export const CourseListResponseSchema = z.object({ courses: z.array(CourseViewSchema) });

export const ConceptViewSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});
export const ConceptGraphResponseSchema = z.object({
  concepts: z.array(ConceptViewSchema),
  prerequisites: z.array(z.object({ concept: z.uuid(), requires: z.uuid() })),
  /** Concept ids, every prerequisite before the concepts that need it. */
  order: z.array(z.uuid()),
});

/** Multiple-choice options without the answer key: what a learner may see. */
const ChoiceViewSchema = z.object({ id: z.string(), text: LocalizedTextSchema });

export const ItemViewSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  key: z.string(),
  kind: ItemKindSchema,
  stem: LocalizedTextSchema,
  difficulty: DifficultySchema,
  conceptIds: z.array(z.uuid()),
  choices: z.array(ChoiceViewSchema).optional(),
  /** The answer key: present only for the school's teachers and admins. */
  answer: AnswerKeySchema.optional(),
});
export type ItemView = z.infer<typeof ItemViewSchema>;
export const ItemListResponseSchema = z.object({ items: z.array(ItemViewSchema) });
export const ItemListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  conceptId: z.uuid().optional(),
});

export const CheckAnswerRequestSchema = z.strictObject({ response: z.string().max(5000) });
export const CheckAnswerResponseSchema = z.object({
  status: z.enum(["correct", "incorrect", "ungraded", "unreadable"]),
  reason: z.string().optional(),
});
