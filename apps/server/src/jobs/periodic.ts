import type { JobLogger } from "./runner";

/**
 * Work a job runner does on a timer in its own process (e.g. "is a course due for retraining?").
 * Every process running a job runner runs its periodic tasks, so a task must be idempotent: it should
 * only enqueue jobs, with a dedupe key, and let the queue decide who does the work once.
 */
export interface PeriodicTask {
  readonly name: string;
  /** Time from the end of one run to the start of the next (runs never overlap). */
  readonly everyMs: number;
  /** Aborted when the runner stops; stop at the next safe point. */
  run(signal: AbortSignal): Promise<void>;
}

/**
 * Runs `task` once at once and then `everyMs` after each run ends. Errors are logged and the schedule
 * goes on. `stop()` cancels the next run, aborts the current one and waits for it to settle.
 */
export function startPeriodicTask(task: PeriodicTask, logger: JobLogger): { stop(): Promise<void> } {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  function runOnce(): void {
    timer = undefined;
    current = task
      .run(controller.signal)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) logger.error({ task: task.name, err: error }, "periodic task failed");
      })
      .finally(() => {
        if (!controller.signal.aborted) timer = setTimeout(runOnce, task.everyMs);
      });
  }
  timer = setTimeout(runOnce, 0);

  return {
    async stop() {
      controller.abort("shutdown");
      clearTimeout(timer);
      await current;
    },
  };
}
