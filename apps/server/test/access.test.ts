import { randomUUID } from "node:crypto";
import { asId } from "@pathwise/domain";
import { testDatabases } from "@pathwise/storage/testing";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_TABLE } from "../src/auth/policy-table";
import type { AppDeps } from "../src/deps";
import { installAuthorization } from "../src/http/authorize";
import {
  type Caller,
  call,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  statement,
  type TestApp,
} from "./helpers";

describe.each(testDatabases())("access policy on $name", (target) => {
  let t: TestApp;
  let mine: School;
  let other: School;
  let as: Record<
    "admin" | "teacher" | "learnerA" | "learnerB" | "guardian" | "otherTeacher" | "otherAdmin",
    Caller
  >;
  let courseId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    [mine, other] = [await seedSchool(t), await seedSchool(t)];
    const report = await t.repos.content.importCourse({
      tenantId: asId(mine.tenantId),
      course: { key: "algebra", title: { en: "Algebra", "zh-CN": "代数" }, goals: [] },
      concepts: [
        { key: "variables", title: { en: "Variables" } },
        { key: "linear-equations", title: { en: "Linear equations" } },
      ],
      prerequisites: [{ concept: "linear-equations", requires: "variables" }],
      items: [
        {
          key: "solve-1",
          stem: { en: "Solve 2x + 3 = 7" },
          concepts: ["linear-equations"],
          difficulty: { level: 2 },
          answer: { kind: "numeric", value: 2, tolerance: 0 },
        },
      ],
    });
    courseId = report.courseId;
    await t.repos.events.append(asId(mine.tenantId), [
      statement(mine.learnerA.id, 1),
      statement(mine.learnerB.id, 2),
    ]);
    as = {
      admin: await signIn(t, mine.admin.email),
      teacher: await signIn(t, mine.teacher.email),
      learnerA: await signIn(t, mine.learnerA.email),
      learnerB: await signIn(t, mine.learnerB.email),
      guardian: await signIn(t, mine.guardian.email),
      otherTeacher: await signIn(t, other.teacher.email),
      otherAdmin: await signIn(t, other.admin.email),
    };
  });
  afterAll(() => t.close());

  it("has a route for every policy entry, and refuses to register a route without one", async () => {
    for (const key of Object.keys(POLICY_TABLE)) {
      const [method, url] = key.split(" ") as ["GET" | "POST" | "DELETE", string];
      expect(t.app.hasRoute({ method, url }), key).toBe(true);
    }
    const bare = Fastify({ logger: false });
    installAuthorization(bare, { repos: t.repos } as unknown as AppDeps);
    expect(() => bare.get("/api/unguarded", async () => "x")).toThrow(
      "Route GET /api/unguarded has no entry in the policy table",
    );
    await bare.close();
  });

  it("shows a learner's history to themselves, their guardian, teacher and admin only", async () => {
    const url = `/api/learners/${mine.learnerA.id}/events`;
    const status = async (caller: Caller) => (await call(t, "GET", url, { as: caller })).statusCode;
    expect(await status(as.learnerA)).toBe(200);
    expect(await status(as.guardian)).toBe(200);
    expect(await status(as.teacher)).toBe(200);
    expect(await status(as.admin)).toBe(200);
    const denied = await call(t, "GET", url, { as: as.learnerB });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("forbidden");
    expect(
      (await call(t, "GET", `/api/learners/${mine.learnerB.id}/events`, { as: as.guardian })).statusCode,
    ).toBe(403);
    // Other schools do not learn that the learner exists.
    const otherSchool = await call(t, "GET", url, { as: as.otherAdmin });
    expect(otherSchool.statusCode).toBe(404);
    expect(otherSchool.json().error.code).toBe("not_found");
    expect((await call(t, "GET", url)).statusCode).toBe(401);
  });

  it("denies a teacher another school's class, and learners any class detail", async () => {
    const url = `/api/classes/${mine.classId}`;
    expect((await call(t, "GET", url, { as: as.teacher })).json().members).toHaveLength(3);
    const cross = await call(t, "GET", url, { as: as.otherTeacher });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe("not_found");
    const learner = await call(t, "GET", url, { as: as.learnerA });
    expect(learner.statusCode).toBe(403);
    expect((await call(t, "GET", `/api/classes/${other.classId}`, { as: as.teacher })).statusCode).toBe(404);
  });

  it("lets only admins manage users and classes, within their school", async () => {
    const body = {
      email: "new-teacher@example.org",
      password: "a long enough passphrase",
      displayName: "T",
      role: "teacher",
    };
    expect((await call(t, "POST", "/api/users", { as: as.teacher, body })).statusCode).toBe(403);
    expect((await call(t, "GET", "/api/users", { as: as.learnerA })).statusCode).toBe(403);
    const created = await call(t, "POST", "/api/users", { as: as.admin, body });
    expect(created.statusCode).toBe(201);
    const list = await call(t, "GET", "/api/users?role=teacher", { as: as.admin });
    expect(list.json().users.map((u: { email: string }) => u.email)).toContain("new-teacher@example.org");
    expect(list.json().users.every((u: { tenantId: string }) => u.tenantId === mine.tenantId)).toBe(true);

    const crossEnrol = await call(t, "POST", `/api/classes/${mine.classId}/enrolments`, {
      as: as.admin,
      body: { userId: other.learnerA.id, role: "learner" },
    });
    expect(crossEnrol.statusCode).toBe(404);
    expect(crossEnrol.json().error.field).toBe("body.userId");
    expect(await t.repos.classes.isEnrolled(mine.classId, other.learnerA.id)).toBe(false);
    const intoOtherClass = await call(t, "POST", `/api/classes/${other.classId}/enrolments`, {
      as: as.admin,
      body: { userId: mine.learnerA.id, role: "learner" },
    });
    expect(intoOtherClass.statusCode).toBe(404);
    const crossGuardian = await call(t, "POST", "/api/guardian-links", {
      as: as.admin,
      body: { guardianId: mine.guardian.id, learnerId: other.learnerA.id },
    });
    expect(crossGuardian.statusCode).toBe(404);
    expect(await t.repos.users.isGuardianOf(mine.guardian.id, other.learnerA.id)).toBe(false);
  });

  it("serves content to its school only, hiding answer keys from learners", async () => {
    const forLearner = await call(t, "GET", `/api/courses/${courseId}/items`, { as: as.learnerA });
    expect(forLearner.statusCode).toBe(200);
    const item = forLearner.json().items[0];
    expect(item.answer).toBeUndefined();
    const forTeacher = await call(t, "GET", `/api/courses/${courseId}/items`, { as: as.teacher });
    expect(forTeacher.json().items[0].answer).toEqual({ kind: "numeric", value: 2, tolerance: 0 });
    const graph = await call(t, "GET", `/api/courses/${courseId}/graph`, { as: as.learnerA });
    expect(graph.json().order).toHaveLength(2);
    expect((await call(t, "GET", `/api/courses/${courseId}`, { as: as.otherAdmin })).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/items/${item.id}`, { as: as.otherTeacher })).statusCode).toBe(404);
    const check = await call(t, "POST", `/api/items/${item.id}/check`, {
      as: as.learnerA,
      body: { response: "2" },
    });
    expect(check.json()).toEqual({ status: "correct" });
    expect((await call(t, "GET", `/api/courses/${randomUUID()}`, { as: as.admin })).statusCode).toBe(404);
  });
});
