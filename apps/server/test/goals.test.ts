import { randomUUID } from "node:crypto";
import { asId } from "@pathwise/domain";
import type { StoredItem } from "@pathwise/storage";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARITHMETIC_CONCEPTS,
  type Caller,
  call,
  importArithmeticCourse,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  statement,
  type TestApp,
} from "./helpers";

/**
 * Goals and progress over HTTP on real databases: learner- and teacher-set goals, the plan aiming at
 * them, achievement, class goals in one transaction, the class mastery view, mastery over time and a
 * guardian's children.
 */

describe.each(testDatabases())("goals and progress on $name", (target) => {
  let t: TestApp;
  let mine: School;
  let courseId: string;
  let conceptIds: Record<string, string>;
  let items: StoredItem[];
  let as: Record<"a" | "b" | "teacher" | "guardian" | "admin", Caller>;
  const learnerUrl = (learnerId: string, path: string) =>
    `/api/learners/${learnerId}/courses/${courseId}/${path}`;
  const idOf = (key: string) => conceptIds[key] ?? "";

  /** Learner answers to `concept`'s items, `count` of them right, one a day from `day` (UTC). */
  async function answer(learnerId: string, concept: string, count: number, day: number) {
    const conceptItems = items.filter((i) => i.key.startsWith(concept));
    await t.repos.events.append(
      asId(mine.tenantId),
      Array.from({ length: count }, (_, i) =>
        statement(learnerId, 0, {
          object: { id: `urn:pathwise:item:${conceptItems[i % conceptItems.length]?.id}` },
          result: { success: true },
          timestamp: new Date(Date.UTC(2026, 9, day + i, 10)).toISOString(),
        }),
      ),
    );
  }

  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "10000" });
    mine = await seedSchool(t);
    ({ courseId, conceptIds, items } = await importArithmeticCourse(t, mine.tenantId, 3));
    as = {
      a: await signIn(t, mine.learnerA.email),
      b: await signIn(t, mine.learnerB.email),
      teacher: await signIn(t, mine.teacher.email),
      guardian: await signIn(t, mine.guardian.email),
      admin: await signIn(t, mine.admin.email),
    };
  });
  afterAll(() => t.close());

  it("a learner sets a goal, sees it with its progress, and the plan aims at it", async () => {
    const before = await call(t, "GET", learnerUrl(mine.learnerA.id, "plan"), { as: as.a });
    expect(before.json().goals).toEqual([{ conceptKey: "multiply", source: "teacher" }]);

    const created = await call(t, "POST", learnerUrl(mine.learnerA.id, "goals"), {
      as: as.a,
      body: { conceptIds: [idOf("add")], note: "Adding by Friday", targetDate: "2026-12-04" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: "open",
      note: "Adding by Friday",
      targetDate: "2026-12-04",
      setBy: { id: mine.learnerA.id, role: "learner", displayName: mine.learnerA.displayName },
      progress: { mastered: 0, total: 1 },
      concepts: [{ conceptId: idOf("add"), key: "add", mastered: false }],
    });

    const list = await call(t, "GET", learnerUrl(mine.learnerA.id, "goals"), { as: as.guardian });
    expect(list.statusCode).toBe(200);
    expect(list.json().goals.map((g: { id: string }) => g.id)).toEqual([created.json().id]);

    const plan = (await call(t, "GET", learnerUrl(mine.learnerA.id, "plan"), { as: as.a })).json();
    expect(plan.goals).toEqual([{ conceptKey: "add", source: "learner" }]);
    // A goal named in the request still wins over the stored ones.
    const asked = await call(t, "GET", `${learnerUrl(mine.learnerA.id, "plan")}?goals=multiply`, {
      as: as.a,
    });
    expect(asked.json().goals).toEqual([{ conceptKey: "multiply", source: "learner" }]);

    const dropped = await call(t, "PATCH", `/api/goals/${created.json().id}`, {
      as: as.a,
      body: { status: "dropped" },
    });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json()).toMatchObject({ status: "dropped" });
    expect(dropped.json().closedAt).not.toBeNull();
    const after = (await call(t, "GET", learnerUrl(mine.learnerA.id, "plan"), { as: as.a })).json();
    expect(after.goals).toEqual([{ conceptKey: "multiply", source: "teacher" }]);
  });

  it("a teacher's goal is the teacher's to drop; guardians and unknown concepts are refused", async () => {
    const set = await call(t, "POST", learnerUrl(mine.learnerB.id, "goals"), {
      as: as.teacher,
      body: { conceptIds: [idOf("count"), idOf("add")] },
    });
    expect(set.statusCode).toBe(201);
    expect(set.json().setBy).toMatchObject({ id: mine.teacher.id, role: "teacher" });
    const plan = (await call(t, "GET", learnerUrl(mine.learnerB.id, "plan"), { as: as.b })).json();
    expect(plan.goals).toEqual([
      { conceptKey: "count", source: "teacher" },
      { conceptKey: "add", source: "teacher" },
    ]);

    const byLearner = await call(t, "PATCH", `/api/goals/${set.json().id}`, {
      as: as.b,
      body: { status: "dropped" },
    });
    expect(byLearner.statusCode).toBe(403);
    expect(byLearner.json().error.message).toContain("set by a teacher");
    const byGuardian = await call(t, "POST", learnerUrl(mine.learnerA.id, "goals"), {
      as: as.guardian,
      body: { conceptIds: [idOf("add")] },
    });
    expect(byGuardian.statusCode).toBe(403);
    const unknown = randomUUID();
    const bad = await call(t, "POST", learnerUrl(mine.learnerB.id, "goals"), {
      as: as.teacher,
      body: { conceptIds: [idOf("add"), unknown] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "validation_failed", field: "body.conceptIds.1" });
    const achieved = await call(t, "PATCH", `/api/goals/${set.json().id}`, {
      as: as.teacher,
      body: { status: "achieved" },
    });
    expect(achieved.statusCode).toBe(400);

    const byTeacher = await call(t, "PATCH", `/api/goals/${set.json().id}`, {
      as: as.teacher,
      body: { status: "dropped" },
    });
    expect(byTeacher.json().status).toBe("dropped");
    const open = (await call(t, "GET", learnerUrl(mine.learnerB.id, "goals"), { as: as.b })).json().goals;
    expect(open.filter((g: { status: string }) => g.status === "open")).toEqual([]);
  });

  it("sets a class goal for every enrolled learner at once, or for none", async () => {
    const url = `/api/classes/${mine.classId}/courses/${courseId}/goals`;
    const countGoals = async () =>
      (await t.repos.goals.listForLearner(asId(mine.tenantId), mine.learnerA.id, asId(courseId))).length +
      (await t.repos.goals.listForLearner(asId(mine.tenantId), mine.learnerB.id, asId(courseId))).length;
    const before = await countGoals();
    const bad = await call(t, "POST", url, { as: as.teacher, body: { conceptIds: [randomUUID()] } });
    expect(bad.statusCode).toBe(400);
    expect(await countGoals()).toBe(before);
    expect((await call(t, "POST", url, { as: as.a, body: { conceptIds: [idOf("add")] } })).statusCode).toBe(
      403,
    );

    const set = await call(t, "POST", url, {
      as: as.teacher,
      body: { conceptIds: [idOf("multiply")], note: "Unit test on multiplication" },
    });
    expect(set.statusCode).toBe(201);
    const goals = set.json().goals as { learnerId: string; setBy: { role: string } }[];
    expect(goals.map((g) => g.learnerId).sort()).toEqual([mine.learnerA.id, mine.learnerB.id].sort());
    expect(goals.every((g) => g.setBy.role === "teacher")).toBe(true);
    expect(await countGoals()).toBe(before + 2);
  });

  it("marks a goal achieved once every concept is mastered, and keeps it so", async () => {
    const goal = (
      await call(t, "POST", learnerUrl(mine.learnerA.id, "goals"), {
        as: as.a,
        body: { conceptIds: [idOf("count")] },
      })
    ).json();
    expect(goal.status).toBe("open");
    await answer(mine.learnerA.id, "count", 6, 1);
    const list = (await call(t, "GET", learnerUrl(mine.learnerA.id, "goals"), { as: as.a })).json().goals;
    const reached = list.find((g: { id: string }) => g.id === goal.id);
    expect(reached).toMatchObject({ status: "achieved", progress: { mastered: 1, total: 1 } });
    expect(reached.closedAt).not.toBeNull();
    const stored = await t.repos.goals.get(asId(mine.tenantId), goal.id);
    expect(stored?.status).toBe("achieved");
    // An achieved goal is no longer planned for; the class goal (multiply) still is.
    const plan = (await call(t, "GET", learnerUrl(mine.learnerA.id, "plan"), { as: as.a })).json();
    expect(plan.goals).toEqual([{ conceptKey: "multiply", source: "teacher" }]);
  });

  it("gives the class's mastery in one request, equal to each learner's mastery endpoint", async () => {
    await answer(mine.learnerB.id, "add", 2, 3);
    const url = `/api/classes/${mine.classId}/courses/${courseId}/mastery`;
    const response = await call(t, "GET", url, { as: as.teacher });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.concepts.map((c: { key: string }) => c.key)).toEqual([...ARITHMETIC_CONCEPTS]);
    expect(body.learners).toHaveLength(2);
    for (const learner of body.learners) {
      const own = (await call(t, "GET", learnerUrl(learner.learnerId, "mastery"), { as: as.teacher })).json();
      expect(learner.concepts).toEqual(own.concepts);
    }
    expect((await call(t, "GET", url, { as: as.a })).statusCode).toBe(403);
    expect((await call(t, "GET", url, { as: as.guardian })).statusCode).toBe(403);
    const unknownCourse = `/api/classes/${mine.classId}/courses/${randomUUID()}/mastery`;
    expect((await call(t, "GET", unknownCourse, { as: as.admin })).statusCode).toBe(404);
  });

  it("replays mastery day by day; the last day equals the current mastery", async () => {
    const response = await call(t, "GET", learnerUrl(mine.learnerA.id, "mastery-history"), {
      as: as.guardian,
    });
    expect(response.statusCode).toBe(200);
    const history = response.json();
    // Six "count" answers on six consecutive days (see the achieved-goal test).
    expect(history.days).toEqual([
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
    ]);
    const count = history.concepts.find((c: { key: string }) => c.key === "count");
    expect(count.answers).toBe(6);
    expect(count.mastery).toHaveLength(6);
    for (let i = 1; i < 6; i += 1) expect(count.mastery[i]).toBeGreaterThan(count.mastery[i - 1]);
    const now = (await call(t, "GET", learnerUrl(mine.learnerA.id, "mastery"), { as: as.a })).json();
    for (const concept of history.concepts) {
      const current = now.concepts.find((c: { key: string }) => c.key === concept.key);
      expect(concept.mastery.at(-1)).toBe(current.mastery);
    }
    const ofB = (await call(t, "GET", learnerUrl(mine.learnerB.id, "mastery-history"), { as: as.b })).json();
    expect(ofB.days).toEqual(["2026-10-03", "2026-10-04"]);
    expect(
      (await call(t, "GET", learnerUrl(mine.learnerA.id, "mastery-history"), { as: as.b })).statusCode,
    ).toBe(403);
  });

  it("lists a guardian's children, and only for guardians", async () => {
    const response = await call(t, "GET", "/api/guardians/me/children", { as: as.guardian });
    expect(response.statusCode).toBe(200);
    expect(response.json().children.map((c: { id: string }) => c.id)).toEqual([mine.learnerA.id]);
    expect((await call(t, "GET", "/api/guardians/me/children", { as: as.a })).statusCode).toBe(403);
  });
});
