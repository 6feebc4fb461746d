import {
  AutomaticReasonCodeSchema,
  type MetricsView,
  ModelDecisionListResponseSchema,
  ModelDecisionRequestSchema,
  ModelDecisionViewSchema,
  type ModelDetail,
  ModelDetailSchema,
  ModelListResponseSchema,
  ModelParamsSchema,
  ModelSettingsSchema,
  ModelSettingsViewSchema,
  type ModelSummary,
  TrainingJobRequestSchema,
  TrainingJobResponseSchema,
} from "@pathwise/contracts";
import { asId, type CourseId } from "@pathwise/domain";
import { servedModels } from "@pathwise/ml/serving";
import type {
  ModelDecision,
  ModelSettings,
  ModelDetail as StoredDetail,
  ModelSummary as StoredSummary,
} from "@pathwise/storage";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../deps";
import { principalOf } from "../http/authorize";
import { ApiError } from "../http/errors";
import { promoteModel, rollbackChampion } from "../learner-model/registry";
import { TRAIN_MODELS_KIND, type TrainModelsPayload, trainingDedupeKey } from "../learner-model/training";
import { presentJob } from "./jobs";

const CourseParams = z.strictObject({ courseId: z.uuid() });

/** JSON turned NaN into null at registration; anything not a finite number is presented as null. */
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

interface StoredMetrics {
  count?: number;
  auc?: unknown;
  accuracy?: unknown;
  rmse?: unknown;
  logLoss?: unknown;
  calibration?: {
    ece?: unknown;
    bins?: { lower: number; upper: number; count: number; meanPredicted: unknown; observed: unknown }[];
  };
}

function presentMetrics(stored: StoredMetrics | undefined): MetricsView {
  return {
    count: stored?.count ?? 0,
    auc: num(stored?.auc),
    accuracy: num(stored?.accuracy),
    rmse: num(stored?.rmse),
    logLoss: num(stored?.logLoss),
    ece: num(stored?.calibration?.ece),
    reliability: (stored?.calibration?.bins ?? []).map((bin) => ({
      lower: bin.lower,
      upper: bin.upper,
      count: bin.count,
      meanPredicted: num(bin.meanPredicted),
      observed: num(bin.observed),
    })),
  };
}

function presentModel(model: StoredSummary): ModelSummary {
  const metrics = model.metrics as { validAuc?: unknown; test?: StoredMetrics };
  return {
    id: model.id,
    courseId: model.courseId,
    kind: model.kind,
    status: model.status,
    config: model.config,
    validAuc: num(metrics.validAuc),
    test: presentMetrics(metrics.test),
    snapshot: model.snapshot,
    jobId: model.jobId,
    createdAt: model.createdAt.toISOString(),
    promotedAt: model.promotedAt?.toISOString() ?? null,
  };
}

function presentDetail(model: StoredDetail): ModelDetail {
  const training = model.training as {
    epochs?: number;
    bestEpoch?: number;
    wallSeconds?: number;
    interactionsPerSecond?: number;
    history?: { epoch: number; trainLoss: unknown; validAuc: unknown; seconds: number }[];
  };
  return {
    ...presentModel(model),
    fairness: (model.fairness as (Record<string, unknown> & { metrics?: StoredMetrics })[]).map((row) => ({
      dimension: String(row.dimension),
      group: String(row.group),
      label: String(row.label ?? row.group),
      suppressed: row.suppressed === true,
      reason: typeof row.reason === "string" ? row.reason : null,
      learners: typeof row.learners === "number" ? row.learners : null,
      metrics: row.metrics ? presentMetrics(row.metrics) : null,
    })),
    training: {
      epochs: training.epochs ?? 0,
      bestEpoch: training.bestEpoch ?? 0,
      wallSeconds: training.wallSeconds ?? 0,
      interactionsPerSecond: training.interactionsPerSecond ?? 0,
      history: (training.history ?? []).map((h) => ({
        epoch: h.epoch,
        trainLoss: num(h.trainLoss),
        validAuc: num(h.validAuc),
        seconds: h.seconds,
      })),
    },
    card: model.card,
    fileSha256: model.fileSha256,
  };
}

/** The automatic rule stores its reason code with the compared figures (learner-model/registry.ts). */
const reasonCodeOf = (d: ModelDecision) => {
  const parsed = AutomaticReasonCodeSchema.safeParse(d.comparison.reasonCode);
  return d.actorId === null && parsed.success ? { reasonCode: parsed.data } : {};
};

const presentDecision = (d: ModelDecision): z.infer<typeof ModelDecisionViewSchema> => ({
  id: d.id,
  courseId: d.courseId,
  action: d.action,
  modelId: d.modelId,
  previousModelId: d.previousModelId,
  actorId: d.actorId,
  reason: d.reason,
  ...reasonCodeOf(d),
  comparison: d.comparison,
  decidedAt: d.decidedAt.toISOString(),
});

