import { beforeAll, describe, expect, it } from "vitest";
import type { SavedModel } from "../contract";
import { initEngine, tf } from "./backend";
import { embeddingLookup } from "./embedding";
import { maxGradientError } from "./gradient-check";
import { decodeSavedModel, encodeSavedModel, MODEL_SCHEMA_VERSION } from "./model-file";
import { seededRandom } from "./random";

beforeAll(async () => {
  await initEngine();
});

function naiveMatMul(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): Float32Array {
  // Reference on the CPU in plain loops: out[i,j] = Σk A[i,k]·B[k,j] for each batch.
  const A = a.arraySync() as number[][][];
  const B = b.arraySync() as number[][][];
  const out: number[] = [];
  const batches = Math.max(A.length, B.length);
  for (let n = 0; n < batches; n++) {
    const x = A[Math.min(n, A.length - 1)] as number[][];
    const y = B[Math.min(n, B.length - 1)] as number[][];
    const at = (i: number, k: number) => (ta ? (x[k] as number[])[i] : (x[i] as number[])[k]) as number;
    const bt = (k: number, j: number) => (tb ? (y[j] as number[])[k] : (y[k] as number[])[j]) as number;
    const m = ta ? (x[0] as number[]).length : x.length;
    const inner = ta ? x.length : (x[0] as number[]).length;
    const cols = tb ? y.length : (y[0] as number[]).length;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let k = 0; k < inner; k++) s += at(i, k) * bt(k, j);
        out.push(s);
      }
  }
  return Float32Array.from(out);
}

describe("patched BatchMatMul", () => {
  const cases: [number[], number[], boolean, boolean][] = [
    [[1, 5, 3], [1, 3, 4], false, false],
    [[1, 3, 5], [1, 3, 4], true, false],
    [[1, 5, 3], [1, 4, 3], false, true],
    [[1, 3, 5], [1, 4, 3], true, true],
    [[4, 5, 3], [1, 3, 2], false, false],
    [[4, 3, 5], [4, 3, 2], true, false],
    [[4, 5, 3], [4, 2, 3], false, true],
  ];
  it.each(cases)("matches a plain-loop reference for %j x %j (tA=%s, tB=%s)", (sa, sb, ta, tb) => {
    tf.tidy(() => {
      const a = tf.randomNormal(sa, 0, 1, "float32", 1);
      const b = tf.randomNormal(sb, 0, 1, "float32", 2);
      const got = tf.matMul(a, b, ta, tb).dataSync();
      const want = naiveMatMul(a, b, ta, tb);
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i] as number, 4);
    });
  });

  it("matches the reference for a rank-4 operand against one shared matrix", () => {
    tf.tidy(() => {
      const a = tf.randomNormal([2, 3, 4, 5], 0, 1, "float32", 3);
      const b = tf.randomNormal([5, 6], 0, 1, "float32", 4);
      const got = tf.matMul(a, b);
      expect(got.shape).toEqual([2, 3, 4, 6]);
      const want = naiveMatMul(a.reshape([1, 24, 5]), b.reshape([1, 5, 6]), false, false);
      const values = got.dataSync();
      for (let i = 0; i < want.length; i++) expect(values[i]).toBeCloseTo(want[i] as number, 4);
    });
  });

  it("has gradients that agree with finite differences", () => {
    const a = tf.randomNormal([2, 3, 4], 0, 1, "float32", 5);
    const b = tf.randomNormal([2, 5, 4], 0, 1, "float32", 6);
    const f = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, false, true).square().sum() as tf.Scalar;
    expect(maxGradientError(f, [a, b])).toBeLessThan(1e-2);
    tf.dispose([a, b]);
  });
});

