import type { Database, Queryable } from "./database";
import { migrations as allMigrations } from "./migrations/index";

/** One versioned schema change: statements run in order inside one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: readonly string[];
}

export interface MigrationResult {
  readonly version: number;
  readonly name: string;
  /** Applied now, already applied earlier, failed (rolled back), or not tried after an earlier failure. */
  readonly status: "applied" | "already-applied" | "error" | "not-executed";
}

export interface MigrationReport {
  readonly error?: Error;
  readonly results: readonly MigrationResult[];
}

/**
 * Every migrator run and migration takes this transaction-scoped advisory lock, so two processes
 * starting together serialize: the second waits, then sees the versions as applied. The key includes
 * the schema so test files using their own schemas do not wait for one another.
 */
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('pathwise.migrations.' || current_schema()))";

async function ensureMigrationsTable(db: Database): Promise<void> {
  await db.transaction(async function createMigrationsTable(tx: Queryable) {
    await tx.query(LOCK);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
}

/**
 * Applies pending migrations, each in its own transaction (Kysely-style: returns `{ error, results }`
 * per step instead of throwing halfway). A failed migration is rolled back completely and later ones
 * are not tried.
 */
export async function migrate(
  db: Database,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrationReport> {
  const versions = migrations.map((migration) => migration.version);
  if (versions.some((version, i) => i > 0 && version <= (versions[i - 1] as number))) {
    return {
      error: new Error(`Migrations are not in increasing version order: ${versions.join(", ")}`),
      results: [],
    };
  }
  const results: MigrationResult[] = [];
  try {
    await ensureMigrationsTable(db);
  } catch (error) {
    return { error: error as Error, results };
  }
  for (const [index, migration] of migrations.entries()) {
    const { version, name } = migration;
    try {
      const applied = await db.transaction(async function applyMigration(tx) {
        await tx.query(LOCK);
        const done = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [version]);
        if (done.rows.length > 0) return false;
        for (const statement of migration.up) await tx.query(statement);
        await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [version, name]);
        return true;
      });
      results.push({ version, name, status: applied ? "applied" : "already-applied" });
    } catch (cause) {
      results.push({ version, name, status: "error" });
      for (const rest of migrations.slice(index + 1)) {
        results.push({ version: rest.version, name: rest.name, status: "not-executed" });
      }
      const message = cause instanceof Error ? cause.message : String(cause);
      return {
        error: new Error(`Migration ${version} (${name}) failed and was rolled back: ${message}`, { cause }),
        results,
      };
    }
  }
  return { results };
}
