import { initEngine } from "../../packages/ml/src/engine/backend";
import { dense } from "../../packages/ml/src/serving/math";

/**
 * The dense products a candidate pass is made of, for 1,000 candidate rows: plain typed-array loops
 * (serving/math.ts, float64 accumulation) against tfjs on the wasm backend (XNNPACK), including the copy
 * in and the `dataSync` out that a call from serving would pay.
 */
export interface MathComparison {
  readonly shape: string;
  readonly what: string;
  readonly typedArrayMs: number;
  readonly tfjsWasmMs: number;
}

const SHAPES = [
  { rows: 1000, inputs: 12, outputs: 64, what: "DNN hidden layer over 1,000 candidates" },
  { rows: 110, inputs: 64, outputs: 64, what: "one d×d projection per distinct skill (SAKT query side)" },
  {
    rows: 1000,
    inputs: 64,
    outputs: 64,
    what: "one d×d projection per distinct problem (AKT-R candidate side)",
  },
  {
    rows: 1000,
    inputs: 64,
    outputs: 200,
    what: "1,000 queries against 200 keys (attention scores, all heads)",
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function compareDenseMath(repeats = 30): Promise<MathComparison[]> {
  const tf = await initEngine();
  const results: MathComparison[] = [];
  for (const { rows, inputs, outputs, what } of SHAPES) {
    const x = Float32Array.from({ length: rows * inputs }, (_, i) => Math.sin(i));
    const w = Float32Array.from({ length: inputs * outputs }, (_, i) => Math.cos(i) / inputs);
    const b = new Float32Array(outputs);
    const out = new Float64Array(outputs);
    const wTensor = tf.tensor2d(w, [inputs, outputs]);
    const js: number[] = [];
    const wasm: number[] = [];
    for (let r = 0; r < repeats + 5; r++) {
      let start = performance.now();
      for (let i = 0; i < rows; i++) dense(x.subarray(i * inputs, (i + 1) * inputs), w, b, out);
      if (r >= 5) js.push(performance.now() - start);
      start = performance.now();
      const y = tf.tidy(() => tf.matMul(tf.tensor2d(x, [rows, inputs]), wTensor));
      y.dataSync();
      y.dispose();
      if (r >= 5) wasm.push(performance.now() - start);
    }
    wTensor.dispose();
    results.push({
      shape: `[${rows}×${inputs}]·[${inputs}×${outputs}]`,
      what,
      typedArrayMs: median(js),
      tfjsWasmMs: median(wasm),
    });
  }
  return results;
}
