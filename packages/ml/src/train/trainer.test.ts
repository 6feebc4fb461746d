import { describe, expect, it } from "vitest";
import { getModel } from "../registry";
import "../models";
import { explainHeapExhaustion } from "./trainer";

describe("explainHeapExhaustion", () => {
  const batch = { size: 64, length: 200 };
  // The global exists in Node; this package's type settings do not declare it.
  const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } })
    .WebAssembly;

  it("names the batch shape and the remedy when the wasm heap runs out", () => {
    const raw = new RuntimeError("memory access out of bounds");
    const explained = explainHeapExhaustion(raw, batch, 2, 17) as Error;
    expect(explained.message).toContain("epoch 2, batch 17 (64 windows × 200 positions)");
    expect(explained.message).toContain("memory access out of bounds");
    expect(explained.message).toContain("Lower batchSize or maxLength");
    expect(explained.cause).toBe(raw);
  });

  it("recognises an allocation abort by its message", () => {
    const explained = explainHeapExhaustion(new Error("Aborted(OOM)"), batch, 1, 1) as Error;
    expect(explained.message).toContain("wasm heap ran out");
  });

  it("passes any other error through unchanged", () => {
    const other = new Error("Training diverged: loss NaN");
    expect(explainHeapExhaustion(other, batch, 1, 1)).toBe(other);
    const wordLike = new Error("zoom level out of range");
    expect(explainHeapExhaustion(wordLike, batch, 1, 1)).toBe(wordLike);
  });
});

describe("AKT training defaults", () => {
  it("trains on batches of 24 windows and evaluates on 48 (the wasm heap limit at length 200)", () => {
    const defaults = getModel("akt").defaults as { batchSize: number; evalBatchSize: number };
    expect(defaults.batchSize).toBe(24);
    expect(defaults.evalBatchSize).toBe(48);
    expect((getModel("sakt").defaults as { batchSize: number }).batchSize).toBe(64);
  });
});
