import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { createRepositories } from "@pathwise/storage";
import { type TestDatabase, testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SCHOOL_SLUG, seedDemoSchool } from "./demo-school";

/** Real database work on a shared 2-core machine; the suite-wide default is 60 s. */
const SLOW_DB_TEST_MS = 180_000;

// The server hashes with argon2id; this test only needs a real one-way hash it can verify.
const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;
async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `${salt.toString("hex")}:${(await scryptAsync(password, salt, 32)).toString("hex")}`;
}
async function verify(hash: string, password: string): Promise<boolean> {
  const [salt, digest] = hash.split(":") as [string, string];
  return timingSafeEqual(
    await scryptAsync(password, Buffer.from(salt, "hex"), 32),
    Buffer.from(digest, "hex"),
  );
}

const now = new Date(Date.UTC(2026, 10, 28, 12));
// `npm start` seeds 24 learners; 8 keep this test quick while exercising the same code.
const learners = 8;

describe.each(testDatabases())("demo school seed on $name", (target) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await target.open();
  });
  afterAll(() => test?.dispose());

  it(
    "seeds a school, a teacher, a class of learners with a few hundred ordered events each — once",
    async () => {
      const first = await seedDemoSchool(test.db, { hashPassword, now, learners });
      expect(first.created).toBe(true);
      expect(first.logins.filter((login) => login.role === "learner")).toHaveLength(learners);

      const repos = createRepositories(test.db);
      const school = await repos.tenants.findBySlug(DEMO_SCHOOL_SLUG);
      if (!school) throw new Error("no demo school");
      const [schoolClass] = await repos.classes.listByTenant(school.id);
      const members = await repos.classes.members(schoolClass?.id as never);
      expect(members.filter((m) => m.role === "learner")).toHaveLength(learners);
      expect(members.filter((m) => m.role === "teacher")).toHaveLength(1);
      expect(await repos.events.countForTenant(school.id)).toBe(first.events);

      const teacher = first.logins.find((login) => login.role === "teacher");
      const stored = await repos.users.findByEmail(teacher?.email ?? "");
      expect(await verify(stored?.passwordHash ?? "", teacher?.password ?? "")).toBe(true);
      // The demo guardian follows the first learner.
      const guardian = await repos.users.findByEmail("guardian@demo.pathwise.test");
      const children = await repos.users.childrenOf(guardian?.id as never);
      expect(children.map((child) => child.email)).toEqual(["learner01@demo.pathwise.test"]);

      const accuracies: number[] = [];
      const accounts = await repos.users.listByTenant(school.id, { limit: 100, offset: 0, role: "learner" });
      for (const learner of accounts) {
        const { events } = await repos.events.history(school.id, learner.id, { limit: 2000 });
        expect(events.length).toBeGreaterThanOrEqual(150);
        expect(events.length).toBeLessThanOrEqual(700);
        const times = events.map((e) => Date.parse(e.statement.timestamp));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 6 * 7 * 86_400_000);
        expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
        accuracies.push(events.filter((e) => e.statement.result?.success).length / events.length);
      }
      // Simulated histories differ: learners' accuracies spread out instead of being one value.
      expect(Math.max(...accuracies) - Math.min(...accuracies)).toBeGreaterThan(0.1);

      const second = await seedDemoSchool(test.db, { hashPassword, now, learners });
      expect(second).toMatchObject({
        created: false,
        events: first.events,
        classJoinCode: first.classJoinCode,
      });
      expect(await repos.events.countForTenant(school.id)).toBe(first.events);
      expect(await repos.users.listByTenant(school.id, { limit: 100, offset: 0 })).toHaveLength(learners + 3); // admin, teacher, guardian
    },
    SLOW_DB_TEST_MS,
  );
});
