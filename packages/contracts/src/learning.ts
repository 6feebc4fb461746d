import { z } from "zod";
import { ItemViewSchema } from "./content";

/**
 * The learning API (issue 5, item 7): mastery, plan, review queue, placement sessions, exam prediction and
 * recommendation feedback for one learner in one course. Concepts and items are named by their ids (uuid)
 * and stable keys, so clients need no second lookup.
 */

/**
 * Which learner model produced the numbers. Until the trained-model serving of issue 4 lands, the server
 * uses the engine's online BKT tracker with fixed textbook parameters (interim learner model).
 */
/**
 * The learner model behind a response: the course's trained champion (`interim: false`, with its registry
 * id and training time) or, before any model is promoted, the interim online BKT (`bkt-online`).
 */
export const LearnerModelInfoSchema = z.object({
  name: z.string(),
  interim: z.boolean(),
  description: z.string(),
  modelId: z.uuid().optional(),
  trainedAt: z.string().optional(),
});

export const ConceptMasterySchema = z.object({
  conceptId: z.uuid(),
  key: z.string(),
  mastery: z.number().min(0).max(1),
  answers: z.number().int().min(0),
  /** True when the prior came from a finished placement test rather than the default prior. */
  seededByPlacement: z.boolean(),
});
export const MasteryResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  concepts: z.array(ConceptMasterySchema),
});
export type MasteryResponse = z.infer<typeof MasteryResponseSchema>;

/** Goals: the course's goals by default, or the learner's own target concepts (stable keys). */
export const PlanQuerySchema = z.strictObject({
  goals: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9_.:-]+(,[A-Za-z0-9_.:-]+)*$/, "a comma-separated list of concept keys")
    .optional(),
  horizon: z.coerce.number().int().min(1).max(20).default(5),
});

const ExplanationSchema = z.object({ en: z.string(), "zh-CN": z.string() });
export const PlanStepViewSchema = z.object({
  kind: z.enum(["assignment", "learn", "review"]),
  conceptId: z.uuid(),
  conceptKey: z.string(),
  item: ItemViewSchema,
  /** Structured reasons, concepts by stable key (see docs/engine.md, "The platform planner"). */
  reasons: z.record(z.string(), z.unknown()),
  explanation: ExplanationSchema,
});
export const PlanResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  generatedAt: z.string(),
  targetSuccess: z.number(),
  goals: z.array(z.object({ conceptKey: z.string(), source: z.enum(["learner", "teacher"]) })),
  steps: z.array(PlanStepViewSchema),
});
export type PlanResponse = z.infer<typeof PlanResponseSchema>;

export const ReviewEntrySchema = z.object({
  conceptId: z.uuid(),
  key: z.string(),
  due: z.string(),
  /** FSRS probability of recall now. */
  retrievability: z.number().min(0).max(1),
  isDue: z.boolean(),
});
export const ReviewQueueResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  now: z.string(),
  /** Due reviews, least recalled first. */
  due: z.array(ReviewEntrySchema),
  /** Every studied concept's next review date, soonest first. */
  upcoming: z.array(ReviewEntrySchema),
});

/** A blueprint: item keys, or concept keys (each concept slot predicted with the concept's item mean). */
export const ExamPredictionRequestSchema = z
  .strictObject({
    itemKeys: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
    conceptKeys: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
  })
  .refine((b) => (b.itemKeys === undefined) !== (b.conceptKeys === undefined), {
    message: "send exactly one of itemKeys or conceptKeys",
  });
export const ExamPredictionResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  items: z.number().int(),
  expectedScore: z.number(),
  interval90: z.tuple([z.number(), z.number()]),
  sigma: z.number(),
  advice: z.object({
    weakestConcepts: z.array(
      z.object({ key: z.string(), expectedPointsLost: z.number(), meanProbability: z.number() }),
    ),
    dueReviews: z.array(z.object({ key: z.string(), due: z.string(), retrievability: z.number() })),
  }),
});

export const RECOMMENDATION_RATINGS = ["useful", "too_easy", "too_hard", "not_now"] as const;
export const RecommendationFeedbackRequestSchema = z.strictObject({
  /** Client-made statement id (retries are safe, like POST /api/events). */
  id: z.uuid(),
  itemId: z.uuid(),
  rating: z.enum(RECOMMENDATION_RATINGS),
});
export const RecommendationFeedbackResponseSchema = z.object({
  status: z.enum(["stored", "unchanged"]),
  /** The planner's target success after this rating. */
  targetSuccess: z.number(),
});

export const PlacementStartRequestSchema = z.strictObject({
  maxItems: z.number().int().min(1).max(60).optional(),
});
export const PlacementAnswerRequestSchema = z.strictObject({
  sessionId: z.uuid(),
  itemId: z.uuid(),
  response: z.string().max(5000),
});
export const PlacementResultSchema = z.object({
  theta: z.number(),
  se: z.number(),
  itemsAdministered: z.number().int(),
  stopReason: z.enum(["se-threshold", "item-cap", "bank-exhausted"]),
  seededMastery: z.array(z.object({ conceptId: z.uuid(), key: z.string(), mastery: z.number() })),
});
export const PlacementSessionResponseSchema = z.object({
  sessionId: z.uuid(),
  courseId: z.uuid(),
  status: z.enum(["in_progress", "finished"]),
  answered: z.number().int(),
  maxItems: z.number().int(),
  /** Current ability estimate (EAP) and its standard error. */
  theta: z.number(),
  se: z.number(),
  /** The next item, without its answer key; absent once finished. */
  nextItem: ItemViewSchema.optional(),
  result: PlacementResultSchema.optional(),
});
export type PlacementSessionResponse = z.infer<typeof PlacementSessionResponseSchema>;
/** The learner's latest placement session in the course, or `null` before their first. */
export const PlacementLatestResponseSchema = z.object({ session: PlacementSessionResponseSchema.nullable() });
export type PlacementLatestResponse = z.infer<typeof PlacementLatestResponseSchema>;
