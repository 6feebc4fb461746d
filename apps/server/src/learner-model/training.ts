import { randomUUID } from "node:crypto";
import { asId, type CourseId } from "@pathwise/domain";
import {
  encodeSavedModel,
  type FitReport,
  fitInWorker,
  renderModelCard,
  type SavedModel,
} from "@pathwise/ml";
import type { ModelSummary } from "@pathwise/storage";
import { z } from "zod";
import { type JobContext, type JobHandler, PermanentJobError } from "../jobs/contract";
import type { JobDeps } from "../jobs/system";
import { compareWithChampion, learnerGroups, scoreOnTest, toStoredVocabulary } from "./evaluation";
import { selectChampion } from "./registry";
import { prepareTrainingData, type TrainingData } from "./training-data";

export const TRAIN_MODELS_KIND = "train-models";

export const CandidateSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9-]*$/, "a model kind such as bkt or dkt"),
  config: z.record(z.string(), z.unknown()).optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const TrainModelsPayloadSchema = z.strictObject({
  courseId: z.uuid(),
  candidates: z.array(CandidateSchema).min(1).max(10).optional(),
  reason: z.enum(["manual", "new-events", "schedule"]),
  /** Why an automatic trigger fired, in words (kept with the job as the record of that decision). */
  trigger: z.string().max(500).optional(),
});
export type TrainModelsPayload = z.infer<typeof TrainModelsPayloadSchema>;

/** One training job per course at a time: the queue's dedupe key. */
export const trainingDedupeKey = (courseId: string) => `train:${courseId}`;

interface Trained {
  readonly summary: ModelSummary;
  readonly saved: SavedModel;
  readonly validAuc: number;
}

/** The fit budget of one candidate: the job settings cap whatever the candidate's config asks for. */
function fitRequest(candidate: Candidate, training: JobDeps["config"]["training"]) {
  const asked = candidate.config ?? {};
  const maxEpochs = Math.min(
    training.maxEpochs,
    typeof asked.maxEpochs === "number" ? asked.maxEpochs : Number.POSITIVE_INFINITY,
  );
  const maxTrainSeconds = Math.min(
    training.maxSecondsPerCandidate,
    typeof asked.maxTrainSeconds === "number" && asked.maxTrainSeconds > 0
      ? asked.maxTrainSeconds
      : Number.POSITIVE_INFINITY,
  );
  // Baselines ignore `maxTrainSeconds` (their configs drop unknown keys); they finish in seconds.
  return { config: { ...asked, maxTrainSeconds }, maxEpochs };
}

function bestValidAuc(report: FitReport): number {
  return report.history.find((h) => h.epoch === report.bestEpoch)?.validAuc ?? Number.NaN;
}

/**
 * The `train-models` job (issue 4, item 2): snapshot the course's answers, split by learner, train each
 * candidate in a worker thread, score it on held-out learners (metrics, calibration, fairness), register
 * it with its model card, then let the champion/challenger rule decide (registry.ts).
 */
export function trainModelsHandler(deps: JobDeps): JobHandler<TrainModelsPayload> {
  return {
    kind: TRAIN_MODELS_KIND,
    payload: TrainModelsPayloadSchema,
    maxAttempts: 2,
    run: (context) => trainModels(deps, context),
  };
}

