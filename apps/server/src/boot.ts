import { type Database, migrate, openDatabase } from "@pathwise/storage";
import { type Config, ConfigError, parseConfig } from "./config";

/**
 * Start-up steps shared by the server (main.ts) and job workers (worker.ts): both read the same
 * configuration and database, so a misconfiguration or a failed migration stops either the same way.
 */

/** The configuration, or exit 2 with every problem listed (docs/configuration.md). */
export function configOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Opens PGlite in the data folder, or PostgreSQL when DATABASE_URL is set, and applies migrations (exit 1 on failure). */
export async function openMigratedDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  const db = await openDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  const report = await migrate(db);
  for (const result of report.results)
    if (result.status === "applied") log(`Migration ${result.version} (${result.name}) applied`);
  if (report.error) {
    console.error(report.error.message);
    await db.close();
    process.exit(1);
  }
  return db;
}
