import { createRepositories } from "@pathwise/storage";
import { pino } from "pino";
import { configOrExit, openMigratedDatabase } from "./boot";
import { jobHandlers, periodicTasks } from "./jobs/handlers";
import { createJobSystem, type JobDeps } from "./jobs/system";

/**
 * A job worker process (`npm run worker`): the same configuration and database as the server, the same
 * handlers, no HTTP. Run several against one PostgreSQL when one process is not enough (docs/jobs.md);
 * the queue guarantees no job runs twice at once. SIGTERM/SIGINT stop claiming, let running jobs reach
 * a safe point and give them back to the queue.
 */
async function worker(): Promise<void> {
  const config = configOrExit(process.env);
  const logger = pino({ level: config.logLevel });
  const db = await openMigratedDatabase(config, (line) => logger.info(line));
  const deps: JobDeps = { config, db, repos: createRepositories(db), clock: () => new Date() };
  const runner = createJobSystem(deps, {
    handlers: jobHandlers(deps),
    periodic: periodicTasks(deps),
    logger,
  });
  // The runner's timers would keep the process alive, but a worker must also wait when it has nothing to
  // poll (no handlers yet), until it is told to stop.
  const keepAlive = setInterval(() => {}, 2 ** 30);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "stopping the job worker");
    clearInterval(keepAlive);
    await runner.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  runner.start();
}

await worker();
