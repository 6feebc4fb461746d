import { z } from "zod";

/**
 * What the platform planner needs for one learner, as plain data (the server builds it from the event log
 * and the live learner model). Dates are parsed from ISO strings. The concept graph and concept names are
 * passed beside it (see `planNextSteps`).
 */
export const FEEDBACK = ["useful", "too_easy", "too_hard", "not_now"] as const;

const Probability = z.number().min(0).max(1);

export const PlanRequestSchema = z.strictObject({
  now: z.coerce.date(),
  goals: z
    .array(
      z.strictObject({
        concept: z.string().min(1),
        source: z.enum(["learner", "teacher"]),
        assignedBy: z.string().min(1).optional(),
      }),
    )
    .min(1),
  /** P(mastered) per concept from the learner model; a missing concept counts as 0. */
  mastery: z.record(z.string(), Probability),
  items: z.array(
    z.strictObject({
      id: z.string().min(1),
      concepts: z.array(z.string().min(1)).min(1),
      /** p(correct) for this learner from the learner model; derived from mastery when absent. */
      predictedSuccess: Probability.optional(),
    }),
  ),
  /** The learner's latest answers, oldest first; the last one is never re-served. */
  recent: z
    .array(z.strictObject({ itemId: z.string().min(1), correct: z.boolean(), at: z.coerce.date() }))
    .default([]),
  /** Pending teacher assignments. */
  assignments: z
    .array(
      z.strictObject({
        itemId: z.string().min(1),
        assignedBy: z.string().min(1),
        due: z.coerce.date().optional(),
      }),
    )
    .default([]),
  /** Due FSRS reviews (see review/fsrs.ts). */
  reviews: z
    .array(z.strictObject({ concept: z.string().min(1), due: z.coerce.date(), retrievability: Probability }))
    .default([]),
  /** Past interactions that weighed most on each concept's estimate (e.g. attention weights of SAKT/AKT). */
  influences: z
    .record(
      z.string(),
      z.array(
        z.strictObject({
          itemId: z.string().min(1),
          correct: z.boolean(),
          at: z.coerce.date(),
          weight: z.number(),
        }),
      ),
    )
    .default({}),
  /** The learner's ratings of past recommendations, oldest first. */
  feedback: z.array(z.enum(FEEDBACK)).default([]),
  settings: z
    .strictObject({
      horizon: z.number().int().min(1).max(20).default(5),
      masteryThreshold: Probability.default(0.95),
      baseTargetSuccess: z.number().min(0.5).max(0.95).default(0.7),
    })
    .default({ horizon: 5, masteryThreshold: 0.95, baseTargetSuccess: 0.7 }),
});

export type PlanRequest = z.infer<typeof PlanRequestSchema>;
export type PlanRequestInput = z.input<typeof PlanRequestSchema>;
export type Feedback = (typeof FEEDBACK)[number];