describe("embeddingLookup", () => {
  it("trains on wasm, where tf.gather's own gradient is missing", () => {
    const table = tf.variable(tf.randomNormal([6, 3], 0, 1, "float32", 7));
    const ids = tf.tensor2d(
      [
        [1, 2, 1],
        [5, 0, 1],
      ],
      [2, 3],
      "int32",
    );
    expect(() => tf.grad((t: tf.Tensor) => tf.gather(t, ids.reshape([-1])).sum())(table)).toThrow(
      /UnsortedSegmentSum/,
    );
    const grad = tf.grad((t: tf.Tensor) => embeddingLookup(t as tf.Tensor2D, ids).sum())(table);
    // Row 1 appears three times, rows 0, 2 and 5 once, rows 3 and 4 never.
    expect(Array.from(grad.sum(1).dataSync())).toEqual([3, 9, 3, 0, 0, 3]);
    tf.dispose([table, ids, grad]);
  });

  it("has gradients that agree with finite differences, repeated ids included", () => {
    const table = tf.randomNormal([5, 4], 0, 1, "float32", 8);
    const weights = tf.randomNormal([2, 3, 4], 0, 1, "float32", 9);
    const ids = tf.tensor2d(
      [
        [0, 3, 3],
        [4, 3, 1],
      ],
      [2, 3],
      "int32",
    );
    const f = (t: tf.Tensor) =>
      embeddingLookup(t as tf.Tensor2D, ids)
        .mul(weights)
        .tanh()
        .sum() as tf.Scalar;
    expect(maxGradientError(f, [table])).toBeLessThan(1e-2);
    tf.dispose([table, weights, ids]);
  });
});

describe("model files", () => {
  const random = seededRandom(1);
  const saved: SavedModel = {
    format: "pathwise-kt",
    schemaVersion: MODEL_SCHEMA_VERSION,
    model: "dkt",
    config: { hidden: 4 },
    dataShape: { numSkills: 3, numProblems: 0 },
    weights: { w: { shape: [2, 3], values: Float32Array.from({ length: 6 }, () => random() - 0.5) } },
  };

  it("round-trips every weight bit for bit", () => {
    const back = decodeSavedModel(encodeSavedModel(saved));
    expect(back.config).toEqual(saved.config);
    expect(Array.from(back.weights.w?.values ?? [])).toEqual(Array.from(saved.weights.w?.values ?? []));
  });

  it("refuses other schema versions, truncated weights and non-JSON with a message naming the problem", () => {
    const json = JSON.parse(encodeSavedModel(saved));
    expect(() => decodeSavedModel(JSON.stringify({ ...json, schemaVersion: 99 }))).toThrow(/version 99/);
    const truncated = {
      ...json,
      weights: { w: { shape: [2, 3], float32le: Buffer.alloc(8).toString("base64") } },
    };
    expect(() => decodeSavedModel(JSON.stringify(truncated))).toThrow(/"w" holds 8 bytes/);
    expect(() => decodeSavedModel("{oops", "m.json")).toThrow(/m.json is not valid JSON/);
    expect(() => decodeSavedModel(JSON.stringify({ ...json, format: "other" }))).toThrow(/format/);
  });
});

describe("patched Slice and Unpack", () => {
  it("match plain-array slicing for contiguous and strided cases", () => {
    tf.tidy(() => {
      const values = Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
      const x = tf.tensor3d(values, [2, 3, 4]);
      const at = (i: number, j: number, k: number) => i * 12 + j * 4 + k;
      expect(Array.from(x.slice([1, 0, 0], [1, 3, 4]).dataSync())).toEqual(values.slice(12));
      expect(Array.from(x.slice([0, 1, 2], [2, 2, 2]).dataSync())).toEqual([
        at(0, 1, 2),
        at(0, 1, 3),
        at(0, 2, 2),
        at(0, 2, 3),
        at(1, 1, 2),
        at(1, 1, 3),
        at(1, 2, 2),
        at(1, 2, 3),
      ]);
      const pieces = tf.unstack(x, 1);
      expect(pieces).toHaveLength(3);
      expect(pieces[1]?.shape).toEqual([2, 4]);
      expect(Array.from(pieces[1]?.dataSync() ?? [])).toEqual([4, 5, 6, 7, 16, 17, 18, 19]);
      const ints = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], "int32");
      expect(Array.from(ints.slice([1, 1], [2, 1]).dataSync())).toEqual([4, 6]);
    });
  });
});
