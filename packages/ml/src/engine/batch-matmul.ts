import * as tf from "@tensorflow/tfjs";

/**
 * The wasm backend's BatchMatMul runs its fast (XNNPACK) path only when A is not transposed and B has a
 * single batch; everything else falls to a naive loop at 1–3 GFLOP/s. Backpropagation through a matmul
 * asks for exactly those transposed forms (dW = Xᵀ·dY, dX = dY·Wᵀ). This kernel transposes A (or B) once
 * with the fast Transpose kernel, folds a shared-B batch into rows, and hands the result to the original
 * kernel in its fast layout. Results are identical up to float rounding (tested in batch-matmul.test.ts).
 */
type KernelFunc = tf.KernelConfig["kernelFunc"];
type TensorInfo = tf.TensorInfo;

let original: KernelFunc | undefined;

/**
 * Both operands batched (attention's Q·Kᵀ and A·V): the wasm kernel has no fast path for this, so each
 * batch entry runs as its own fast 2-D product and the results are concatenated. Measured on SAKT:
 * the naive batched loop ran at about 2 GFLOP/s and took two thirds of a training step.
 */
function perBatchMatMul(
  a: TensorInfo,
  b: TensorInfo,
  batch: number,
  base: KernelFunc,
  backend: unknown,
): TensorInfo {
  const slice = tf.getKernel("Slice", "wasm") as tf.KernelConfig;
  const reshape = tf.getKernel("Reshape", "wasm") as tf.KernelConfig;
  const concat = tf.getKernel("Concat", "wasm") as tf.KernelConfig;
  const kernelBackend = backend as tf.KernelBackend;
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape[b.shape.length - 1] as number;
  const a3 = reshape.kernelFunc({
    inputs: { x: a },
    backend: kernelBackend,
    attrs: { shape: [batch, m, k] },
  }) as TensorInfo;
  const b3 = reshape.kernelFunc({
    inputs: { x: b },
    backend: kernelBackend,
    attrs: { shape: [batch, k, n] },
  }) as TensorInfo;
  const parts: TensorInfo[] = [];
  for (let i = 0; i < batch; i++) {
    const ai = slice.kernelFunc({
      inputs: { x: a3 },
      backend: kernelBackend,
      attrs: { begin: [i, 0, 0], size: [1, m, k] },
    }) as TensorInfo;
    const bi = slice.kernelFunc({
      inputs: { x: b3 },
      backend: kernelBackend,
      attrs: { begin: [i, 0, 0], size: [1, k, n] },
    }) as TensorInfo;
    parts.push(
      base({
        inputs: { a: ai, b: bi },
        backend: kernelBackend,
        attrs: { transposeA: false, transposeB: false },
      }) as TensorInfo,
    );
    kernelBackend.disposeData(ai.dataId);
    kernelBackend.disposeData(bi.dataId);
  }
  const joined = concat.kernelFunc({
    inputs: parts as unknown as tf.NamedTensorInfoMap,
    backend: kernelBackend,
    attrs: { axis: 0 },
  }) as TensorInfo;
  for (const t of [a3, b3, ...parts]) kernelBackend.disposeData(t.dataId);
  const out = reshape.kernelFunc({
    inputs: { x: joined },
    backend: kernelBackend,
    attrs: { shape: [...a.shape.slice(0, -2), m, n] },
  }) as TensorInfo;
  kernelBackend.disposeData(joined.dataId);
  return out;
}

export function registerFastBatchMatMul(): void {
  if (original) return;
  const config = tf.getKernel("BatchMatMul", "wasm");
  if (!config) throw new Error("The wasm backend has no BatchMatMul kernel to patch");
  original = config.kernelFunc;
  const base = original;
  tf.unregisterKernel("BatchMatMul", "wasm");
  tf.registerKernel({
    kernelName: "BatchMatMul",
    backendName: "wasm",
    kernelFunc: function fastBatchMatMul(args) {
      const { inputs, backend, attrs } = args;
      const a = inputs.a as TensorInfo;
      const b = inputs.b as TensorInfo;
      const transposeA = Boolean((attrs as { transposeA?: boolean }).transposeA);
      const transposeB = Boolean((attrs as { transposeB?: boolean }).transposeB);
      const transposeKernel = tf.getKernel("Transpose", "wasm");
      const reshapeKernel = tf.getKernel("Reshape", "wasm");
      if (!transposeKernel || !reshapeKernel) return base(args);
      const temporaries: TensorInfo[] = [];
      const swapLast = (x: TensorInfo): TensorInfo => {
        const rank = x.shape.length;
        const perm = [...Array(rank).keys()];
        perm[rank - 1] = rank - 2;
        perm[rank - 2] = rank - 1;
        const out = transposeKernel.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as TensorInfo;
        temporaries.push(out);
        return out;
      };
      const reshape = (x: TensorInfo, shape: number[]): TensorInfo => {
        const out = reshapeKernel.kernelFunc({ inputs: { x }, backend, attrs: { shape } }) as TensorInfo;
        temporaries.push(out);
        return out;
      };
      let left = transposeA ? swapLast(a) : a;
      const right = transposeB ? swapLast(b) : b;
      const rankL = left.shape.length;
      const bBatch = right.shape.slice(0, -2).reduce((p, d) => p * d, 1);
      // A batched left operand against a single right matrix is one plain matmul over all rows.
      let outShape: number[] | undefined;
      if (bBatch === 1 && rankL > 2) {
        const m = left.shape[rankL - 2] as number;
        const k = left.shape[rankL - 1] as number;
        const n = right.shape[right.shape.length - 1] as number;
        outShape = [...left.shape.slice(0, -2), m, n];
        left = reshape(left, [1, left.shape.slice(0, -1).reduce((p, d) => p * d, 1), k]);
      }
      const aBatch = left.shape.slice(0, -2).reduce((p, d) => p * d, 1);
      if (aBatch > 1 && bBatch > 1) {
        const result = perBatchMatMul(left, right, aBatch, base, backend);
        for (const t of temporaries) (backend as tf.KernelBackend).disposeData(t.dataId);
        return result;
      }
      let result = base({
        inputs: { a: left, b: right },
        backend,
        attrs: { transposeA: false, transposeB: false },
      }) as TensorInfo;
      if (outShape) {
        const reshaped = reshapeKernel.kernelFunc({
          inputs: { x: result },
          backend,
          attrs: { shape: outShape },
        });
        temporaries.push(result);
        result = reshaped as TensorInfo;
      }
      for (const t of temporaries) (backend as tf.KernelBackend).disposeData(t.dataId);
      return result;
    },
  });
}
