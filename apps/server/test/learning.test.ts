import { randomUUID } from "node:crypto";
import { asId } from "@pathwise/domain";
import type { StoredItem } from "@pathwise/storage";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  call,
  eventCount,
  importArithmeticCourse,
  type School,
  seedSchool,
  signIn,
  startTestApp,
  statement,
  type TestApp,
} from "./helpers";

/**
 * The learning API end to end on real databases: mastery, plan, reviews, exam prediction, feedback and a
 * whole placement session, plus the access rules (classmate 403, other school 404, learner-only actions).
 */

const answerOf = (item: StoredItem) => (item.answer.kind === "numeric" ? String(item.answer.value) : "");

describe.each(testDatabases())("learning API on $name", (target) => {
  let t: TestApp;
  let mine: School;
  let other: School;
  let courseId: string;
  let otherCourseId: string;
  let items: StoredItem[];
  let as: Record<"a" | "b" | "teacher" | "guardian" | "otherLearner", Caller>;
  const url = (learnerId: string, path: string, course = courseId) =>
    `/api/learners/${learnerId}/courses/${course}/${path}`;

  beforeAll(async () => {
    t = await startTestApp(target, { PATHWISE_LOGIN_MAX_PER_IP_PER_MINUTE: "10000" });
    [mine, other] = [await seedSchool(t), await seedSchool(t)];
    ({ courseId, items } = await importArithmeticCourse(t, mine.tenantId));
    otherCourseId = (await importArithmeticCourse(t, other.tenantId)).courseId;
    // Learner A answered the two easiest "count" items right, 30 days ago.
    const count = items.filter((i) => i.key.startsWith("count")).slice(0, 2);
    const old = Date.now() - 30 * 86_400_000;
    await t.repos.events.append(
      asId(mine.tenantId),
      count.map((item, i) =>
        statement(mine.learnerA.id, 0, {
          object: { id: `urn:pathwise:item:${item.id}` },
          result: { success: true },
          timestamp: new Date(old + i * 60_000).toISOString(),
        }),
      ),
    );
    as = {
      a: await signIn(t, mine.learnerA.email),
      b: await signIn(t, mine.learnerB.email),
      teacher: await signIn(t, mine.teacher.email),
      guardian: await signIn(t, mine.guardian.email),
      otherLearner: await signIn(t, other.learnerA.email),
    };
  });
  afterAll(() => t.close());

  it("estimates mastery with the interim BKT model from the learner's answers", async () => {
    const response = await call(t, "GET", url(mine.learnerA.id, "mastery"), { as: as.a });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.model).toMatchObject({ name: "bkt-online", interim: true });
    const byKey = Object.fromEntries(body.concepts.map((c: { key: string }) => [c.key, c]));
    expect(byKey.count.answers).toBe(2);
    expect(byKey.count.mastery).toBeGreaterThan(0.8);
    expect(byKey.multiply.mastery).toBeCloseTo(0.1, 5);
  });

  it("plans next steps toward the course goal with reasons, sentences, and no answer keys", async () => {
    const response = await call(t, "GET", `${url(mine.learnerA.id, "plan")}?horizon=4`, { as: as.guardian });
    expect(response.statusCode).toBe(200);
    const plan = response.json();
    expect(plan.goals).toEqual([{ conceptKey: "multiply", source: "teacher" }]);
    expect(plan.steps.length).toBeGreaterThan(0);
    const lastAnswered = items.filter((i) => i.key.startsWith("count"))[1]?.id;
    for (const step of plan.steps) {
      expect(step.explanation.en.length).toBeGreaterThan(10);
      expect(step.explanation["zh-CN"].length).toBeGreaterThan(5);
      expect(step.item.answer).toBeUndefined();
      expect(step.item.id).not.toBe(lastAnswered);
    }
    // "count" is nearly mastered but under the 0.95 threshold, or due: either way multiply comes after add.
    const keys = plan.steps.map((s: { conceptKey: string }) => s.conceptKey);
    if (keys.includes("multiply")) expect(keys.indexOf("add")).toBeLessThan(keys.indexOf("multiply"));
    // The evidence named in the reasons: the two answers behind "count"'s estimate (leave-one-out weights).
    const countStep = plan.steps.find((s: { conceptKey: string }) => s.conceptKey === "count");
    expect(countStep.reasons.influentialInteractions.map((i: { itemId: string }) => i.itemId).sort()).toEqual(
      ["count-1", "count-2"],
    );
    expect(countStep.explanation.en).toContain("count-1");
    const own = await call(t, "GET", `${url(mine.learnerA.id, "plan")}?goals=add`, { as: as.a });
    expect(own.json().goals).toEqual([{ conceptKey: "add", source: "learner" }]);
    const bad = await call(t, "GET", `${url(mine.learnerA.id, "plan")}?goals=nope`, { as: as.a });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('"nope"');
  });

  it("lists FSRS reviews due for concepts studied a month ago", async () => {
    const response = await call(t, "GET", url(mine.learnerA.id, "reviews"), { as: as.teacher });
    expect(response.statusCode).toBe(200);
    const queue = response.json();
    expect(queue.due.map((d: { key: string }) => d.key)).toEqual(["count"]);
    expect(queue.due[0].retrievability).toBeLessThan(0.9);
  });

  it("predicts an exam score with a 90% interval and review advice", async () => {
    const response = await call(t, "POST", url(mine.learnerA.id, "exam-prediction"), {
      as: as.a,
      body: { conceptKeys: ["count", "add", "multiply", "multiply"] },
    });
    expect(response.statusCode).toBe(200);
    const exam = response.json();
    expect(exam.items).toBe(4);
    expect(exam.interval90[0]).toBeLessThanOrEqual(exam.expectedScore);
    expect(exam.interval90[1]).toBeGreaterThanOrEqual(exam.expectedScore);
    expect(exam.advice.weakestConcepts[0].key).toBe("multiply");
    const both = await call(t, "POST", url(mine.learnerA.id, "exam-prediction"), {
      as: as.a,
      body: { itemKeys: ["add-1"], conceptKeys: ["add"] },
    });
    expect(both.statusCode).toBe(400);
  });

  it("stores recommendation feedback as an event and adapts the planner's target", async () => {
    const itemId = items[5]?.id;
    const rate = (rating: string) =>
      call(t, "POST", `/api/learners/${mine.learnerA.id}/recommendation-feedback`, {
        as: as.a,
        body: { id: randomUUID(), itemId, rating },
      });
    expect((await rate("too_hard")).json()).toEqual({ status: "stored", targetSuccess: 0.75 });
    expect((await rate("too_hard")).json().targetSuccess).toBe(0.8);
    const retryId = randomUUID();
    const retry = () =>
      call(t, "POST", `/api/learners/${mine.learnerA.id}/recommendation-feedback`, {
        as: as.a,
        body: { id: retryId, itemId, rating: "useful" },
      });
    expect((await retry()).json().status).toBe("stored");
    t.advanceClock(1000);
    expect((await retry()).json()).toEqual({ status: "unchanged", targetSuccess: 0.8 });
    const plan = await call(t, "GET", url(mine.learnerA.id, "plan"), { as: as.a });
    expect(plan.json().targetSuccess).toBe(0.8);
    const byTeacher = await call(t, "POST", `/api/learners/${mine.learnerA.id}/recommendation-feedback`, {
      as: as.teacher,
      body: { id: randomUUID(), itemId, rating: "useful" },
    });
    expect(byTeacher.statusCode).toBe(403);
  });

  it("answers { session: null } before a learner's first placement test, 404 for an unknown course", async () => {
    const none = await call(t, "GET", url(mine.learnerB.id, "placement"), { as: as.b });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ session: null });
    const unknown = await call(t, "GET", url(mine.learnerB.id, "placement", randomUUID()), { as: as.b });
    expect(unknown.statusCode).toBe(404);
  });

  it("runs a placement session to its result, never sending answer keys, and seeds mastery", async () => {
    const before = await eventCount(t, mine.tenantId);
    const start = await call(t, "POST", url(mine.learnerB.id, "placement"), {
      as: as.b,
      body: { maxItems: 4 },
    });
    expect(start.statusCode).toBe(200);
    let session = start.json();
    expect(session.status).toBe("in_progress");
    const byId = new Map(items.map((i) => [i.id as string, i]));
    const wrongItem = await call(t, "POST", url(mine.learnerB.id, "placement/answers"), {
      as: as.b,
      body: {
        sessionId: session.sessionId,
        itemId: items.find((i) => i.id !== session.nextItem.id)?.id,
        response: "1",
      },
    });
    expect(wrongItem.statusCode).toBe(400);
    for (let n = 0; n < 4 && session.status === "in_progress"; n++) {
      expect(session.nextItem.answer).toBeUndefined();
      const item = byId.get(session.nextItem.id) as StoredItem;
      const answered = await call(t, "POST", url(mine.learnerB.id, "placement/answers"), {
        as: as.b,
        body: { sessionId: session.sessionId, itemId: item.id, response: answerOf(item) },
      });
      expect(answered.statusCode).toBe(200);
      session = answered.json();
    }
    expect(session.status).toBe("finished");
    expect(session.result.itemsAdministered).toBe(4);
    expect(session.result.theta).toBeGreaterThan(0);
    expect(session.result.seededMastery).toHaveLength(3);
    expect(await eventCount(t, mine.tenantId)).toBe(before + 4);
    const latest = await call(t, "GET", url(mine.learnerB.id, "placement"), { as: as.teacher });
    expect(latest.json().session.result.theta).toBe(session.result.theta);
    const mastery = (await call(t, "GET", url(mine.learnerB.id, "mastery"), { as: as.b })).json();
    expect(mastery.concepts.every((c: { seededByPlacement: boolean }) => c.seededByPlacement)).toBe(true);
  });

  it("counts one of two concurrent answers to the same placement item", async () => {
    const start = await call(t, "POST", url(mine.learnerA.id, "placement"), {
      as: as.a,
      body: { maxItems: 3 },
    });
    const session = start.json();
    const body = { sessionId: session.sessionId, itemId: session.nextItem.id, response: "0" };
    const both = await Promise.all([
      call(t, "POST", url(mine.learnerA.id, "placement/answers"), { as: as.a, body }),
      call(t, "POST", url(mine.learnerA.id, "placement/answers"), { as: as.a, body }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const state = await call(t, "GET", url(mine.learnerA.id, "placement"), { as: as.a });
    expect(state.json().session).toMatchObject({
      sessionId: session.sessionId,
      answered: 1,
      status: "in_progress",
    });
    expect(state.json().session.nextItem.id).not.toBe(session.nextItem.id);
  });

  it("denies other learners, other schools, and staff acting for a learner", async () => {
    const a = mine.learnerA.id;
    expect((await call(t, "GET", url(a, "plan"), { as: as.b })).statusCode).toBe(403);
    expect((await call(t, "GET", url(a, "mastery"), { as: as.otherLearner })).statusCode).toBe(404);
    expect((await call(t, "GET", url(a, "plan", otherCourseId), { as: as.a })).statusCode).toBe(404);
    expect((await call(t, "POST", url(a, "placement"), { as: as.teacher, body: {} })).statusCode).toBe(403);
    expect((await call(t, "GET", url(a, "reviews"))).statusCode).toBe(401);
    const foreign = await call(t, "POST", url(mine.learnerB.id, "placement"), { as: as.a, body: {} });
    expect(foreign.statusCode).toBe(403);
  });
});