const presentSettings = (
  settings: ModelSettings | undefined,
  defaults: readonly string[],
  answersSinceTraining: number,
): z.infer<typeof ModelSettingsViewSchema> => ({
  candidates: settings?.candidates.map((c) => ({ ...c })) ?? defaults.map((kind) => ({ kind })),
  retrainEveryEvents: settings?.retrainEveryEvents ?? null,
  retrainIntervalHours: settings?.retrainIntervalHours ?? null,
  lastTrainedSeq: settings?.lastTrainedSeq ?? 0,
  lastTrainedAt: settings?.lastTrainedAt?.toISOString() ?? null,
  answersSinceTraining,
  // A champion must be served, so the kinds with a predictor are the ones worth training.
  knownKinds: [...servedModels()],
});

/**
 * The model registry API (docs/models.md): staff read a course's models, decisions and start training;
 * admins promote, roll back and change the course's training settings. Weights never leave the server.
 */
export function registerModelRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["models"];

  r.get(
    "/api/courses/:courseId/models",
    { schema: { tags, params: CourseParams, response: { 200: ModelListResponseSchema } } },
    async function listModels(request) {
      const { user } = principalOf(request);
      const models = await deps.repos.models.list(user.tenantId, asId<CourseId>(request.params.courseId));
      return { models: models.map(presentModel) };
    },
  );
  r.get(
    "/api/models/:modelId",
    { schema: { tags, params: ModelParamsSchema, response: { 200: ModelDetailSchema } } },
    async function getModel(request) {
      const { user } = principalOf(request);
      const model = await deps.repos.models.get(user.tenantId, request.params.modelId);
      if (!model) throw new ApiError("not_found", `No such model ${request.params.modelId} in your school`);
      return presentDetail(model);
    },
  );
  r.get(
    "/api/courses/:courseId/model-decisions",
    { schema: { tags, params: CourseParams, response: { 200: ModelDecisionListResponseSchema } } },
    async function listDecisions(request) {
      const { user } = principalOf(request);
      const decisions = await deps.repos.models.decisions(
        user.tenantId,
        asId<CourseId>(request.params.courseId),
      );
      return { decisions: decisions.map(presentDecision) };
    },
  );
  r.post(
    "/api/models/:modelId/promote",
    {
      schema: {
        tags,
        params: ModelParamsSchema,
        body: ModelDecisionRequestSchema,
        response: { 200: ModelDecisionViewSchema },
      },
    },
    async function promote(request) {
      const { user } = principalOf(request);
      const decision = await promoteModel(deps, {
        tenantId: user.tenantId,
        modelId: request.params.modelId,
        actorId: user.id,
        reason: request.body.reason,
      });
      return presentDecision(decision);
    },
  );
  r.post(
    "/api/courses/:courseId/models/rollback",
    {
      schema: {
        tags,
        params: CourseParams,
        body: ModelDecisionRequestSchema,
        response: { 200: ModelDecisionViewSchema },
      },
    },
    async function rollback(request) {
      const { user } = principalOf(request);
      const decision = await rollbackChampion(deps, {
        tenantId: user.tenantId,
        courseId: asId<CourseId>(request.params.courseId),
        actorId: user.id,
        reason: request.body.reason,
      });
      return presentDecision(decision);
    },
  );
  r.post(
    "/api/courses/:courseId/training-jobs",
    {
      schema: {
        tags,
        params: CourseParams,
        body: TrainingJobRequestSchema,
        response: { 200: TrainingJobResponseSchema, 202: TrainingJobResponseSchema },
      },
    },
    async function startTraining(request, reply) {
      const { user } = principalOf(request);
      const payload: TrainModelsPayload = {
        courseId: request.params.courseId,
        reason: "manual",
        ...(request.body.candidates ? { candidates: request.body.candidates } : {}),
      };
      const { created, job } = await deps.repos.jobs.enqueue({
        tenantId: user.tenantId,
        kind: TRAIN_MODELS_KIND,
        payload,
        dedupeKey: trainingDedupeKey(request.params.courseId),
        createdBy: user.id,
      });
      return reply.status(created ? 202 : 200).send({ created, job: presentJob(job) });
    },
  );
  r.get(
    "/api/courses/:courseId/model-settings",
    { schema: { tags, params: CourseParams, response: { 200: ModelSettingsViewSchema } } },
    async function getSettings(request) {
      const { user } = principalOf(request);
      const courseId = asId<CourseId>(request.params.courseId);
      const settings = await deps.repos.models.getSettings(user.tenantId, courseId);
      const since = await deps.repos.models.countAnswersAfter(
        user.tenantId,
        courseId,
        settings?.lastTrainedSeq ?? 0,
      );
      return presentSettings(settings, deps.config.training.candidates, since);
    },
  );
  r.put(
    "/api/courses/:courseId/model-settings",
    {
      schema: {
        tags,
        params: CourseParams,
        body: ModelSettingsSchema,
        response: { 200: ModelSettingsViewSchema },
      },
    },
    async function putSettings(request) {
      const { user } = principalOf(request);
      const courseId = asId<CourseId>(request.params.courseId);
      const settings = await deps.repos.models.putSettings({
        tenantId: user.tenantId,
        courseId,
        ...request.body,
        at: deps.clock(),
      });
      const since = await deps.repos.models.countAnswersAfter(
        user.tenantId,
        courseId,
        settings.lastTrainedSeq,
      );
      return presentSettings(settings, deps.config.training.candidates, since);
    },
  );
}
