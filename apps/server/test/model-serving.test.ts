import { randomUUID } from "node:crypto";
import { asId, type CourseId, type ItemId, itemObjectId, type TenantId, VERBS } from "@pathwise/domain";
import { encodeSavedModel, MODEL_SCHEMA_VERSION, type SavedModel } from "@pathwise/ml";
import { testDatabases } from "@pathwise/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldAnswers, ModelServing, type ServedAnswer } from "../src/learner-model/serving";
import { type Caller, call, type School, seedSchool, signIn, startTestApp, type TestApp } from "./helpers";

/**
 * Champion serving against the real registry: a promoted model serves mastery; folding answers one request
 * at a time gives the same state as folding them at once; a champion whose file is corrupt is refused
 * (logged) and the previous champion keeps serving.
 */

/** A BKT model file for `skills` skills with the given per-skill parameters (index 0 is padding). */
function bktFile(
  skills: number,
  p: { prior: number; learn: number; guess: number; slip: number },
): SavedModel {
  const perSkill = (value: number) => ({
    shape: [skills + 1],
    values: Float32Array.from({ length: skills + 1 }, () => value),
  });
  return {
    format: "pathwise-kt",
    schemaVersion: MODEL_SCHEMA_VERSION,
    model: "bkt",
    config: {},
    dataShape: { numSkills: skills, numProblems: 0 },
    weights: {
      prior: perSkill(p.prior),
      learn: perSkill(p.learn),
      guess: perSkill(p.guess),
      slip: perSkill(p.slip),
    },
  };
}

describe.each(testDatabases())("model serving on $name", (target) => {
  let t: TestApp;
  let school: School;
  let admin: Caller;
  let courseId: CourseId;
  let items: { id: string; conceptIds: string[] }[];
  let vocabulary: { concepts: Record<string, number>; items: Record<string, number> };
  const tenantId = () => asId<TenantId>(school.tenantId);

  beforeAll(async () => {
    t = await startTestApp(target);
    school = await seedSchool(t);
    admin = await signIn(t, school.admin.email);
    const report = await t.repos.content.importCourse({
      tenantId: tenantId(),
      course: { key: "serving", title: { en: "Serving" }, goals: [] },
      concepts: [0, 1].map((c) => ({ key: `c${c}`, title: { en: `C${c}` } })),
      prerequisites: [],
      items: [0, 1, 2, 3].map((i) => ({
        key: `i${i}`,
        stem: { en: "?" },
        concepts: [`c${i % 2}`],
        difficulty: { level: 1 },
        answer: { kind: "numeric" as const, value: 1, tolerance: 0 },
      })),
    });
    courseId = report.courseId;
    items = (await t.repos.content.listItems(tenantId(), courseId, { limit: 10, offset: 0 })).map((i) => ({
      id: i.id,
      conceptIds: [...i.conceptIds],
    }));
    const conceptIds = [...new Set(items.flatMap((i) => i.conceptIds))].sort();
    vocabulary = {
      concepts: Object.fromEntries(conceptIds.map((id, k) => [id, k + 1])),
      items: {},
    };
  });
  afterAll(() => t?.close());

  async function register(saved: SavedModel) {
    const model = await t.repos.models.register({
      tenantId: tenantId(),
      courseId,
      kind: saved.model,
      config: {},
      metrics: {},
      fairness: [],
      snapshot: {},
      training: {},
      card: "# test model",
      file: Buffer.from(encodeSavedModel(saved), "utf8"),
      vocabulary,
    });
    await t.repos.models.promote({
      tenantId: tenantId(),
      courseId,
      modelId: model.id,
      actorId: school.admin.id,
      reason: "test",
      at: new Date(),
    });
    return model.id;
  }

  async function answer(correct: boolean, minute: number) {
    const item = items[0] as { id: string };
    const response = await call(t, "POST", "/api/events", {
      as: admin,
      body: [
        {
          id: randomUUID(),
          actor: { id: school.learnerA.id },
          verb: { id: VERBS.answered },
          object: { id: itemObjectId(asId<ItemId>(item.id)) },
          result: { success: correct },
          timestamp: new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString(),
        },
      ],
    });
    expect(response.statusCode).toBeLessThan(300);
  }

  const masteryOf = async () =>
    (
      await call(t, "GET", `/api/learners/${school.learnerA.id}/courses/${courseId}/mastery`, { as: admin })
    ).json();

  let firstId: string;

  it("serves the promoted champion and folds each new answer into the learner's state", async () => {
    expect((await masteryOf()).model.interim).toBe(true);
    firstId = await register(bktFile(2, { prior: 0.2, learn: 0.2, guess: 0.2, slip: 0.1 }));
    const before = await masteryOf();
    expect(before.model).toMatchObject({ interim: false, modelId: firstId, name: "bkt" });
    const conceptOfItem = (items[0] as { conceptIds: string[] }).conceptIds[0];
    const masteryOfConcept = (view: { concepts: { conceptId: string; mastery: number }[] }) =>
      view.concepts.find((c) => c.conceptId === conceptOfItem)?.mastery ?? Number.NaN;
    let last = masteryOfConcept(before);
    for (let minute = 0; minute < 3; minute++) {
      await answer(true, minute);
      const now = masteryOfConcept(await masteryOf());
      expect(now).toBeGreaterThan(last);
      last = now;
    }
  });

  it("gives the same state incrementally as from scratch", async () => {
    const serving = new ModelServing(t.repos);
    const served = await serving.champion(tenantId(), courseId);
    if (!served) throw new Error("no champion served");
    const answers: ServedAnswer[] = [true, false, true, true, false].map((correct, i) => ({
      itemId: (items[i % items.length] as { id: string }).id,
      conceptIds: (items[i % items.length] as { conceptIds: string[] }).conceptIds,
      correct,
      at: new Date(Date.UTC(2026, 0, 1, 0, i)),
    }));
    const learner = randomUUID();
    for (let n = 1; n <= answers.length; n++) serving.learnerHistory(served, learner, answers.slice(0, n));
    const incremental = serving.learnerHistory(served, learner, answers);
    const scratch = foldAnswers(served, answers);
    const candidates = [1, 2].map((skill) => ({ problem: 0, skills: [skill] }));
    expect([...served.predictor.predict(incremental.state, candidates)]).toEqual([
      ...served.predictor.predict(scratch.state, candidates),
    ]);
    expect(incremental.answerIndex).toEqual([0, 1, 2, 3, 4]);
  });

  it("refuses a corrupt champion file and keeps serving the previous model", async () => {
    const logged: string[] = [];
    const serving = new ModelServing(t.repos, { log: (message) => logged.push(message) });
    expect((await serving.champion(tenantId(), courseId))?.id).toBe(firstId);

    const corruptId = await register(bktFile(2, { prior: 0.9, learn: 0.2, guess: 0.2, slip: 0.1 }));
    await t.db.query("UPDATE models SET file = $1 WHERE id = $2", [Buffer.from("{ not a model"), corruptId]);
    const served = await serving.champion(tenantId(), courseId);
    expect(served?.id).toBe(firstId);
    expect(logged.some((line) => line.includes(corruptId))).toBe(true);

    // The API's own serving loaded the first champion earlier and keeps serving it.
    expect((await masteryOf()).model.modelId).toBe(firstId);
    // A process that never loaded a model serves the interim model rather than failing.
    expect(await new ModelServing(t.repos).champion(tenantId(), courseId)).toBeUndefined();
  });
});
