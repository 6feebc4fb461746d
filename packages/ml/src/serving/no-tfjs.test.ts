import { expect, it } from "vitest";
import type { SavedModel } from "../contract";
import { createPredictor } from "./index";

/**
 * The server imports serving for every course; tfjs (and its wasm start-up) must load only when an
 * attention model is served. tfjs-core registers its engine as `globalThis._tfengine` when loaded.
 * Vitest runs each test file in its own worker, so nothing else in this file loads tfjs first.
 */
const loaded = () => "_tfengine" in globalThis;

function savedBkt(): SavedModel {
  const values = Float32Array.from([0, 0.4]);
  const weights = Object.fromEntries(
    ["prior", "learn", "guess", "slip"].map((n) => [n, { shape: [2], values }]),
  );
  return {
    format: "pathwise-kt",
    schemaVersion: 1,
    model: "bkt",
    config: {},
    dataShape: { numSkills: 1, numProblems: 0 },
    weights,
  };
}

it("serves a baseline without loading tfjs", async () => {
  expect(loaded()).toBe(false);
  const predictor = await createPredictor(savedBkt());
  const state = predictor.observe(predictor.initialState(), [{ skill: 1, problem: 0, correct: true }]);
  expect(predictor.predict(state, [{ skills: [1], problem: 0 }])[0]).toBeGreaterThan(0.4);
  expect(loaded()).toBe(false);
});
