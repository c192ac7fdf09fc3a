// Which WebAssembly kernel the CPU engine uses: the runtime that can load one provides it (the
// browser worker fetches mlp.wasm, Node reads it: src/node/wasmKernel.ts); without one CpuTrainer
// runs the plain-TS reference of src/math/.
import { mlpMemoryBytes, type MlpExports, type MlpInstance } from './wasmMlp';
import type { MlpShape } from '../../math/mlp';

/** Makes a kernel instance with memory for one model and batch size. */
export interface MlpKernel {
  /** e.g. "WebAssembly SIMD, 2 threads" */
  readonly label: string;
  create(shape: MlpShape, batch: number): MlpInstance;
}

let provided: MlpKernel | null = null;

/** Sets (or clears, with null) the kernel every CpuTrainer built afterwards uses. */
export function provideMlpKernel(kernel: MlpKernel | null): void {
  provided = kernel;
}

export function currentMlpKernel(): MlpKernel | null {
  return provided;
}

const PAGE = 65536;

/** One thread on its own memory (mlp.wasm): the browser worker and `threads: 1`. */
export function singleThreadKernel(module: WebAssembly.Module): MlpKernel {
  return {
    label: 'WebAssembly SIMD, 1 thread',
    create(shape, batch) {
      const memory = new WebAssembly.Memory({ initial: Math.ceil(mlpMemoryBytes(shape, batch) / PAGE) });
      const instance = new WebAssembly.Instance(module, { env: { memory } });
      return { exports: instance.exports as unknown as MlpExports, memory, runner: null };
    },
  };
}
