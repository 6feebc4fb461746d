import type { ModelSettings } from "@pathwise/storage";
import type { PeriodicTask } from "../jobs/periodic";
import type { JobDeps } from "../jobs/system";
import { TRAIN_MODELS_KIND, type TrainModelsPayload, trainingDedupeKey } from "./training";

/**
 * Feedback-driven retraining (issue 4, item 5). A course's model settings may ask for a new training run
 * every N answer events and/or every H hours; this periodic task enqueues it. Enqueueing uses the
 * training dedupe key, so every job runner may run the check (they all do) and a course still gets at
 * most one active training job. The job row, with its reason and trigger text, records each decision.
 */
export type RetrainingTrigger = Pick<TrainModelsPayload, "reason" | "trigger">;

/**
 * Pure rule: `new-events` once at least `retrainEveryEvents` answers arrived after the last training;
 * else `schedule` once `retrainIntervalHours` passed since the last training (or since the settings
 * were saved, for a course never trained) and at least one answer arrived — retraining on the very same
 * snapshot could not change anything.
 */
export function retrainingTrigger(
  settings: ModelSettings & { readonly newAnswers: number },
  now: Date,
): RetrainingTrigger | undefined {
  const since = `seq ${settings.lastTrainedSeq}`;
  if (settings.retrainEveryEvents !== null && settings.newAnswers >= settings.retrainEveryEvents)
    return {
      reason: "new-events",
      trigger: `at least ${settings.retrainEveryEvents} new answers after ${since} (the course's retraining threshold)`,
    };
  if (settings.retrainIntervalHours !== null && settings.newAnswers > 0) {
    const last = settings.lastTrainedAt ?? settings.updatedAt;
    const hours = (now.getTime() - last.getTime()) / 3_600_000;
    if (hours >= settings.retrainIntervalHours)
      return {
        reason: "schedule",
        trigger: `${Math.floor(hours)} h since ${settings.lastTrainedAt ? "the last training" : "the settings were saved"} (every ${settings.retrainIntervalHours} h), with new answers after ${since}`,
      };
  }
  return undefined;
}

export interface RetrainingCheck {
  readonly courseId: string;
  readonly jobId: string;
  readonly created: boolean;
  readonly trigger: RetrainingTrigger;
}

/** One pass over every course with a retraining rule; returns the jobs it enqueued or found active. */
export async function checkRetraining(deps: Pick<JobDeps, "repos" | "clock">): Promise<RetrainingCheck[]> {
  const now = deps.clock();
  const out: RetrainingCheck[] = [];
  for (const settings of await deps.repos.models.retrainingCandidates()) {
    const trigger = retrainingTrigger(settings, now);
    if (!trigger) continue;
    const payload: TrainModelsPayload = { courseId: settings.courseId, ...trigger };
    const { created, job } = await deps.repos.jobs.enqueue({
      tenantId: settings.tenantId,
      kind: TRAIN_MODELS_KIND,
      payload,
      dedupeKey: trainingDedupeKey(settings.courseId),
    });
    out.push({ courseId: settings.courseId, jobId: job.id, created, trigger });
  }
  return out;
}

export function retrainingTask(deps: JobDeps): PeriodicTask {
  return {
    name: "check-retraining",
    everyMs: deps.config.training.retrainCheckMs,
    async run(signal) {
      if (signal.aborted) return;
      await checkRetraining(deps);
    },
  };
}
