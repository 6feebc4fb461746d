import type { ConceptId, UserId } from "@pathwise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchoolWithLearners, nth } from "../test-fixtures";
import { type TestDatabase, testDatabases } from "../testing";
import { goalRepository } from "./goals";
import { createRepositories, type Repositories } from "./index";

describe.each(testDatabases())("goal repository on $name", (target) => {
  let handle: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
  });
  afterAll(() => handle.dispose());

  /** A school with learners and a two-concept course. */
  async function school(learners = 1) {
    const { tenant, learners: people } = await createSchoolWithLearners(repos, learners);
    const report = await repos.content.importCourse({
      tenantId: tenant.id,
      course: { key: "goals", title: { en: "Goals" }, goals: [] },
      concepts: [
        { key: "a", title: { en: "A" } },
        { key: "b", title: { en: "B" } },
      ],
      prerequisites: [],
      items: [],
    });
    const graph = await repos.content.getConceptGraph(tenant.id, report.courseId);
    const concepts = (graph?.concepts ?? []).map((c) => c.id);
    return { tenant, people, courseId: report.courseId, concepts };
  }

  it("stores a goal with its concepts, note and target date, and lists it for the learner", async () => {
    const { tenant, people, courseId, concepts } = await school();
    const learner = nth(people, 0).id;
    const goal = await repos.goals.create({
      tenantId: tenant.id,
      learnerId: learner,
      courseId,
      conceptIds: concepts,
      setBy: learner,
      setByRole: "learner",
      note: "before the exam",
      targetDate: "2026-12-15",
    });
    expect(goal).toMatchObject({
      conceptIds: concepts,
      note: "before the exam",
      targetDate: "2026-12-15",
      status: "open",
      closedAt: null,
      setByRole: "learner",
    });
    expect(await repos.goals.get(tenant.id, goal.id)).toEqual(goal);
    expect(await repos.goals.listForLearner(tenant.id, learner, courseId, "open")).toEqual([goal]);
    expect(await repos.goals.listForLearner(tenant.id, learner, courseId, "dropped")).toEqual([]);
  });

  it("finds nothing across schools", async () => {
    const mine = await school();
    const other = await school();
    const goal = await repos.goals.create({
      tenantId: mine.tenant.id,
      learnerId: nth(mine.people, 0).id,
      courseId: mine.courseId,
      conceptIds: [nth(mine.concepts, 0)],
      setBy: nth(mine.people, 0).id,
      setByRole: "learner",
    });
    expect(await repos.goals.get(other.tenant.id, goal.id)).toBeUndefined();
    expect(await repos.goals.close(other.tenant.id, goal.id, "dropped", new Date())).toBeUndefined();
    expect((await repos.goals.get(mine.tenant.id, goal.id))?.status).toBe("open");
  });

  it("closes an open goal once; a second close leaves the first outcome", async () => {
    const { tenant, people, courseId, concepts } = await school();
    const learner = nth(people, 0).id;
    const goal = await repos.goals.create({
      tenantId: tenant.id,
      learnerId: learner,
      courseId,
      conceptIds: [nth(concepts, 1)],
      setBy: learner,
      setByRole: "learner",
    });
    const at = new Date(Date.UTC(2026, 10, 30, 12));
    const achieved = await repos.goals.close(tenant.id, goal.id, "achieved", at);
    expect(achieved).toMatchObject({ status: "achieved", closedAt: at });
    const again = await repos.goals.close(tenant.id, goal.id, "dropped", new Date());
    expect(again).toMatchObject({ status: "achieved", closedAt: at });
  });

  it("stores a class's goals all or none inside one transaction", async () => {
    const { tenant, people, courseId, concepts } = await school(3);
    const teacher = await repos.users.create({
      tenantId: tenant.id,
      email: `teacher-${tenant.id}@example.org`,
      displayName: "Teacher",
      role: "teacher",
      passwordHash: null,
    });
    const goalFor = (learnerId: UserId, conceptIds: ConceptId[]) => ({
      tenantId: tenant.id,
      learnerId,
      courseId,
      conceptIds,
      setBy: teacher.id,
      setByRole: "teacher" as const,
    });
    // The third goal names no concept, which the table refuses: the first two must not stay behind.
    const failing = handle.db.transaction((tx) =>
      goalRepository(tx).createMany([
        goalFor(nth(people, 0).id, concepts),
        goalFor(nth(people, 1).id, concepts),
        goalFor(nth(people, 2).id, []),
      ]),
    );
    await expect(failing).rejects.toThrow();
    for (const person of people)
      expect(await repos.goals.listForLearner(tenant.id, person.id, courseId)).toEqual([]);

    const stored = await handle.db.transaction((tx) =>
      goalRepository(tx).createMany(people.map((person) => goalFor(person.id, [nth(concepts, 0)]))),
    );
    expect(stored).toHaveLength(3);
    expect(stored.map((goal) => goal.learnerId)).toEqual(people.map((person) => person.id));
  });
});
