import { resolve } from "node:path";
import type { Tenant } from "@pathwise/domain";
import { type Database, migrate, openDatabase, tenantRepository } from "@pathwise/storage";
import { z } from "zod";

/**
 * Where `pathwise import …` writes: the same database the server uses. `--database-url` / `DATABASE_URL`
 * selects a PostgreSQL server; otherwise embedded PGlite in `--data-dir` / `PATHWISE_DATA_DIR` (default
 * `./data`). Migrations are applied first, as at server start.
 */
export const databaseOptionsSchema = z.object({
  databaseUrl: z.string().url("--database-url must be a postgres:// URL").optional(),
  dataDir: z.string().min(1),
});
export type DatabaseOptions = z.infer<typeof databaseOptionsSchema>;

export function databaseOptions(raw: { databaseUrl?: string; dataDir?: string }): DatabaseOptions {
  const parsed = databaseOptionsSchema.safeParse({
    databaseUrl: raw.databaseUrl ?? process.env.DATABASE_URL ?? undefined,
    dataDir: raw.dataDir ?? process.env.PATHWISE_DATA_DIR ?? "data",
  });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

export async function openMigrated(options: DatabaseOptions): Promise<Database> {
  const db = await openDatabase({
    dataDir: resolve(options.dataDir),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
  const report = await migrate(db);
  if (report.error) {
    await db.close();
    throw report.error;
  }
  return db;
}

/** The school to import into; created on request, otherwise a clear error naming the slug. */
export async function findSchool(db: Database, slug: string, create: boolean): Promise<Tenant> {
  const tenants = tenantRepository(db);
  const existing = await tenants.findBySlug(slug);
  if (existing) return existing;
  if (!create) {
    throw new Error(`No school with slug "${slug}". Pass --create-school to create it, or check the slug.`);
  }
  return tenants.create({ slug, name: { en: slug } });
}

export function describeTarget(options: DatabaseOptions): string {
  return options.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${resolve(options.dataDir)}`;
}

/**
 * Wraps a command action so that a problem the user can fix (a bad option, an unknown school, a
 * missing file) prints one clear line and exits with status 1 instead of a stack trace.
 */
export function withClearErrors<Args extends unknown[]>(
  action: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async function runWithClearErrors(...args: Args) {
    try {
      await action(...args);
    } catch (error) {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  };
}
