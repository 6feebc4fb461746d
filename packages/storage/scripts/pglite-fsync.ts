/**
 * Diagnostic for docs/storage.md: does PGlite reach stable storage on commit? Opens PGlite in a temp
 * data folder with its defaults and in our durable mode, makes 200 single-row commits in each, and
 * prints the settings and timings. Run it under strace to count the fsync calls per mode:
 *
 *   strace -f -c -e trace=fsync,fdatasync node --import tsx packages/storage/scripts/pglite-fsync.ts default
 *   strace -f -c -e trace=fsync,fdatasync node --import tsx packages/storage/scripts/pglite-fsync.ts durable
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPglite } from "../src/adapters/pglite";

const mode = process.argv[2];
if (mode !== "default" && mode !== "durable") {
  console.error("usage: pglite-fsync.ts default|durable");
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), "pathwise-fsync-"));
try {
  const db = await openPglite({ dataDir: dir, durable: mode === "durable" });
  const settings = await db.query<{ fsync: string; method: string }>(
    "SELECT current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS method",
  );
  await db.query("CREATE TABLE probe (id integer)");
  const started = performance.now();
  for (let i = 0; i < 200; i++) await db.query("INSERT INTO probe VALUES ($1)", [i]);
  const elapsed = performance.now() - started;
  await db.close();
  console.log(
    `${mode}: fsync=${settings.rows[0]?.fsync} wal_sync_method=${settings.rows[0]?.method}; ` +
      `200 commits in ${Math.round(elapsed)} ms`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
