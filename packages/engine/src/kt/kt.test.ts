import { getModel } from "@pathwise/ml";
import "@pathwise/ml/models";
import { describe, expect, it } from "vitest";
import { getPolicy } from "../policies/registry";
import { createRng } from "../random/prng";
import { evaluatePolicy } from "../simulation/evaluate";
import { DktLearnerState, dktWeightsFrom } from "./dkt-stepper";
import { createKtEnvironment } from "./environment";
import { inferPrerequisiteGraph } from "./inferred-graph";

const NUM_SKILLS = 6;

function randomSessions(count: number, length: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => ({
    learner: `l${i}`,
    skills: Int32Array.from({ length }, (_, t) =>
      Math.min(NUM_SKILLS, 1 + Math.floor(t / 4) + rng.int(0, 1)),
    ),
    correct: Uint8Array.from({ length }, () => (rng.next() < 0.6 ? 1 : 0)),
  }));
}

describe("DKT stepper", () => {
  it("reproduces the tfjs DKT's predictions from its saved weights", async () => {
    const model = getModel("dkt").create(
      { embeddingSize: 8, hiddenSize: 6, dropout: 0, seed: 3 },
      { numSkills: NUM_SKILLS, numProblems: 0 },
    );
    const sessions = randomSessions(3, 12, 1);
    const expected = await model.predict(sessions);
    const saved = await model.save();
    const weights = dktWeightsFrom(NUM_SKILLS, saved.weights);
    model.dispose();
    for (const [i, s] of sessions.entries()) {
      const state = new DktLearnerState(weights);
      for (let t = 0; t < s.skills.length; t++) {
        if (t > 0) expect(state.predict(s.skills[t] as number)).toBeCloseTo(expected[i]?.[t] as number, 5);
        state.observe(s.skills[t] as number, s.correct[t] === 1);
      }
    }
  });
});

describe("prerequisite graph inferred from practice order", () => {
  it("links skills met in a consistent order, keeps only direct edges, stays acyclic", () => {
    const order = [
      [1, 2, 3],
      [1, 2, 3],
      [1, 3, 2],
    ];
    const sessions = Array.from({ length: 40 }, (_, i) => order[i % 3] as number[]);
    const graph = inferPrerequisiteGraph(sessions, 3, { minLearners: 10, minPrecedence: 0.9 });
    expect(graph.pred[1]).toEqual([0]); // 1 before 2 always
    expect(graph.pred[2]).toEqual([0]); // 1 before 3 always; 2 before 3 only 2/3 of the time
    expect(graph.succ[2]).toEqual([]);
  });
});

describe("KT learner-model simulator", () => {
  it("runs seeded episodes with goals from the end of real sessions", () => {
    const model = getModel("dkt").create(
      { embeddingSize: 8, hiddenSize: 6, seed: 3 },
      { numSkills: NUM_SKILLS, numProblems: 0 },
    );
    return model.save().then((saved) => {
      model.dispose();
      const sessions = randomSessions(20, 30, 2);
      const graph = inferPrerequisiteGraph(
        sessions.map((s) => s.skills),
        NUM_SKILLS,
        { minLearners: 5, minPrecedence: 0.8 },
      );
      const env = createKtEnvironment(dktWeightsFrom(NUM_SKILLS, saved.weights), sessions, graph);
      const episode = env.startEpisode(createRng(4));
      expect(episode.goals.length).toBeGreaterThan(0);
      expect(episode.history.length).toBe(20);
      const options = { steps: 5, episodes: 20, seed: 9 };
      expect(evaluatePolicy(env, getPolicy("planner"), options)).toEqual(
        evaluatePolicy(env, getPolicy("planner"), options),
      );
    });
  });
});
