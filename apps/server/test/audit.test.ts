import { performance } from "node:perf_hooks";
import { asId, type TenantId, type UserId } from "@pathwise/domain";
import type { NewAccessRecord } from "@pathwise/storage";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/verify";
import { type Caller, call, type School, seedSchool, signIn, startTestApp, type TestApp } from "./helpers";

/** TRUST #23 (staff reads of a learner are audited) and #15 (the audit log is tamper-evident). */
describe.each(testDatabases())("staff-access audit on $name", (target) => {
  let t: TestApp;
  let school: School;
  let other: School;
  let as: Record<"learnerA" | "learnerB" | "teacher" | "guardian" | "admin" | "otherAdmin", Caller>;
  let courseId: string;
  let conceptId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "1000" });
    [school, other] = [await seedSchool(t), await seedSchool(t)];
    const report = await t.repos.content.importCourse({
      tenantId: asId(school.tenantId),
      course: { key: "audit", title: { en: "Audit" }, goals: [] },
      concepts: [{ key: "c", title: { en: "C" } }],
      prerequisites: [],
      items: [],
    });
    courseId = report.courseId;
    const graph = await t.repos.content.getConceptGraph(asId(school.tenantId), report.courseId);
    conceptId = graph?.concepts[0]?.id ?? "";
    as = {
      learnerA: await signIn(t, school.learnerA.email),
      learnerB: await signIn(t, school.learnerB.email),
      teacher: await signIn(t, school.teacher.email),
      guardian: await signIn(t, school.guardian.email),
      admin: await signIn(t, school.admin.email),
      otherAdmin: await signIn(t, other.admin.email),
    };
  });
  afterAll(() => t.close());

  /** The rows written while `work` runs, oldest first. */
  async function rowsDuring(work: () => Promise<unknown>) {
    const tenantId = asId<TenantId>(school.tenantId);
    const before = (await t.repos.audit.head(tenantId))?.seq ?? 0;
    await work();
    return t.repos.audit.chainAfter(tenantId, before, 1_000);
  }

  it("writes one row per staff or guardian read of a learner, none for the learner's own reads", async () => {
    const events = `/api/learners/${school.learnerA.id}/events`;
    const rows = await rowsDuring(async () => {
      expect((await call(t, "GET", events, { as: as.learnerA })).statusCode).toBe(200);
      expect((await call(t, "GET", events, { as: as.teacher })).statusCode).toBe(200);
      expect((await call(t, "GET", events, { as: as.guardian })).statusCode).toBe(200);
      expect((await call(t, "GET", events, { as: as.admin })).statusCode).toBe(200);
      expect((await call(t, "GET", events, { as: as.learnerB })).statusCode).toBe(403);
    });
    expect(
      rows.map((row) => [row.actorId, row.actorRole, row.learnerIds, row.route, row.path, row.outcome]),
    ).toEqual([
      [
        school.teacher.id,
        "teacher",
        [school.learnerA.id],
        "GET /api/learners/:learnerId/events",
        events,
        "allowed",
      ],
      [
        school.guardian.id,
        "guardian",
        [school.learnerA.id],
        "GET /api/learners/:learnerId/events",
        events,
        "allowed",
      ],
      [
        school.admin.id,
        "admin",
        [school.learnerA.id],
        "GET /api/learners/:learnerId/events",
        events,
        "allowed",
      ],
      [
        school.learnerB.id,
        "learner",
        [school.learnerA.id],
        "GET /api/learners/:learnerId/events",
        events,
        "forbidden",
      ],
    ]);
  });

  it("names every learner of a class in a class-level read, and a goal's learner", async () => {
    const goal = await t.repos.goals.create({
      tenantId: asId(school.tenantId),
      learnerId: school.learnerA.id,
      courseId: asId(courseId),
      conceptIds: [asId(conceptId)],
      setBy: school.learnerA.id,
      setByRole: "learner",
    });
    const rows = await rowsDuring(async () => {
      expect((await call(t, "GET", `/api/classes/${school.classId}`, { as: as.teacher })).statusCode).toBe(
        200,
      );
      const heatmap = `/api/classes/${school.classId}/courses/${courseId}/mastery`;
      expect((await call(t, "GET", heatmap, { as: as.teacher })).statusCode).toBe(200);
      // The learner's own goal is theirs: no row. The teacher's change of it is audited.
      const patch = { body: { status: "achieved" } };
      await call(t, "PATCH", `/api/goals/${goal.id}`, { as: as.learnerA, ...patch });
      await call(t, "PATCH", `/api/goals/${goal.id}`, { as: as.teacher, body: { status: "dropped" } });
    });
    const classLearners = [school.learnerA.id, school.learnerB.id].sort();
    expect(rows.map((row) => [row.route, row.learnerIds])).toEqual([
      ["GET /api/classes/:classId", classLearners],
      ["GET /api/classes/:classId/courses/:courseId/mastery", classLearners],
      ["PATCH /api/goals/:goalId", [school.learnerA.id]],
    ]);
  });

  it("shows the log to the school's admins only, filtered by learner, newest first", async () => {
    await call(t, "GET", `/api/learners/${school.learnerB.id}/events`, { as: as.teacher });
    const forB = await call(t, "GET", `/api/audit?learnerId=${school.learnerB.id}&limit=50`, {
      as: as.admin,
    });
    expect(forB.statusCode).toBe(200);
    const { entries, head } = forB.json();
    expect(entries.length).toBeGreaterThanOrEqual(3); // two class-level reads and this one
    expect(entries.every((e: { learnerIds: string[] }) => e.learnerIds.includes(school.learnerB.id))).toBe(
      true,
    );
    expect(entries[0]).toMatchObject({
      actor: { id: school.teacher.id, role: "teacher" },
      route: "GET /api/learners/:learnerId/events",
      outcome: "allowed",
    });
    expect(entries[0].seq).toBe(head.seq);
    const seqs = entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const page = await call(t, "GET", `/api/audit?limit=2&before=${head.seq}`, { as: as.admin });
    expect(page.json().entries.map((e: { seq: number }) => e.seq)).toEqual([head.seq - 1, head.seq - 2]);

    expect((await call(t, "GET", "/api/audit", { as: as.teacher })).statusCode).toBe(403);
    const otherSchool = await call(t, "GET", `/api/audit?learnerId=${school.learnerB.id}`, {
      as: as.otherAdmin,
    });
    expect(otherSchool.json()).toEqual({ entries: [], head: null });
  });

  it("verifies the chain, and refuses updates and deletes of rows", async () => {
    expect(await verifyAuditChain(t.repos.audit, asId(school.tenantId))).toMatchObject({ intact: true });
    await expect(t.db.query("UPDATE access_audit SET outcome = 'allowed'")).rejects.toThrow(/append-only/);
    await expect(t.db.query("DELETE FROM access_audit")).rejects.toThrow(/append-only/);
    await expect(t.db.query("TRUNCATE access_audit")).rejects.toThrow(/append-only/);
  });

  /** A school of its own with a five-row chain, for one tampering experiment. */
  async function freshChain(): Promise<TenantId> {
    const tenant = await t.repos.tenants.create({
      slug: `audit-${Math.random().toString(36).slice(2, 10)}`,
      name: { en: "T" },
    });
    for (let i = 0; i < 5; i++) {
      await t.repos.audit.append(record(tenant.id, [`learner-${i}`]));
    }
    expect(await verifyAuditChain(t.repos.audit, tenant.id)).toEqual({ intact: true, rowsChecked: 5 });
    return tenant.id;
  }

  function record(tenantId: TenantId, learnerIds: string[]): NewAccessRecord {
    return {
      tenantId,
      at: new Date(),
      actorId: asId<UserId>(school.teacher.id),
      actorRole: "teacher",
      subject: { kind: "learners", learnerIds },
      route: "GET /api/learners/:learnerId/events",
      path: "/api/learners/x/events",
      outcome: "allowed",
    };
  }

  /** What someone with the database owner's rights could do despite the triggers. */
  async function tamper(sql: string, params: string[]): Promise<void> {
    await t.db.transaction(async (tx) => {
      await tx.query("ALTER TABLE access_audit DISABLE TRIGGER USER");
      await tx.query(sql, params);
      await tx.query("ALTER TABLE access_audit ENABLE TRIGGER USER");
    });
  }

  it("detects an edited row", async () => {
    const tenantId = await freshChain();
    await tamper("UPDATE access_audit SET outcome = 'forbidden' WHERE tenant_id = $1 AND seq = 3", [
      tenantId,
    ]);
    expect(await verifyAuditChain(t.repos.audit, tenantId)).toEqual({
      intact: false,
      rowsChecked: 2,
      problem: { seq: 3, message: "row 3 does not match its hash (edited, or its predecessor was)" },
    });
  });

  it("detects a deleted row, and deleted newest rows", async () => {
    const middle = await freshChain();
    await tamper("DELETE FROM access_audit WHERE tenant_id = $1 AND seq = 2", [middle]);
    expect((await verifyAuditChain(t.repos.audit, middle)).problem).toEqual({
      seq: 3,
      message: "row 2 is missing (deleted)",
    });
    const tail = await freshChain();
    await tamper("DELETE FROM access_audit WHERE tenant_id = $1 AND seq >= 4", [tail]);
    expect((await verifyAuditChain(t.repos.audit, tail)).problem?.message).toBe(
      "the log ends at row 3 but its head says 5 (rows removed)",
    );
  });

  it("detects a row rewritten with a fresh hash of its own, by the next row", async () => {
    const tenantId = await freshChain();
    await tamper(
      `UPDATE access_audit SET learner_ids = ARRAY['someone-else'],
         hash = access_audit_hash('', 1, tenant_id, at, actor_id, actor_role, ARRAY['someone-else'], route, path, outcome)
       WHERE tenant_id = $1 AND seq = 1`,
      [tenantId],
    );
    expect((await verifyAuditChain(t.repos.audit, tenantId)).problem?.seq).toBe(2);
  });

  it("keeps one chain under concurrent appends", async () => {
    const tenant = await t.repos.tenants.create({
      slug: `audit-concurrent-${Date.now()}`,
      name: { en: "C" },
    });
    const seqs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.repos.audit.append(record(tenant.id, [`learner-${i}`]))),
    );
    expect([...seqs].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await verifyAuditChain(t.repos.audit, tenant.id)).toEqual({ intact: true, rowsChecked: 20 });
  });

  it("costs one insert per audited read, a small share of the request", async () => {
    const audit = t.repos.audit;
    const append = audit.append;
    let appends = 0;
    let appendMs = 0;
    audit.append = async (entry) => {
      const started = performance.now();
      try {
        return await append(entry);
      } finally {
        appends++;
        appendMs += performance.now() - started;
      }
    };
    try {
      const url = `/api/learners/${school.learnerA.id}/courses/${courseId}/mastery`;
      const reads = 100;
      const started = performance.now();
      for (let i = 0; i < reads; i++) {
        expect((await call(t, "GET", url, { as: as.teacher })).statusCode).toBe(200);
      }
      const requestMs = performance.now() - started;
      expect(appends).toBe(reads);
      const share = appendMs / requestMs;
      console.info(
        `${target.name}: audited read ${(requestMs / reads).toFixed(2)} ms, of which the audit insert ${(appendMs / reads).toFixed(2)} ms (${(100 * share).toFixed(1)} %)`,
      );
      expect(share).toBeLessThan(0.5);
    } finally {
      audit.append = append;
    }
    expect(await verifyAuditChain(t.repos.audit, asId(school.tenantId))).toMatchObject({ intact: true });
  });
});
