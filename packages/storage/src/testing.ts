import { randomBytes } from "node:crypto";
import { openPglite } from "./adapters/pglite";
import { openPostgres } from "./adapters/postgres";
import type { Database } from "./database";
import { migrate } from "./migrator";

/**
 * Test helper: every database the suite must pass on. PGlite (in memory) always; the PostgreSQL
 * server named by TEST_DATABASE_URL too when it is set. Each `open()` gives a fresh, migrated,
 * private database — on PostgreSQL its own schema — so test files running in parallel never collide;
 * `dispose()` drops it. Open once per test file (PGlite's first open takes seconds).
 *
 *   describe.each(testDatabases())("events on $name", (target) => { … target.open() … })
 */
export interface TestDatabase {
  readonly db: Database;
  dispose(): Promise<void>;
}

export interface TestDatabaseTarget {
  readonly name: "pglite" | "postgres";
  open(options?: { migrate?: boolean }): Promise<TestDatabase>;
}

async function migrated(db: Database, run: boolean): Promise<void> {
  if (!run) return;
  const report = await migrate(db);
  if (report.error) throw report.error;
}

export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [
    {
      name: "pglite",
      async open(options = {}) {
        const db = await openPglite();
        await migrated(db, options.migrate !== false);
        return { db, dispose: () => db.close() };
      },
    },
  ];
  const url = env.TEST_DATABASE_URL;
  if (url) {
    targets.push({
      name: "postgres",
      async open(options = {}) {
        const schema = `test_${randomBytes(6).toString("hex")}`;
        const admin = await openPostgres({ connectionString: url, maxConnections: 1 });
        await admin.query(`CREATE SCHEMA ${schema}`);
        const db = await openPostgres({ connectionString: url, schema, maxConnections: 4 });
        await migrated(db, options.migrate !== false);
        return {
          db,
          async dispose() {
            await db.close();
            await admin.query(`DROP SCHEMA ${schema} CASCADE`);
            await admin.close();
          },
        };
      },
    });
  }
  return targets;
}
