import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dumpPglite, openPglite } from "./adapters/pglite";
import { openPostgres } from "./adapters/postgres";
import type { Database } from "./database";
import { migrations } from "./migrations/index";
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

/**
 * PGlite's initdb costs seconds per open (far more on a busy machine), so migrated test databases
 * start from a dump of one migrated database, cached in the OS temp folder under a key of the
 * migrations' content: a changed migration makes a new template.
 */
let template: Promise<Blob> | undefined;
function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const key = createHash("sha256").update(JSON.stringify(migrations)).digest("hex").slice(0, 16);
    const file = join(tmpdir(), `pathwise-pglite-template-${key}.tar`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const db = await openPglite();
      await migrated(db, true);
      const dump = await dumpPglite(db);
      await db.close();
      const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
      return dump;
    }
  })();
  return template;
}

export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [
    {
      name: "pglite",
      async open(options = {}) {
        const db =
          options.migrate === false
            ? await openPglite()
            : await openPglite({ loadDataDir: await migratedTemplate() });
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
