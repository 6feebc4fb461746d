import { randomUUID } from "node:crypto";
import { asId } from "@pathwise/domain";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Access, POLICY_TABLE } from "../src/auth/policy-table";
import { type Caller, call, type School, seedSchool, signIn, startTestApp, type TestApp } from "./helpers";

/**
 * TRUST #11, first version: every persona × every route in the policy table, on objects owned by
 * learner A's school. The expected outcome is derived from the table's roles and the documented
 * meaning of its object rules (docs/api.md); any difference is a mismatch.
 */
type Persona =
  | "anonymous"
  | "learnerA"
  | "classmateB"
  | "otherSchoolLearner"
  | "guardianOfA"
  | "teacherOfA"
  | "otherSchoolTeacher"
  | "admin"
  | "otherSchoolAdmin";
type Outcome = "pass" | 401 | 403 | 404;

const OTHER_SCHOOL = new Set<Persona>(["otherSchoolLearner", "otherSchoolTeacher", "otherSchoolAdmin"]);
const ROLE: Record<Exclude<Persona, "anonymous">, string> = {
  learnerA: "learner",
  classmateB: "learner",
  otherSchoolLearner: "learner",
  guardianOfA: "guardian",
  teacherOfA: "teacher",
  otherSchoolTeacher: "teacher",
  admin: "admin",
  otherSchoolAdmin: "admin",
};
/** Who passes each object rule for learner A / A's class / A's school's course and item. */
const OBJECT_ALLOWED: Record<string, ReadonlySet<Persona>> = {
  learner: new Set(["learnerA", "guardianOfA", "teacherOfA", "admin"]),
  class: new Set(["learnerA", "classmateB", "teacherOfA", "admin"]),
  course: new Set(["learnerA", "classmateB", "guardianOfA", "teacherOfA", "admin"]),
  item: new Set(["learnerA", "classmateB", "guardianOfA", "teacherOfA", "admin"]),
  // A background job of A's school: anyone of the school passes the rule (roles narrow it to staff).
  job: new Set(["learnerA", "classmateB", "guardianOfA", "teacherOfA", "admin"]),
  // A goal of learner A: whoever passes the learner rule for A (roles narrow it further).
  goal: new Set(["learnerA", "guardianOfA", "teacherOfA", "admin"]),
  // A trained model of a course of A's school: anyone of the school passes the rule (roles narrow it).
  model: new Set(["learnerA", "classmateB", "guardianOfA", "teacherOfA", "admin"]),
  // An account of A's school: anyone of the school passes the rule (roles narrow it to admins).
  user: new Set(["learnerA", "classmateB", "guardianOfA", "teacherOfA", "admin"]),
};

function expected(access: Access, persona: Persona): Outcome {
  if (access.kind === "public") return "pass";
  if (persona === "anonymous") return 401;
  if (!(access.roles as readonly string[]).includes(ROLE[persona])) return 403;
  if (!access.object || OBJECT_ALLOWED[access.object]?.has(persona)) return "pass";
  return OTHER_SCHOOL.has(persona) ? 404 : 403;
}

