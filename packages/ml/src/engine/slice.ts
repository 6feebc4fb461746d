import * as tf from "@tensorflow/tfjs";

/**
 * tfjs-backend-wasm 4.22's Slice reads its input with `readSync`, which copies the WHOLE input out of
 * the wasm heap for every slice; Unpack (tf.unstack) calls it once per output, so unstacking a
 * [T, B, 4H] LSTM projection copied it T times (71% of a DKT step, docs/benchmarks/kt-speed.md).
 * These kernels read through a view of the heap instead. Same results (tested in engine.test.ts).
 */
interface WasmBackendLike extends tf.KernelBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = (out[i + 1] as number) * (shape[i + 1] as number);
  return out;
}

function sliceInto(
  x: tf.TensorInfo,
  begin: readonly number[],
  size: readonly number[],
  backend: WasmBackendLike,
): tf.TensorInfo {
  const out = backend.makeOutput([...size], x.dtype);
  // Views are taken after makeOutput: allocating may grow (and so replace) the heap buffer.
  const source = backend.typedArrayFromHeap(x);
  const target = backend.typedArrayFromHeap(out);
  const rank = x.shape.length;
  const xStrides = strides(x.shape);
  const inner = size[rank - 1] as number;
  const total = size.reduce((p, d) => p * d, 1);
  if (total === 0) return out;
  // Walk every output row (all axes but the last) with an odometer; copy each row as one block.
  const index = new Array<number>(Math.max(rank - 1, 0)).fill(0);
  let offset = 0;
  for (let written = 0; written < total; written += inner) {
    let start = begin[rank - 1] as number;
    for (let a = 0; a < rank - 1; a++)
      start += ((begin[a] as number) + (index[a] as number)) * (xStrides[a] as number);
    target.set(source.subarray(start, start + inner), offset);
    offset += inner;
    for (let a = rank - 2; a >= 0; a--) {
      index[a] = (index[a] as number) + 1;
      if ((index[a] as number) < (size[a] as number)) break;
      index[a] = 0;
    }
  }
  return out;
}

function normalise(
  x: tf.TensorInfo,
  begin: number | number[],
  size?: number | number[],
): [number[], number[]] {
  const rank = x.shape.length;
  const b = typeof begin === "number" ? [begin, ...new Array(rank - 1).fill(0)] : [...begin];
  while (b.length < rank) b.push(0);
  const s =
    size === undefined
      ? new Array(rank).fill(-1)
      : typeof size === "number"
        ? [size, ...new Array(rank - 1).fill(-1)]
        : [...size];
  while (s.length < rank) s.push(-1);
  return [b, s.map((d, i) => (d === -1 ? (x.shape[i] as number) - (b[i] as number) : d))];
}

export function registerFastSlice(): void {
  for (const name of ["Slice", "Unpack"]) if (tf.getKernel(name, "wasm")) tf.unregisterKernel(name, "wasm");
  tf.registerKernel({
    kernelName: "Slice",
    backendName: "wasm",
    kernelFunc: function fastSlice({ inputs, backend, attrs }) {
      const x = inputs.x as tf.TensorInfo;
      const { begin, size } = attrs as unknown as { begin: number | number[]; size?: number | number[] };
      const [b, s] = normalise(x, begin, size);
      return sliceInto(x, b, s, backend as WasmBackendLike);
    },
  });
  tf.registerKernel({
    kernelName: "Unpack",
    backendName: "wasm",
    kernelFunc: function fastUnpack({ inputs, backend, attrs }) {
      const value = inputs.value as tf.TensorInfo;
      const rank = value.shape.length;
      let axis = (attrs as unknown as { axis: number }).axis;
      if (axis < 0) axis += rank;
      const outShape = value.shape.filter((_, i) => i !== axis);
      const size = [...value.shape];
      size[axis] = 1;
      const outs: tf.TensorInfo[] = [];
      for (let i = 0; i < (value.shape[axis] as number); i++) {
        const begin = new Array<number>(rank).fill(0);
        begin[axis] = i;
        const piece = sliceInto(value, begin, size, backend as WasmBackendLike);
        outs.push({ dataId: piece.dataId, dtype: piece.dtype, shape: outShape });
      }
      return outs;
    },
  });
}
