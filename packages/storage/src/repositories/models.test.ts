import { randomBytes } from "node:crypto";
import {
  asId,
  type CourseId,
  type ItemId,
  itemObjectId,
  joinCodeFromBytes,
  type TenantId,
} from "@pathwise/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageError } from "../database";
import { answeredStatement, createSchoolWithLearners, nth } from "../test-fixtures";
import { type TestDatabase, testDatabases } from "../testing";
import { createRepositories, type Repositories } from "./index";
import { sha256Hex } from "./models";

describe.each(testDatabases())("model registry on $name", (target) => {
  let handle: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    handle = await target.open();
    repos = createRepositories(handle.db);
  });
  afterAll(() => handle.dispose());

  async function course(tenantId: TenantId) {
    const report = await repos.content.importCourse({
      tenantId,
      course: { key: "c", title: { en: "Course" }, goals: [] },
      concepts: [
        { key: "a", title: { en: "A" } },
        { key: "b", title: { en: "B" } },
      ],
      prerequisites: [],
      items: ["a", "b"].map((concept) => ({
        key: `item-${concept}`,
        stem: { en: "?" },
        concepts: concept === "a" ? ["a"] : ["a", "b"],
        difficulty: { level: 1 },
        answer: { kind: "numeric" as const, value: 1, tolerance: 0 },
      })),
    });
    const items = await repos.content.listItems(tenantId, report.courseId, { limit: 10, offset: 0 });
    return { courseId: report.courseId, items: items.map((item) => item.id) };
  }

  const model = (tenantId: TenantId, courseId: CourseId, kind = "bkt") => ({
    tenantId,
    courseId,
    kind,
    config: { maxEpochs: 2 },
    metrics: { auc: 0.7 },
    fairness: [{ dimension: "class", suppressed: true }],
    snapshot: { answers: 3 },
    training: { epochs: 2 },
    card: "# card",
    file: Uint8Array.from(randomBytes(64)),
    vocabulary: { concepts: { x: 1 }, items: { y: 1 } },
  });

  it("registers candidates with the file's SHA-256 and returns weights only through getFile", async () => {
    const { tenant } = await createSchoolWithLearners(repos, 0);
    const { courseId } = await course(tenant.id);
    const input = model(tenant.id, courseId);
    const stored = await repos.models.register(input);
    expect(stored).toMatchObject({
      kind: "bkt",
      status: "candidate",
      metrics: { auc: 0.7 },
      promotedAt: null,
    });
    const detail = await repos.models.get(tenant.id, stored.id);
    expect(detail).toMatchObject({
      card: "# card",
      fileSha256: sha256Hex(input.file),
      training: { epochs: 2 },
    });
    expect(detail).not.toHaveProperty("file");
    const file = await repos.models.getFile(tenant.id, stored.id);
    expect(Buffer.from(file?.file ?? []).equals(Buffer.from(input.file))).toBe(true);
    expect(file?.vocabulary).toEqual({ concepts: { x: 1 }, items: { y: 1 } });
    const other = await createSchoolWithLearners(repos, 0);
    expect(await repos.models.get(other.tenant.id, stored.id)).toBeUndefined();
    expect(await repos.models.getChampion(tenant.id, courseId)).toBeUndefined();
  });

  it("promotes with an audited decision, retires the old champion, and rolls back through promotions", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 1);
    const admin = nth(learners, 0).id;
    const { courseId } = await course(tenant.id);
    const [a, b, c] = [
      await repos.models.register(model(tenant.id, courseId)),
      await repos.models.register(model(tenant.id, courseId, "dkt")),
      await repos.models.register(model(tenant.id, courseId)),
    ];
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute));
    const base = { tenantId: tenant.id, courseId, reason: "test" };
    await repos.models.promote({ ...base, modelId: a.id, actorId: null, at: at(1) });
    const second = await repos.models.promote({
      ...base,
      modelId: b.id,
      actorId: admin,
      at: at(2),
      comparison: { gain: 0.1 },
    });
    expect(second).toMatchObject({
      action: "promote",
      modelId: b.id,
      previousModelId: a.id,
      actorId: admin,
      comparison: { gain: 0.1 },
    });
    expect((await repos.models.getChampion(tenant.id, courseId))?.id).toBe(b.id);
    expect((await repos.models.get(tenant.id, a.id))?.status).toBe("retired");
    await repos.models.promote({ ...base, modelId: c.id, actorId: null, at: at(3) });

    expect(await repos.models.previousChampion(tenant.id, courseId)).toBe(b.id);
    await repos.models.rollback({ ...base, modelId: b.id, actorId: admin, at: at(4) });
    expect(await repos.models.previousChampion(tenant.id, courseId)).toBe(a.id);
    await repos.models.rollback({ ...base, modelId: a.id, actorId: admin, at: at(5) });
    expect(await repos.models.previousChampion(tenant.id, courseId)).toBeUndefined();
    expect((await repos.models.getChampion(tenant.id, courseId))?.id).toBe(a.id);

    const statuses = Object.fromEntries(
      (await repos.models.list(tenant.id, courseId)).map((m) => [m.id, m.status]),
    );
    expect(statuses).toEqual({ [a.id]: "champion", [b.id]: "retired", [c.id]: "retired" });
    const actions = (await repos.models.decisions(tenant.id, courseId)).map((d) => d.action);
    expect(actions).toEqual(["rollback", "rollback", "promote", "promote", "promote"]);
  });

  it("refuses to promote the champion again or a model of another course, and rejects only candidates", async () => {
    const { tenant } = await createSchoolWithLearners(repos, 0);
    const { courseId } = await course(tenant.id);
    const other = await createSchoolWithLearners(repos, 0);
    const otherCourse = await course(other.tenant.id);
    const a = await repos.models.register(model(tenant.id, courseId));
    const b = await repos.models.register(model(tenant.id, courseId));
    const base = { tenantId: tenant.id, courseId, reason: "r", actorId: null, at: new Date() };
    await repos.models.promote({ ...base, modelId: a.id });
    await expect(repos.models.promote({ ...base, modelId: a.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      repos.models.promote({ ...base, courseId: otherCourse.courseId, modelId: b.id }),
    ).rejects.toBeInstanceOf(StorageError);
    const rejected = await repos.models.reject({
      ...base,
      modelId: b.id,
      comparison: { champion: 0.8, challenger: 0.7 },
    });
    expect(rejected).toMatchObject({ action: "reject", modelId: b.id, previousModelId: a.id });
    expect((await repos.models.get(tenant.id, b.id))?.status).toBe("rejected");
    await expect(repos.models.reject({ ...base, modelId: a.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("snapshots a course's graded answers with their concepts, and counts answers since the last training", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 2);
    const { courseId, items } = await course(tenant.id);
    const [first, second] = [nth(learners, 0).id, nth(learners, 1).id];
    const answer = (learner: typeof first, item: string, success: boolean, minute: number) =>
      answeredStatement(
        learner,
        { object: { id: itemObjectId(asId<ItemId>(item)) }, result: { success } },
        minute,
      );
    await repos.events.append(tenant.id, [
      answer(first, nth(items, 0), true, 1),
      answer(second, nth(items, 1), false, 2),
      answeredStatement(first, { result: { response: "ungraded" } }, 3),
      answeredStatement(first, {}, 4),
    ]);
    const snapshot = await repos.models.courseAnswers(tenant.id, courseId);
    expect(snapshot.answers.map((a) => [a.learnerId, a.itemId, a.correct])).toEqual([
      [first, nth(items, 0), true],
      [second, nth(items, 1), false],
    ]);
    expect(snapshot.maxSeq).toBe(snapshot.answers[1]?.seq);
    expect(snapshot.itemConcepts.get(nth(items, 1))).toHaveLength(2);

    await repos.models.putSettings({
      tenantId: tenant.id,
      courseId,
      candidates: [{ kind: "bkt" }],
      retrainEveryEvents: 2,
      retrainIntervalHours: null,
      at: new Date(),
    });
    const due = async () => (await repos.models.retrainingCandidates()).find((s) => s.courseId === courseId);
    expect((await due())?.newAnswers).toBe(2);
    await repos.models.markTrained({
      tenantId: tenant.id,
      courseId,
      seq: snapshot.maxSeq,
      at: new Date(),
      candidates: [],
    });
    expect(await due()).toMatchObject({
      newAnswers: 0,
      lastTrainedSeq: snapshot.maxSeq,
      candidates: [{ kind: "bkt" }],
    });
    expect(await repos.models.countAnswersAfter(tenant.id, courseId, snapshot.maxSeq)).toBe(0);
    await repos.events.append(tenant.id, [answer(second, nth(items, 0), true, 5)]);
    expect((await due())?.newAnswers).toBe(1);
    expect(await repos.models.countAnswersAfter(tenant.id, courseId, snapshot.maxSeq)).toBe(1);
    expect(await repos.models.countAnswersAfter(tenant.id, courseId, 0)).toBe(3);
  });

  it("reads learners' classes and configured attributes for the fairness table", async () => {
    const { tenant, learners } = await createSchoolWithLearners(repos, 2);
    const [first, second] = [nth(learners, 0).id, nth(learners, 1).id];
    const schoolClass = await repos.classes.create({
      tenantId: tenant.id,
      name: { en: "7A" },
      joinCode: joinCodeFromBytes(randomBytes(8)),
    });
    await repos.classes.enrol({ classId: schoolClass.id, userId: first, role: "learner" });
    const classes = await repos.models.learnerClasses(tenant.id, [first, second]);
    expect(classes.get(first)).toEqual([{ id: schoolClass.id, name: { en: "7A" } }]);
    expect(classes.has(second)).toBe(false);
    await repos.users.setAttributes(first, { programme: "yes", secret: "x" });
    const attributes = await repos.users.attributesOf(tenant.id, [first, second], ["programme"]);
    expect(Object.fromEntries(attributes)).toEqual({ [first]: { programme: "yes" } });
  });
});
