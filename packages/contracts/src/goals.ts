import { z } from "zod";
import { LearnerModelInfoSchema } from "./learning";

/**
 * Learning goals (issue 6): concepts a learner aims to master in a course, set by the learner for
 * themselves or by a teacher or admin for them (a teacher's goal is how an assignment is stored). The plan
 * aims at the learner's open goals when a request names none.
 */

/** The mastery a goal's every concept must reach: the "mastered" band (Corbett & Anderson 1995). */
export const GOAL_MASTERY_THRESHOLD = 0.95;

const GoalFieldsSchema = {
  conceptIds: z
    .array(z.uuid())
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: "names a concept twice" }),
  note: z.string().trim().min(1).max(500).optional(),
  /** A calendar day, `YYYY-MM-DD`. */
  targetDate: z.iso.date().optional(),
};

export const CreateGoalRequestSchema = z.strictObject(GoalFieldsSchema);
export type CreateGoalRequest = z.infer<typeof CreateGoalRequestSchema>;

/** A teacher's goal for every learner enrolled in a class. */
export const CreateClassGoalRequestSchema = z.strictObject(GoalFieldsSchema);

/** Goals are closed by dropping them; `achieved` is set by the learner model, never by hand. */
export const UpdateGoalRequestSchema = z.strictObject({ status: z.literal("dropped") });

export const GoalViewSchema = z.object({
  id: z.uuid(),
  learnerId: z.uuid(),
  courseId: z.uuid(),
  concepts: z.array(
    z.object({
      conceptId: z.uuid(),
      key: z.string(),
      /** The learner model's current P(mastered). */
      mastery: z.number().min(0).max(1),
      mastered: z.boolean(),
    }),
  ),
  setBy: z.object({ id: z.uuid(), displayName: z.string(), role: z.enum(["learner", "teacher", "admin"]) }),
  note: z.string().nullable(),
  targetDate: z.iso.date().nullable(),
  status: z.enum(["open", "achieved", "dropped"]),
  /** Concepts at or above the threshold, out of the goal's concepts. */
  progress: z.object({ mastered: z.number().int().min(0), total: z.number().int().min(1) }),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
export type GoalView = z.infer<typeof GoalViewSchema>;

export const GoalListResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  goals: z.array(GoalViewSchema),
});
export type GoalListResponse = z.infer<typeof GoalListResponseSchema>;

export const ClassGoalResponseSchema = z.object({
  classId: z.uuid(),
  courseId: z.uuid(),
  /** One new goal per learner enrolled in the class. */
  goals: z.array(GoalViewSchema),
});
export type ClassGoalResponse = z.infer<typeof ClassGoalResponseSchema>;
