import { z } from "zod";
import { StableKeySchema } from "./ids";
import { LocalizedTextSchema } from "./text";

/**
 * A course groups concepts, items and goals. A goal names target concepts; the path engine plans from
 * a learner's mastery toward the prerequisite closure of a goal's targets.
 */
export const GoalSchema = z.strictObject({
  key: StableKeySchema,
  title: LocalizedTextSchema,
  targets: z.array(StableKeySchema).min(1, "a goal names at least one target concept"),
});
export type Goal = z.infer<typeof GoalSchema>;

export const CourseSummarySchema = z.strictObject({
  key: StableKeySchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  goals: z.array(GoalSchema).default([]),
});
export type CourseSummary = z.infer<typeof CourseSummarySchema>;

export const ConceptDefinitionSchema = z.strictObject({
  key: StableKeySchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});
export type ConceptDefinition = z.infer<typeof ConceptDefinitionSchema>;