async function trainModels(deps: JobDeps, context: JobContext<TrainModelsPayload>) {
  const { repos, config, clock } = deps;
  const { tenantId, payload, signal } = context;
  const courseId = asId<CourseId>(payload.courseId);
  const course = await repos.content.getCourse(tenantId, courseId);
  if (!course) throw new PermanentJobError(`No course ${payload.courseId} in this school`);
  const title = course.title.en;
  const settings = await repos.models.getSettings(tenantId, courseId);
  const candidates: readonly Candidate[] =
    payload.candidates ??
    (settings && settings.candidates.length > 0 ? settings.candidates : undefined) ??
    config.training.candidates.map((kind) => ({ kind }));

  context.progress(0, `Reading the answers of "${title}"`);
  const data = prepareTrainingData(title, await repos.models.courseAnswers(tenantId, courseId));
  const groupsOf = await learnerGroups(
    repos,
    tenantId,
    data.split.test.sequences.map((s) => s.learner),
    config.training.fairnessAttributes,
  );

  const trained: Trained[] = [];
  const failures: { kind: string; error: string }[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const share = (fraction: number) => (0.9 * (index + fraction)) / candidates.length;
    const label = `${candidate.kind} (${index + 1} of ${candidates.length})`;
    context.progress(share(0), `Training ${label}`);
    try {
      trained.push(
        await trainOne(deps, context, { candidate, data, groupsOf, title, courseId, label, share }),
      );
    } catch (error) {
      if (signal.aborted) throw error;
      failures.push({ kind: candidate.kind, error: (error as Error).message });
    }
  }
  if (trained.length === 0)
    throw new Error(`Every candidate failed: ${failures.map((f) => `${f.kind}: ${f.error}`).join("; ")}`);

  context.progress(0.92, "Comparing with the current champion");
  const decision = await selectChampion(deps, {
    tenantId,
    courseId,
    candidates: trained.map((t) => ({
      modelId: t.summary.id,
      kind: t.summary.kind,
      validAuc: t.validAuc,
    })),
    compare: async (champion, challengerId) => {
      const challenger = trained.find((t) => t.summary.id === challengerId) as Trained;
      const testLearners = new Set(data.split.test.sequences.map((s) => s.learner));
      return compareWithChampion({
        champion,
        challenger: { saved: challenger.saved, vocabulary: data.vocabulary },
        testRecords: data.records.filter((r) => testLearners.has(r.learner)),
        signal,
      });
    },
  });
  await repos.models.markTrained({
    tenantId,
    courseId,
    seq: data.snapshot.maxSeq,
    at: clock(),
    candidates,
  });
  context.progress(1, `Done: ${decision.action} ${decision.modelId ?? ""}`.trim());
  return {
    courseId,
    reason: payload.reason,
    snapshot: data.snapshot,
    models: trained.map((t) => ({
      id: t.summary.id,
      kind: t.summary.kind,
      validAuc: t.validAuc,
      testAuc: (t.summary.metrics as { test: { auc: number } }).test.auc,
    })),
    failures,
    decision: { action: decision.action, modelId: decision.modelId, reason: decision.reason },
  };
}

async function trainOne(
  deps: JobDeps,
  context: JobContext<TrainModelsPayload>,
  input: {
    candidate: Candidate;
    data: TrainingData;
    groupsOf: Parameters<typeof scoreOnTest>[2];
    title: string;
    courseId: CourseId;
    label: string;
    share: (fraction: number) => number;
  },
): Promise<Trained> {
  const { candidate, data, share, label } = input;
  const { config: fitConfig, maxEpochs } = fitRequest(candidate, deps.config.training);
  const { report, saved } = await fitInWorker(
    {
      model: candidate.kind,
      config: fitConfig,
      train: data.split.train,
      valid: data.split.valid,
      maxEpochs,
    },
    {
      signal: context.signal,
      onProgress: (p) =>
        context.progress(share(0.9 * p.fraction), `Training ${label}, epoch ${p.epoch}/${p.epochs}`),
    },
  );
  context.progress(share(0.92), `Evaluating ${label} on ${data.snapshot.testLearners} held-out learners`);
  const minGroup = deps.config.training.fairnessMinGroup;
  const scored = await scoreOnTest(saved, data.split.test, input.groupsOf, minGroup, context.signal);
  const validAuc = bestValidAuc(report);
  const id = randomUUID();
  const createdAt = deps.clock();
  const card = renderModelCard({
    modelId: id,
    kind: candidate.kind,
    courseTitle: input.title,
    createdAt,
    config: saved.config,
    snapshot: data.snapshot,
    training: report,
    validAuc,
    test: scored.test,
    fairness: scored.fairness,
    minGroupSize: minGroup,
  });
  const summary = await deps.repos.models.register({
    id,
    tenantId: context.tenantId,
    courseId: input.courseId,
    kind: candidate.kind,
    config: { ...saved.config },
    metrics: { validAuc, test: scored.test },
    fairness: scored.fairness,
    snapshot: { ...data.snapshot },
    training: { ...report, maxEpochs, maxSeconds: fitConfig.maxTrainSeconds },
    card,
    file: Buffer.from(encodeSavedModel(saved), "utf8"),
    vocabulary: toStoredVocabulary(data.vocabulary),
    jobId: context.jobId,
  });
  return { summary, saved, validAuc };
}
