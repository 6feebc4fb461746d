import { initEngine } from "../../packages/ml/src/engine/backend";

/**
 * Where one `predict` call's time goes, by tfjs-wasm kernel: `tf.profile` times every kernel a call
 * runs (synchronously on the wasm backend). The rest of the call's wall-clock time is JavaScript:
 * validation, typed-array loops (e.g. AKT's decay exponents), copies into and out of the wasm heap.
 * Profiling adds its own overhead, so the kernel times are an upper bound and the split, not the total,
 * is what this measures.
 */
export interface KernelShare {
  readonly kernel: string;
  /** Milliseconds per call, mean over the profiled calls. */
  readonly ms: number;
  readonly callsPerPredict: number;
}

export interface KernelProfile {
  readonly calls: number;
  /** Mean wall-clock milliseconds of a profiled call. */
  readonly wallMs: number;
  readonly kernelMs: number;
  readonly kernels: KernelShare[];
}

export async function profileKernels(run: () => void, calls = 10): Promise<KernelProfile> {
  const tf = await initEngine();
  const byName = new Map<string, { ms: number; count: number }>();
  let wall = 0;
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    const info = await tf.profile(() => {
      run();
      return tf.scalar(0);
    });
    wall += performance.now() - start;
    for (const k of info.kernels) {
      const entry = byName.get(k.name) ?? { ms: 0, count: 0 };
      entry.ms += Number(k.kernelTimeMs);
      entry.count++;
      byName.set(k.name, entry);
    }
  }
  const kernels = [...byName]
    .map(([kernel, { ms, count }]) => ({ kernel, ms: ms / calls, callsPerPredict: count / calls }))
    .sort((a, b) => b.ms - a.ms);
  return {
    calls,
    wallMs: wall / calls,
    kernelMs: kernels.reduce((sum, k) => sum + k.ms, 0),
    kernels,
  };
}
