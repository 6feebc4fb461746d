import { z } from "zod";
import { LearnerModelInfoSchema } from "./learning";

/**
 * Predictions and explanations (issue 4, items 4 and 6): p(correct) per item for one learner from the
 * course's champion model (or the interim BKT before one is promoted), and for one item the past answers
 * that weighed most on its prediction, by the model's own method.
 */
export const PredictionsQuerySchema = z.strictObject({
  /** Comma-separated item ids; all of the course's items (up to 5,000) when absent. */
  items: z
    .string()
    .max(200_000)
    .regex(/^[0-9a-f-]+(,[0-9a-f-]+)*$/i, "expected comma-separated item ids")
    .optional(),
});

export const PredictionsResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  predictions: z.array(z.object({ itemId: z.uuid(), key: z.string(), pCorrect: z.number() })),
});
export type PredictionsResponse = z.infer<typeof PredictionsResponseSchema>;

export const ExplanationQuerySchema = z.strictObject({ item: z.uuid() });

export const ExplanationResponseSchema = z.object({
  learnerId: z.uuid(),
  courseId: z.uuid(),
  model: LearnerModelInfoSchema,
  item: z.object({ itemId: z.uuid(), key: z.string() }),
  pCorrect: z.number(),
  /** attention (SAKT/AKT), gradient-x-input (DNN/DKT), leave-one-out or parameters (BKT, Elo, PFA). */
  method: z.string(),
  /** The model's parameters behind the prediction, by name (e.g. BKT's prior, learn, guess, slip). */
  parameters: z.record(z.string(), z.number()),
  concepts: z.array(z.object({ conceptId: z.uuid(), key: z.string(), mastery: z.number() })),
  /** The most influential past answers, strongest first; a positive weight pushed p(correct) up. */
  influences: z.array(
    z.object({
      itemId: z.uuid(),
      key: z.string(),
      correct: z.boolean(),
      at: z.string(),
      weight: z.number(),
    }),
  ),
});
export type ExplanationResponse = z.infer<typeof ExplanationResponseSchema>;
