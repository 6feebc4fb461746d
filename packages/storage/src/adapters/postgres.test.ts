import { describe, expect, it } from "vitest";
import { durabilityProblems, openPostgres } from "./postgres";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("PostgreSQL durability settings", () => {
  it("finds the test server durable, and names a setting that is not", async () => {
    const db = await openPostgres({ connectionString: url ?? "", maxConnections: 1 });
    try {
      expect(await durabilityProblems(db)).toEqual([]);
      await db.query("SET synchronous_commit = off");
      expect(await durabilityProblems(db)).toEqual(["synchronous_commit is 'off', expected 'on'"]);
    } finally {
      await db.close();
    }
  });
});
