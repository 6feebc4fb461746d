import { join } from "node:path";
import { openPglite } from "./adapters/pglite";
import { durabilityProblems, openPostgres } from "./adapters/postgres";
import type { Database } from "./database";

export interface DatabaseSettings {
  /** A PostgreSQL server; when absent, embedded PGlite in `dataDir` is used. */
  readonly databaseUrl?: string;
  /** The data folder; PGlite files go to `<dataDir>/pglite`. */
  readonly dataDir: string;
}

/**
 * Opens the configured database. On PostgreSQL it refuses a server that would acknowledge commits
 * before they are durable (`fsync` or `synchronous_commit` off), because events are acknowledged only
 * after commit. PGlite is opened in its durable mode (see adapters/pglite.ts).
 */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.databaseUrl === undefined) return openPglite({ dataDir: join(settings.dataDir, "pglite") });
  const db = await openPostgres({ connectionString: settings.databaseUrl });
  const problems = await durabilityProblems(db);
  if (problems.length > 0) {
    await db.close();
    throw new Error(`PostgreSQL is not configured for durable commits: ${problems.join("; ")}`);
  }
  return db;
}
