import { describe, expect, it } from "vitest";
import { createRng } from "../random/prng";
import { drawKssAbilities, drawKssGoals, runKssWarmup, startKssEpisode } from "./environment";
import { KssLearner } from "./learner";
import { KSS_DAG, KSS_TOPOLOGICAL_ORDER } from "./structure";

const flat = (a: number) => new Array(10).fill(a) as number[];

describe("KSS graph", () => {
  it("has the spec's roots and topological order", () => {
    expect(KSS_TOPOLOGICAL_ORDER).toEqual([0, 1, 2, 3, 5, 4, 6, 7, 8, 9]);
    const roots = KSS_DAG.pred.flatMap((p, k) => (p.length === 0 ? [k] : []));
    expect(roots).toEqual([0, 5, 6]);
    expect(KSS_DAG.pred[8]).toEqual([2, 4, 7]);
  });
});

describe("KSS answers", () => {
  it("answers correctly iff 0.25 + 0.75·σ(8.5(a − d)) ≥ 0.5", () => {
    const learner = new KssLearner(flat(0));
    // concept 0 has d = 0: p = 0.25 + 0.375 = 0.625 → correct; concept 1 has d = 1: p ≈ 0.2502 → wrong.
    expect(learner.correctProbability(0)).toBeCloseTo(0.625, 10);
    expect(learner.answers(0)).toBe(true);
    expect(learner.answers(1)).toBe(false);
    // threshold: σ(x) = 1/3 ⇔ x = −ln 2, so a = d − ln2/8.5 is exactly on the boundary.
    const edge = new KssLearner(flat(0).map((_, k) => (k === 8 ? 4 - Math.LN2 / 8.5 + 1e-9 : 0)));
    expect(edge.answers(8)).toBe(true);
  });
});

describe("KSS learning", () => {
  it("increments a root by 0.5·(5 − a) (D = 1) and spreads halves down every path", () => {
    const learner = new KssLearner(flat(-2));
    expect(learner.learn(0)).toBe(true);
    expect(learner.abilities[0]).toBeCloseTo(1.5, 12); // g = 3.5
    expect(learner.abilities[1]).toBeCloseTo(-2 + 1.75, 12); // successor: g/2
    expect(learner.abilities[2]).toBeCloseTo(-2 + 1.75, 12);
    expect(learner.abilities[3]).toBeCloseTo(-2 + 0.875, 12); // 0→1→3: g/4
    // 4 is reached by 0→2→4 (g/4) and 0→1→3→4 (g/8): each path contributes.
    expect(learner.abilities[4]).toBeCloseTo(-2 + 0.875 + 0.4375, 12);
    // 8: 0→2→8 (g/4), 0→2→4→8 (g/8), 0→1→3→4→8 (g/16).
    expect(learner.abilities[8]).toBeCloseTo(-2 + 0.875 + 0.4375 + 0.21875, 12);
    expect(learner.abilities[5]).toBe(-2);
    expect(learner.abilities[6]).toBe(-2);
  });

  it("discounts by exp(Σ (5 − a_j)) over direct prerequisites", () => {
    const abilities = flat(-1);
    abilities[0] = 4; // D for concept 1 = e^(5 − 4) = e
    const learner = new KssLearner(abilities);
    learner.learn(1);
    expect(learner.abilities[1]).toBeCloseTo(-1 + (0.5 * 6) / Math.E, 12);
  });

  it("caps abilities at 5", () => {
    const abilities = flat(4.9);
    const learner = new KssLearner(abilities);
    for (let i = 0; i < 5; i++) learner.learn(0);
    expect(Math.max(...learner.abilities)).toBeLessThanOrEqual(5);
  });

  it("gates learning to the neighbourhood of the last effective concept", () => {
    const learner = new KssLearner(flat(-2));
    expect(learner.learn(2)).toBe(true); // the first concept is always effective
    // allowed from p = 2: {2} ∪ succ {4, 8} ∪ pred {0} ∪ pred(pred) {} ∪ succ(pred) {1, 2}
    const allowed = [0, 1, 2, 4, 8];
    for (let k = 0; k < 10; k++) expect(learner.isEffective(k)).toBe(allowed.includes(k));
    const before = [...learner.abilities];
    expect(learner.learn(6)).toBe(false); // ineffective: nothing changes, p stays 2
    expect(learner.abilities).toEqual(before);
    expect(learner.lastEffective).toBe(2);
    // from p = 4: pred(pred(4)) includes 0 and 1 (via 2 and 3), succ(pred(4)) includes 8 and 9 (via 2 and 5)
    learner.learn(4);
    for (const k of [4, 8, 2, 3, 5, 0, 1, 9]) expect(learner.isEffective(k)).toBe(true);
    for (const k of [6, 7]) expect(learner.isEffective(k)).toBe(false);
  });
});

describe("KSS episodes", () => {
  it("draws abilities U{−3,−2,−1} − 0.1·j and 1–9 distinct goals", () => {
    const rng = createRng(7);
    for (let i = 0; i < 200; i++) {
      const a = drawKssAbilities(rng);
      for (const [j, v] of a.entries()) {
        expect([-3, -2, -1].map((x) => x - 0.1 * j).some((x) => Math.abs(x - v) < 1e-12)).toBe(true);
      }
      const goals = drawKssGoals(rng);
      expect(goals.length).toBeGreaterThanOrEqual(1);
      expect(goals.length).toBeLessThanOrEqual(9);
      expect(new Set(goals).size).toBe(goals.length);
    }
  });

  it("warm-up repeats a correct concept until studied three times in a row, and studies topologically first", () => {
    const learner = new KssLearner(drawKssAbilities(createRng(3)));
    const history = runKssWarmup(learner, createRng(3));
    expect(history.length).toBeLessThanOrEqual(20);
    for (let t = 1; t < history.length; t++) {
      const prev = history[t - 1];
      const window = history.slice(Math.max(0, t - 3), t).map((o) => o.concept);
      const tripled = window.length === 3 && window.every((c) => c === window[0]);
      if (prev?.correct && !tripled) expect(history[t]?.concept).toBe(prev.concept);
    }
  });

  it("rejects learners who already answer every goal correctly, and is reproducible from the seed", () => {
    for (let seed = 0; seed < 300; seed++) {
      const episode = startKssEpisode(createRng(seed));
      expect(episode.goalsAnsweredCorrectly()).toBeLessThan(episode.goals.length);
      const again = startKssEpisode(createRng(seed));
      expect(again.goals).toEqual(episode.goals);
      expect(again.learner.abilities).toEqual(episode.learner.abilities);
    }
  });
});
