import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageError } from "../database";
import { answeredStatement, createSchoolWithLearners, nth } from "../test-fixtures";
import { type TestDatabase, testDatabases } from "../testing";
import { EventConflictError } from "./events";
import { createRepositories, type Repositories } from "./index";

describe.each(testDatabases())("event log on $name", (target) => {
  let handle: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
  });
  afterAll(() => handle.dispose());

  it("stores a statement once; an identical replay changes nothing", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 1);
    const statement = answeredStatement(nth(learners, 0).id);
    expect((await repos.events.append(tenant.id, [statement])).results[0]?.status).toBe("stored");
    const { timestamp, ...rest } = statement;
    const reordered = JSON.parse(JSON.stringify({ timestamp, ...rest }));
    expect((await repos.events.append(tenant.id, [reordered])).results[0]?.status).toBe("unchanged");
    expect(await repos.events.countForTenant(tenant.id)).toBe(1);
  });

  it("rejects the same id with different content, and the whole batch with it", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 1);
    const learner = nth(learners, 0).id;
    const original = answeredStatement(learner);
    await repos.events.append(tenant.id, [original]);
    const changed = { ...original, result: { success: false, response: "41" } };
    const fresh = answeredStatement(learner);
    const error = await repos.events.append(tenant.id, [fresh, changed]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventConflictError);
    expect((error as EventConflictError).ids).toEqual([original.id]);
    expect(await repos.events.get(tenant.id, fresh.id)).toBeUndefined();
    expect((await repos.events.get(tenant.id, original.id))?.statement.result?.success).toBe(true);
  });

  it("rejects a batch with duplicate ids before writing anything", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 1);
    const statement = answeredStatement(nth(learners, 0).id);
    await expect(repos.events.append(tenant.id, [statement, { ...statement }])).rejects.toThrow(StorageError);
    expect(await repos.events.countForTenant(tenant.id)).toBe(0);
  });

  it("ingests 10,000 events in one batch and reads them back complete and in order", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 2);
    const [alice, bob] = [nth(learners, 0).id, nth(learners, 1).id];
    const base = Date.UTC(2026, 10, 1);
    // Timestamps deliberately not in arrival order: history follows the statement time.
    const batch = Array.from({ length: 10_000 }, (_, i) =>
      answeredStatement(i % 2 === 0 ? alice : bob, {
        timestamp: new Date(base + ((i * 7919) % 10_000) * 1000).toISOString(),
      }),
    );
    const started = performance.now();
    const report = await repos.events.append(tenant.id, batch);
    const elapsed = performance.now() - started;
    expect(report.results.every((r) => r.status === "stored")).toBe(true);
    expect(elapsed).toBeLessThan(30_000);
    console.info(`${target.name}: 10,000-event batch appended in ${Math.round(elapsed)} ms`);

    const expected = batch
      .filter((s) => s.actor.id === alice)
      .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0))
      .map((s) => s.id);
    const read: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repos.events.history(tenant.id, alice, {
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      read.push(...page.events.map((e) => e.statement.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(read).toHaveLength(5000);
    expect(read).toEqual(expected);
  });

  it("pages through events sharing one timestamp whose sequence numbers cross a power of ten", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 1);
    const learner = nth(learners, 0).id;
    // Past every sequence number used so far, so the 30 events take 999,985 … 1,000,014 and their text
    // forms sort differently from their numbers ("1000000" < "999999").
    await handle.db.query("SELECT setval(pg_get_serial_sequence('events', 'seq'), 999984)");
    const timestamp = new Date(Date.UTC(2026, 10, 2)).toISOString();
    const batch = Array.from({ length: 30 }, () => answeredStatement(learner, { timestamp }));
    await repos.events.append(tenant.id, batch);
    const read: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repos.events.history(tenant.id, learner, {
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      read.push(...page.events.map((e) => e.statement.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(read).toEqual(batch.map((s) => s.id));
  });

  it("does not show a learner's history to another tenant", async () => {
    const a = await createSchoolWithLearners(repos, 1);
    const b = await createSchoolWithLearners(repos, 0);
    await repos.events.append(a.tenant.id, [answeredStatement(nth(a.learners, 0).id)]);
    const page = await repos.events.history(b.tenant.id, nth(a.learners, 0).id, { limit: 10 });
    expect(page.events).toEqual([]);
  });
});
