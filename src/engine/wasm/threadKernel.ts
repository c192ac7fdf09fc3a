// The multi-thread WebAssembly kernel, whatever starts the threads: mlpShared.wasm instantiated on
// one shared memory per model, its step slices spread over `threads` threads (the caller and
// threads − 1 helpers) through the control block of sliceThreads.mjs. Node passes worker threads
// (src/node/wasmKernel.ts), the browser's CPU worker nested workers (src/engine/wasm/browserKernel.ts).
import { mlpMemoryBytes, type MlpExports, type SliceJob, type SliceRunner } from './wasmMlp';
import type { MlpKernel } from './mlpKernel';
import type { MlpShape } from '../../math/mlp';
import { CONTROL_BYTES, runJob, stopHelpers } from './sliceThreads.mjs';

/** What a helper thread gets: it instantiates `module` on `memory` and runs helperLoop on `control`. */
export interface HelperStart {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
}

/** Starts one helper thread; the handle ends it. */
export type SpawnHelper = (start: HelperStart) => { terminate(): void };

const PAGE = 65536;
/** --maximumMemory of mlpShared.wasm (scripts/buildWasm.mjs): a shared memory declares its maximum. */
const MAX_PAGES = 65536;

class ThreadRunner implements SliceRunner {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CONTROL_BYTES));
  private readonly helpers: { terminate(): void }[];
  private job = 0;

  constructor(start: Omit<HelperStart, 'control'>, private readonly exports: MlpExports, readonly threads: number, spawn: SpawnHelper) {
    const control = this.ctrl.buffer as SharedArrayBuffer;
    this.helpers = Array.from({ length: threads - 1 }, () => spawn({ ...start, control }));
  }

  run(job: SliceJob): void {
    this.job = (this.job + 1) & 0x7f;
    runJob(this.ctrl, this.exports, job, this.job);
  }

  dispose(): void {
    stopHelpers(this.ctrl);
    for (const h of this.helpers) h.terminate();
  }
}

/** mlpShared.wasm instantiated on a new shared memory sized for one model and batch. */
function sharedInstance(module: WebAssembly.Module, shape: MlpShape, batch: number): { memory: WebAssembly.Memory; exports: MlpExports } {
  const initial = Math.ceil(mlpMemoryBytes(shape, batch) / PAGE);
  const memory = new WebAssembly.Memory({ initial, maximum: MAX_PAGES, shared: true });
  return { memory, exports: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as MlpExports };
}

/** What a pool's helper gets at start; each model then arrives as a PoolAttach message. */
export interface PoolStart {
  module: WebAssembly.Module;
  control: SharedArrayBuffer;
}

/** A model joining (its memory) or leaving (memory null) a pool's helpers. */
export interface PoolAttach {
  model: number;
  memory: WebAssembly.Memory | null;
}

/** Starts one pool helper; the handle sends it models and ends it. */
export type SpawnPoolHelper = (start: PoolStart) => { post(msg: PoolAttach): void; terminate(): void };

/**
 * One set of threads − 1 helpers serving every model this kernel makes (Node: a σ sweep of 8
 * models on 8 cores starts 7 helper threads, not 8 × 7). The models take turns (a Node process
 * steps its CpuTrainers one after another), so one control block carries one job at a time, its
 * MODEL word naming whose instance runs it. Same slices, same reduction order: the same numbers.
 */
export function pooledKernel(module: WebAssembly.Module, threads: number, spawn: SpawnPoolHelper): MlpKernel {
  const ctrl = new Int32Array(new SharedArrayBuffer(CONTROL_BYTES));
  let helpers: ReturnType<SpawnPoolHelper>[] | null = null;
  let models = 0;
  let job = 0;
  return {
    label: `WebAssembly SIMD, ${threads} threads`,
    create(shape, batch) {
      const { memory, exports } = sharedInstance(module, shape, batch);
      // the helpers start with the first model (a kernel that makes none starts no thread)
      helpers ??= Array.from({ length: threads - 1 }, () => spawn({ module, control: ctrl.buffer as SharedArrayBuffer }));
      const model = ++models;
      for (const h of helpers) h.post({ model, memory });
      const runner: SliceRunner = {
        threads,
        run: (j) => { job = (job + 1) & 0x7f; runJob(ctrl, exports, j, job, model); },
        dispose: () => { for (const h of helpers ?? []) h.post({ model, memory: null }); },
      };
      return { exports, memory, runner };
    },
  };
}

/** `threads` threads (≥ 2) on mlpShared.wasm; every thread count gives the same numbers. */
export function threadedKernel(module: WebAssembly.Module, threads: number, spawn: SpawnHelper): MlpKernel {
  return {
    label: `WebAssembly SIMD, ${threads} threads`,
    create(shape, batch) {
      const { memory, exports } = sharedInstance(module, shape, batch);
      return { exports, memory, runner: new ThreadRunner({ module, memory }, exports, threads, spawn) };
    },
  };
}
