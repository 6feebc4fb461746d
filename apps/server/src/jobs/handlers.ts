import { retrainingTask } from "../learner-model/retraining";
import { trainModelsHandler } from "../learner-model/training";
import { datasetImportHandler } from "../use-cases/dataset-import-job";
import type { JobHandler } from "./contract";
import type { PeriodicTask } from "./periodic";
import type { JobDeps } from "./system";

/**
 * The one place job kinds and periodic tasks are registered. The server (in-process runner) and every
 * `npm run worker` process build their runner from these lists, so a kind added here runs everywhere.
 * Periodic tasks run in every such process: they must be idempotent (enqueue with a dedupe key).
 */
// biome-ignore lint/suspicious/noExplicitAny: each handler has its own payload type; the runner parses it.
export function jobHandlers(deps: JobDeps): JobHandler<any>[] {
  return [trainModelsHandler(deps), datasetImportHandler(deps)];
}

export function periodicTasks(deps: JobDeps): PeriodicTask[] {
  return [retrainingTask(deps)];
}
