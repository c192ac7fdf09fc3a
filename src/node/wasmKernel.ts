// The WebAssembly CPU engine in Node (CLI, bench, tests): reads the committed binaries and, with
// threads > 1, spreads each step's slices over worker threads on one shared memory. The slices and
// their reduction order are fixed by the batch size alone (src/engine/wasm/wasmMlp.ts), so every
// thread count gives the same numbers; which thread takes which slice does not matter.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mlpMemoryBytes, type MlpExports, type SliceJob, type SliceRunner } from '../engine/wasm/wasmMlp';
import { provideMlpKernel, singleThreadKernel, type MlpKernel } from '../engine/wasm/mlpKernel';

const wasmFile = (name: string) => new URL(`../engine/wasm/${name}`, import.meta.url);
const PAGE = 65536, MAX_PAGES = 65536; // --maximumMemory of mlpShared.wasm (scripts/buildWasm.mjs)

/**
 * Control words (Int32) shared with src/node/wasmThread.mjs:
 * CLAIM = job (8 bits) << 24 | slice count << 12 | next slice, or -1 to stop;
 * DONE = slices finished; KIND (0 train, 1 dot), PLAN, SCRATCH, STRIDE, GT: the job's arguments.
 */
const [CLAIM, DONE, KIND, PLAN, SCRATCH, STRIDE, GT] = [0, 1, 2, 3, 4, 5, 6];
const STOP = -1;

class ThreadRunner implements SliceRunner {
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(8 * 4));
  private readonly workers: Worker[];
  private job = 0;

  constructor(module: WebAssembly.Module, memory: WebAssembly.Memory, private readonly exports: MlpExports, readonly threads: number) {
    this.workers = Array.from({ length: threads - 1 }, () => {
      const w = new Worker(new URL('./wasmThread.mjs', import.meta.url), { workerData: { module, memory, control: this.ctrl.buffer } });
      w.unref();
      w.on('error', (e) => console.error('flowvar wasm thread failed:', e));
      return w;
    });
  }

  run(job: SliceJob): void {
    const c = this.ctrl;
    c[KIND] = job.kind === 'train' ? 0 : 1;
    c[PLAN] = job.plan;
    if (job.kind === 'dot') { c[SCRATCH] = job.scratch; c[STRIDE] = job.scratchStride; c[GT] = job.gt; }
    Atomics.store(c, DONE, 0);
    this.job = (this.job + 1) & 0x7f;
    const first = (this.job << 24) | (job.slices << 12);
    Atomics.store(c, CLAIM, first);
    Atomics.notify(c, CLAIM);
    // this thread claims slices too: if no worker is up yet, it simply does them all
    for (;;) {
      const word = Atomics.load(c, CLAIM);
      const index = word & 0xfff;
      if (index >= job.slices) break;
      if (Atomics.compareExchange(c, CLAIM, word, word + 1) !== word) continue;
      if (job.kind === 'train') this.exports.trainSlice(job.plan, index);
      else this.exports.dotSlice(job.plan, index, job.scratch + index * job.scratchStride, job.gt);
      Atomics.add(c, DONE, 1);
    }
    for (let done = Atomics.load(c, DONE); done < job.slices; done = Atomics.load(c, DONE)) Atomics.wait(c, DONE, done);
  }

  dispose(): void {
    Atomics.store(this.ctrl, CLAIM, STOP);
    Atomics.notify(this.ctrl, CLAIM);
    for (const w of this.workers) void w.terminate();
  }
}

/** The Node kernel: one thread on mlp.wasm, or `threads` threads on mlpShared.wasm. */
export function nodeMlpKernel(threads = Math.min(availableParallelism(), 8)): MlpKernel {
  if (threads <= 1) return singleThreadKernel(new WebAssembly.Module(readFileSync(wasmFile('mlp.wasm'))));
  const module = new WebAssembly.Module(readFileSync(wasmFile('mlpShared.wasm')));
  return {
    label: `WebAssembly SIMD, ${threads} threads`,
    create(shape, batch) {
      const initial = Math.ceil(mlpMemoryBytes(shape, batch) / PAGE);
      const memory = new WebAssembly.Memory({ initial, maximum: MAX_PAGES, shared: true });
      const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as MlpExports;
      return { exports, memory, runner: new ThreadRunner(module, memory, exports, threads) };
    },
  };
}

/** Makes every CpuTrainer built from now on in this process use the WebAssembly kernel. */
export function installNodeMlpKernel(threads?: number): MlpKernel {
  const kernel = nodeMlpKernel(threads);
  provideMlpKernel(kernel);
  return kernel;
}
