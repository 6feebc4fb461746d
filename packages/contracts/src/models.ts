import { z } from "zod";
import { JobSummarySchema } from "./jobs";

/**
 * The learner-model registry (docs/models.md): trained models per course with their held-out metrics,
 * fairness table, data snapshot and model card — never their weights — the audited decisions that chose
 * the champion, training jobs and per-course training settings. Metrics that are undefined on the data
 * (AUC with answers of one kind only, an empty calibration bin) are null.
 */
export const ModelParamsSchema = z.strictObject({ modelId: z.uuid() });
export const ModelStatusSchema = z.enum(["candidate", "champion", "retired", "rejected"]);

const metric = z.number().nullable();

export const MetricsViewSchema = z.object({
  /** Scored answers (each answer's first interaction of a learner is not predicted). */
  count: z.number().int().min(0),
  auc: metric,
  accuracy: metric,
  rmse: metric,
  logLoss: metric,
  /** Expected calibration error over 10 equal-width bins. */
  ece: metric,
  reliability: z.array(
    z.object({
      lower: z.number(),
      upper: z.number(),
      count: z.number().int().min(0),
      meanPredicted: metric,
      observed: metric,
    }),
  ),
});
export type MetricsView = z.infer<typeof MetricsViewSchema>;

export const FairnessRowViewSchema = z.object({
  /** "class", or "attribute:<key>" for a configured learner attribute. */
  dimension: z.string(),
  group: z.string(),
  label: z.string(),
  /** Groups below the configured minimum size show no figures and no count. */
  suppressed: z.boolean(),
  reason: z.string().nullable(),
  learners: z.number().int().nullable(),
  metrics: MetricsViewSchema.nullable(),
});

export const ModelSummarySchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  kind: z.string(),
  status: ModelStatusSchema,
  config: z.record(z.string(), z.unknown()),
  /** Validation AUC (chose the challenger) and metrics on held-out test learners. */
  validAuc: metric,
  test: MetricsViewSchema,
  snapshot: z.record(z.string(), z.unknown()),
  jobId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  promotedAt: z.iso.datetime().nullable(),
});
export type ModelSummary = z.infer<typeof ModelSummarySchema>;

export const ModelListResponseSchema = z.object({ models: z.array(ModelSummarySchema) });

export const ModelDetailSchema = ModelSummarySchema.extend({
  fairness: z.array(FairnessRowViewSchema),
  training: z.object({
    epochs: z.number().int(),
    bestEpoch: z.number().int(),
    wallSeconds: z.number(),
    interactionsPerSecond: z.number(),
    history: z.array(
      z.object({ epoch: z.number().int(), trainLoss: metric, validAuc: metric, seconds: z.number() }),
    ),
  }),
  /** The model card, Markdown (Mitchell et al. 2019). */
  card: z.string(),
  fileSha256: z.string(),
});
export type ModelDetail = z.infer<typeof ModelDetailSchema>;

/**
 * Why the automatic champion/challenger rule decided (docs/models.md, "Choosing the champion"), so a
 * client can say it in its own language; the figures it needs are in the decision's `comparison`
 * (`candidates`, `challengerKind`, `challengerValidAuc`, `challengerAuc`, `championKind`, `championAuc`,
 * `minGain`, `answers`, `learners`, `championProblem`). Decisions made by people have none.
 */
export const AutomaticReasonCodeSchema = z.enum([
  /** The course had no champion; the challenger was put in use. */
  "first-champion",
  /** The champion could not be evaluated (`championProblem`); the challenger replaced it. */
  "champion-unusable",
  /** AUC undefined on the shared held-out answers; the champion stays. */
  "auc-undefined",
  /** The challenger beat the champion by at least the minimum gain. */
  "challenger-better",
  /** The challenger did not beat the champion by the minimum gain. */
  "challenger-not-better",
  /** No candidate had a defined validation AUC; the first one is rejected. */
  "no-valid-auc",
]);
export type AutomaticReasonCode = z.infer<typeof AutomaticReasonCodeSchema>;

export const ModelDecisionViewSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  action: z.enum(["promote", "rollback", "reject", "keep"]),
  modelId: z.uuid().nullable(),
  previousModelId: z.uuid().nullable(),
  /** Null: the automatic champion/challenger rule decided. */
  actorId: z.uuid().nullable(),
  /** In English for the automatic rule (say it from `reasonCode` instead); as typed for a person's. */
  reason: z.string(),
  /** Present on the automatic rule's decisions (those recorded before it existed have none). */
  reasonCode: AutomaticReasonCodeSchema.optional(),
  comparison: z.record(z.string(), z.unknown()),
  decidedAt: z.iso.datetime(),
});
export const ModelDecisionListResponseSchema = z.object({ decisions: z.array(ModelDecisionViewSchema) });

export const ModelDecisionRequestSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const TrainingCandidateSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9-]*$/, "a model kind such as bkt or dkt"),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const TrainingJobRequestSchema = z.strictObject({
  /** Defaults to the course's model settings, else the server's PATHWISE_TRAIN_CANDIDATES. */
  candidates: z.array(TrainingCandidateSchema).min(1).max(10).optional(),
});
/** 202 with a new job; 200 with the course's already active training job (one at a time per course). */
export const TrainingJobResponseSchema = z.object({ created: z.boolean(), job: JobSummarySchema });

export const ModelSettingsSchema = z.strictObject({
  candidates: z.array(TrainingCandidateSchema).max(10),
  /** Retrain once this many new answers arrived after the last training; null = never for that reason. */
  retrainEveryEvents: z.number().int().min(1).max(100_000_000).nullable(),
  /** Retrain when this many hours passed since the last training (and answers arrived); null = never. */
  retrainIntervalHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .nullable(),
});
export const ModelSettingsViewSchema = ModelSettingsSchema.extend({
  lastTrainedSeq: z.number().int().min(0),
  lastTrainedAt: z.iso.datetime().nullable(),
  /** Graded answers of the course after `lastTrainedSeq` (what the answer-count rule compares). */
  answersSinceTraining: z.number().int().min(0).optional(),
  /** The model kinds this server can train and serve, for choosing candidates. */
  knownKinds: z.array(z.string()).optional(),
});
