import { createRepositories } from "@pathwise/storage";
import { buildApp } from "./app";
import { createArgon2Hasher } from "./auth/passwords";
import { configOrExit, openMigratedDatabase } from "./boot";
import { runDemoSeed } from "./demo-hook";
import type { AppDeps } from "./deps";
import { jobHandlers, periodicTasks } from "./jobs/handlers";
import { createJobSystem } from "./jobs/system";
import { ModelServing } from "./learner-model/serving";

/**
 * Composition root: parse config once, open the database (PGlite in the data folder, or PostgreSQL
 * when DATABASE_URL is set), apply migrations, build the app, listen. `--demo` seeds the demo school.
 */
async function main(argv: readonly string[]): Promise<void> {
  const config = configOrExit(process.env);
  const where = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded PGlite in ${config.dataDir}/pglite`;
  console.log(`Opening the database: ${where}…`);
  const db = await openMigratedDatabase(config, (line) => console.log(line));
  const passwords = await createArgon2Hasher();
  const repos = createRepositories(db);
  const modelServing = new ModelServing(repos, {
    log: (message, error) => console.error(message, error instanceof Error ? error.message : ""),
  });
  const deps: AppDeps = { config, db, repos, passwords, clock: () => new Date(), modelServing };
  if (argv.includes("--demo")) await runDemoSeed({ deps, passwords, log: (line) => console.log(line) });

  const app = await buildApp(deps);
  // Background jobs run here unless separate `npm run worker` processes do them (docs/jobs.md).
  const jobs = config.jobs.inProcess
    ? createJobSystem(deps, { handlers: jobHandlers(deps), periodic: periodicTasks(deps), logger: app.log })
    : undefined;
  const shutdown = async (signal: string) => {
    console.log(`${signal}: closing`);
    await app.close();
    await jobs?.stop();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  jobs?.start();
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  console.log(`Pathwise is running at http://${host}:${port}/  (API docs: http://${host}:${port}/docs)`);
}

await main(process.argv.slice(2));