describe.each(testDatabases())("privilege matrix on $name", (target) => {
  let t: TestApp;
  let mine: School;
  let other: School;
  let callers: Record<Persona, Caller>;
  let ids: Record<string, string>;
  let conceptId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "10000" });
    [mine, other] = [await seedSchool(t), await seedSchool(t)];
    const report = await t.repos.content.importCourse({
      tenantId: asId(mine.tenantId),
      course: { key: "matrix", title: { en: "Matrix" }, goals: [] },
      concepts: [{ key: "c", title: { en: "C" } }],
      prerequisites: [],
      items: [
        {
          key: "i",
          stem: { en: "1+1?" },
          concepts: ["c"],
          difficulty: { level: 1 },
          answer: { kind: "numeric", value: 2, tolerance: 0 },
        },
      ],
    });
    const items = await t.repos.content.listItems(asId(mine.tenantId), report.courseId, {
      limit: 1,
      offset: 0,
    });
    const graph = await t.repos.content.getConceptGraph(asId(mine.tenantId), report.courseId);
    conceptId = graph?.concepts[0]?.id ?? "";
    const goal = await t.repos.goals.create({
      tenantId: asId(mine.tenantId),
      learnerId: mine.learnerA.id,
      courseId: report.courseId,
      conceptIds: [asId(conceptId)],
      setBy: mine.learnerA.id,
      setByRole: "learner",
    });
    const job = await t.repos.jobs.enqueue({ tenantId: asId(mine.tenantId), kind: "matrix", payload: {} });
    const model = await t.repos.models.register({
      tenantId: asId(mine.tenantId),
      courseId: report.courseId,
      kind: "bkt",
      config: {},
      metrics: {},
      fairness: [],
      snapshot: {},
      training: {},
      card: "# matrix",
      file: new Uint8Array([1]),
      vocabulary: { concepts: {}, items: {} },
    });
    // The account whose state the disable/enable/delete routes change (not one of the callers).
    const account = await t.repos.users.create({
      tenantId: asId(mine.tenantId),
      email: `matrix-account-${randomUUID()}@example.org`,
      displayName: "Matrix account",
      role: "learner",
      passwordHash: null,
    });
    ids = {
      userId: account.id,
      modelId: model.id,
      jobId: job.job.id,
      goalId: goal.id,
      learnerId: mine.learnerA.id,
      classId: mine.classId,
      courseId: report.courseId,
      itemId: items[0]?.id ?? "",
      tokenId: randomUUID(),
    };
    callers = {
      anonymous: {},
      learnerA: await signIn(t, mine.learnerA.email),
      classmateB: await signIn(t, mine.learnerB.email),
      otherSchoolLearner: await signIn(t, other.learnerA.email),
      guardianOfA: await signIn(t, mine.guardian.email),
      teacherOfA: await signIn(t, mine.teacher.email),
      otherSchoolTeacher: await signIn(t, other.teacher.email),
      admin: await signIn(t, mine.admin.email),
      otherSchoolAdmin: await signIn(t, other.admin.email),
    };
  });
  afterAll(() => t.close());

  it("matches the policy table for every persona and route", async () => {
    /** Bodies valid enough to get past validation, so object rules (which run after it) are reached. */
    const bodies: Record<string, unknown> = {
      "POST /api/items/:itemId/check": { response: "2" },
      "POST /api/classes/:classId/enrolments": { userId: mine.learnerA.id, role: "learner" },
      "POST /api/learners/:learnerId/courses/:courseId/exam-prediction": { conceptKeys: ["c"] },
      "POST /api/learners/:learnerId/courses/:courseId/placement/answers": {
        sessionId: randomUUID(),
        itemId: ids.itemId,
        response: "2",
      },
      "POST /api/learners/:learnerId/courses/:courseId/goals": { conceptIds: [conceptId] },
      "POST /api/classes/:classId/courses/:courseId/goals": { conceptIds: [conceptId] },
      "PATCH /api/goals/:goalId": { status: "dropped" },
      "POST /api/courses/import": { filename: "matrix.json", text: "{}" },
      "POST /api/models/:modelId/promote": { reason: "matrix" },
      "POST /api/courses/:courseId/models/rollback": { reason: "matrix" },
      "PUT /api/courses/:courseId/model-settings": {
        candidates: [{ kind: "bkt" }],
        retrainEveryEvents: null,
        retrainIntervalHours: null,
      },
      "POST /api/learners/:learnerId/recommendation-feedback": {
        id: randomUUID(),
        itemId: ids.itemId,
        rating: "useful",
      },
    };
    /** Query strings a GET route requires, for the same reason. */
    const queries: Record<string, string> = {
      "GET /api/learners/:learnerId/courses/:courseId/explanations": `?item=${ids.itemId}`,
    };
    const mismatches: string[] = [];
    // Logout last: it ends the caller's session.
    const routes = Object.entries(POLICY_TABLE as Record<string, Access>).sort(([a], [b]) =>
      a.includes("logout") ? 1 : b.includes("logout") ? -1 : 0,
    );
    for (const [key, access] of routes) {
      const [method, pattern] = key.split(" ") as ["GET" | "POST" | "PUT" | "PATCH" | "DELETE", string];
      const url = pattern.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? "") + (queries[key] ?? "");
      for (const persona of Object.keys(callers) as Persona[]) {
        const body =
          key === "POST /api/classes/:classId/enrolments"
            ? { userId: mine.learnerA.id, role: "learner" }
            : bodies[key];
        const response = await call(t, method, url, {
          as: callers[persona],
          ...(method === "GET" ? {} : { body: body ?? {} }),
        });
        const code = response.statusCode >= 400 ? response.json().error.code : undefined;
        const message = response.statusCode >= 400 ? String(response.json().error.message) : "";
        const denied =
          response.statusCode === 401 ||
          response.statusCode === 403 ||
          (response.statusCode === 404 && code === "not_found" && message.startsWith("No such"));
        const actual: Outcome = denied ? (response.statusCode as 401 | 403 | 404) : "pass";
        const want = expected(access, persona);
        if (actual !== want)
          mismatches.push(`${key} as ${persona}: expected ${want}, got ${response.statusCode} ${code ?? ""}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
