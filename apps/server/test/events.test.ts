import { asId } from "@pathwise/domain";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  call,
  eventCount,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  statement,
  type TestApp,
} from "./helpers";

describe.each(testDatabases())("event API on $name", (target) => {
  let t: TestApp;
  let school: School;
  let other: School;
  let learner: Caller;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestApp(target);
    school = await seedSchool(t);
    other = await seedSchool(t);
    learner = await signIn(t, school.learnerA.email);
    admin = await signIn(t, school.admin.email);
  });
  afterAll(() => t.close());

  it("stores one statement; an identical replay returns the stored result and changes nothing", async () => {
    const s = statement(school.learnerA.id, 5);
    const first = await call(t, "POST", "/api/events", { as: learner, body: s });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ results: [{ id: s.id, status: "stored" }] });
    const before = await eventCount(t, school.tenantId);
    const replay = await call(t, "POST", "/api/events", { as: learner, body: s });
    expect(replay.json()).toEqual({ results: [{ id: s.id, status: "unchanged" }] });
    expect(await eventCount(t, school.tenantId)).toBe(before);
  });

  it("answers 409 for the same id with different content, writing nothing of the batch", async () => {
    const s = statement(school.learnerA.id, 6);
    await call(t, "POST", "/api/events", { as: learner, body: s });
    const before = await eventCount(t, school.tenantId);
    const changed = { ...s, result: { success: false, response: "changed" } };
    const response = await call(t, "POST", "/api/events", {
      as: learner,
      body: [statement(school.learnerA.id, 7), changed],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: "statement_conflict", details: { ids: [s.id] } });
    expect(await eventCount(t, school.tenantId)).toBe(before);
  });

  it("rejects a batch with duplicate ids with 400 and writes nothing", async () => {
    const s = statement(school.learnerA.id, 8);
    const before = await eventCount(t, school.tenantId);
    const response = await call(t, "POST", "/api/events", {
      as: learner,
      body: [statement(school.learnerA.id, 9), s, s],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "duplicate_statement_id", field: "body.2.id" });
    expect(await eventCount(t, school.tenantId)).toBe(before);
  });

  it("refuses statements for other learners and other schools, writing nothing", async () => {
    const before = await eventCount(t, school.tenantId);
    const forClassmate = await call(t, "POST", "/api/events", {
      as: learner,
      body: [statement(school.learnerA.id, 10), statement(school.learnerB.id, 11)],
    });
    expect(forClassmate.statusCode).toBe(403);
    const crossTenant = await call(t, "POST", "/api/events", {
      as: admin,
      body: [statement(other.learnerA.id, 12)],
    });
    expect(crossTenant.statusCode).toBe(404);
    expect(crossTenant.json().error.field).toBe("body.0.actor.id");
    expect(await eventCount(t, school.tenantId)).toBe(before);
    expect(await eventCount(t, other.tenantId)).toBe(0);
    const guardian = await signIn(t, school.guardian.email);
    expect(
      (await call(t, "POST", "/api/events", { as: guardian, body: statement(school.learnerA.id) }))
        .statusCode,
    ).toBe(403);
  });

  it("ingests a batch of 10,000 statements and reads them back complete and in order", async () => {
    const learnerId = school.learnerB.id;
    const base = Date.UTC(2026, 9, 1);
    const batch = Array.from({ length: 10_000 }, (_, i) =>
      statement(learnerId, 0, { timestamp: new Date(base + ((i * 7919) % 10_000) * 1000).toISOString() }),
    );
    const teacherToken = await call(t, "POST", "/api/tokens", {
      as: await signIn(t, school.teacher.email),
      body: { name: "sync" },
    });
    const bearer = { bearer: teacherToken.json().token as string };
    const response = await call(t, "POST", "/api/events", { as: bearer, body: batch });
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toHaveLength(10_000);

    const expected = [...batch]
      .sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0))
      .map((s) => s.id);
    const read: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        t,
        "GET",
        `/api/learners/${learnerId}/events?limit=1000${cursor ? `&cursor=${cursor}` : ""}`,
        { as: bearer },
      );
      expect(page.statusCode).toBe(200);
      read.push(...page.json().events.map((e: { statement: { id: string } }) => e.statement.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(read).toEqual(expected);
    const stored = await t.repos.events.get(asId(school.tenantId), asId(batch[123]?.id ?? ""));
    expect(stored?.statement).toEqual(batch[123]);
  });
});
