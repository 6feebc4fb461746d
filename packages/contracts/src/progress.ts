import { z } from "zod";
import { UserViewSchema } from "./accounts";
import { ConceptMasterySchema, LearnerModelInfoSchema } from "./learning";

/**
 * Progress views (issue 6): a whole class's mastery in one request, one learner's mastery over time, and
 * the children a guardian may follow.
 */

export const ClassMasteryResponseSchema = z.object({
  classId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  /** The course's concepts, in the order each learner's `concepts` lists them. */
  concepts: z.array(z.object({ conceptId: z.uuid(), key: z.string() })),
  learners: z.array(
    z.object({
      learnerId: z.uuid(),
      displayName: z.string(),
      concepts: z.array(ConceptMasterySchema),
    }),
  ),
});
export type ClassMasteryResponse = z.infer<typeof ClassMasteryResponseSchema>;

export const MasteryHistoryResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  /** Each UTC day on which the learner answered something in this course, oldest first. */
  days: z.array(z.iso.date()),
  concepts: z.array(
    z.object({
      conceptId: z.uuid(),
      key: z.string(),
      /** Answers to this concept's items over the whole history. */
      answers: z.number().int().min(0),
      /** P(mastered) at the end of each of `days` (same length and order). */
      mastery: z.array(z.number().min(0).max(1)),
    }),
  ),
});
export type MasteryHistoryResponse = z.infer<typeof MasteryHistoryResponseSchema>;

export const GuardianChildrenResponseSchema = z.object({ children: z.array(UserViewSchema) });
export type GuardianChildrenResponse = z.infer<typeof GuardianChildrenResponseSchema>;
