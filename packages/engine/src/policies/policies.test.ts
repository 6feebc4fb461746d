import { describe, expect, it } from "vitest";
import { kssEnvironment } from "../kss/environment";
import { structureFromEdges } from "../kss/structure";
import { createRng } from "../random/prng";
import { evaluatePolicy, runEpisode } from "../simulation/evaluate";
import { masteryPlannerPolicy } from "./planner";
import { getPolicy, POLICIES } from "./registry";

// 0 → 1 → 2, and an unrelated 3
const chain = structureFromEdges(4, [
  [0, 1],
  [1, 2],
]);

describe("policy registry", () => {
  it("finds policies by name and names the unknown one", () => {
    expect([...POLICIES.keys()]).toEqual([
      "random",
      "topological",
      "goals-only",
      "planner",
      "planner-no-coherence",
    ]);
    expect(() => getPolicy("greedy")).toThrow(/unknown policy "greedy"; known: random, topological/);
  });
});

describe("planner rules", () => {
  it("starts from the first missing prerequisite of the goal, never from outside the closure", () => {
    const planner = masteryPlannerPolicy.create({ graph: chain, goals: [2], history: [] }, createRng(1));
    expect(planner.next()).toBe(0);
  });

  it("consolidates a prerequisite to mastery before moving on, then advances", () => {
    const planner = masteryPlannerPolicy.create({ graph: chain, goals: [2], history: [] }, createRng(1));
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const k = planner.next();
      seen.push(k);
      planner.observe({ concept: k, correct: true });
    }
    // BKT(0.1, 0.3, 0.25, 0.1): three correct answers lift P(L) to 0.967 ≥ 0.95, so 0 is studied 3 times
    expect(seen.slice(0, 4)).toEqual([0, 0, 0, 1]);
  });

  it("skips prerequisites already mastered in the history", () => {
    const history = [0, 0, 0].map((concept) => ({ concept, correct: true }));
    const planner = masteryPlannerPolicy.create({ graph: chain, goals: [2], history }, createRng(1));
    expect(planner.next()).toBe(1);
  });

  it("remediates the prerequisites after repeated failure", () => {
    const history = [0, 0, 0, 1, 1, 1].map((concept) => ({ concept, correct: true }));
    const planner = masteryPlannerPolicy.create({ graph: chain, goals: [2], history }, createRng(1));
    expect(planner.next()).toBe(2);
    for (let i = 0; i < 3; i++) planner.observe({ concept: 2, correct: false });
    expect(planner.next()).toBe(1);
  });
});

describe("KSS evaluation", () => {
  it("gives each policy the same learners and gains within [−1, 1]", () => {
    const a = runEpisode(kssEnvironment, getPolicy("random"), 5, 42);
    const b = runEpisode(kssEnvironment, getPolicy("random"), 5, 42);
    expect(a).toEqual(b);
    expect(a.gain).toBeGreaterThanOrEqual(-1);
    expect(a.gain).toBeLessThanOrEqual(1);
  });

  it("the planner beats random and topological by a wide margin at 20 steps (300 learners)", () => {
    const run = (name: string) =>
      evaluatePolicy(kssEnvironment, getPolicy(name), { steps: 20, episodes: 300, seed: 5 }).meanGain;
    const planner = run("planner");
    expect(planner).toBeGreaterThan(run("random") + 0.4);
    expect(planner).toBeGreaterThan(run("topological") + 0.4);
  });
});
