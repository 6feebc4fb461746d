import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "./migrations/index";
import type { Migration } from "./migrator";
import { migrate } from "./migrator";
import { type TestDatabase, testDatabases } from "./testing";

describe.each(testDatabases())("migrations on $name", (target) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await target.open({ migrate: false });
  });
  afterAll(() => handle.dispose());

  it("applies every migration once, then reports them as already applied", async () => {
    const first = await migrate(handle.db);
    expect(first.error).toBeUndefined();
    expect(first.results.map((r) => r.status)).toEqual(migrations.map(() => "applied"));
    const second = await migrate(handle.db);
    expect(second.results.map((r) => r.status)).toEqual(migrations.map(() => "already-applied"));
    const { rows } = await handle.db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it("rolls a failing migration back completely and does not run later ones", async () => {
    const broken: Migration = {
      version: 100,
      name: "broken",
      up: ["CREATE TABLE half_written (id integer)", "INSERT INTO no_such_table VALUES (1)"],
    };
    const later: Migration = { version: 101, name: "later", up: ["CREATE TABLE later_table (id integer)"] };
    const report = await migrate(handle.db, [...migrations, broken, later]);
    expect(report.error?.message).toMatch(
      /^Migration 100 \(broken\) failed and was rolled back: .*no_such_table/,
    );
    expect(report.results.slice(-2)).toEqual([
      { version: 100, name: "broken", status: "error" },
      { version: 101, name: "later", status: "not-executed" },
    ]);
    const tables = await handle.db.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name IN ('half_written', 'later_table') AND table_schema = current_schema()",
    );
    expect(tables.rows[0]?.n).toBe("0");
    const versions = await handle.db.query("SELECT 1 FROM schema_migrations WHERE version >= 100");
    expect(versions.rows).toHaveLength(0);
  });

  it("is safe when two migrators start together", async () => {
    const extra: Migration = {
      version: 200,
      name: "concurrent",
      up: ["CREATE TABLE concurrent_table (id integer)"],
    };
    const [a, b] = await Promise.all([
      migrate(handle.db, [...migrations, extra]),
      migrate(handle.db, [...migrations, extra]),
    ]);
    expect(a.error).toBeUndefined();
    expect(b.error).toBeUndefined();
    const statuses = [a.results.at(-1)?.status, b.results.at(-1)?.status].sort();
    expect(statuses).toEqual(["already-applied", "applied"]);
  });

  it("refuses migrations out of version order", async () => {
    const report = await migrate(handle.db, [...migrations].reverse());
    expect(report.error?.message).toMatch(/not in increasing version order/);
  });
});
