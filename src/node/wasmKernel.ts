// The WebAssembly CPU engine in Node (CLI, bench, tests): reads the committed binaries and, with
// threads > 1, spreads each step's slices over one pool of worker threads that serves every model
// the kernel makes (pooledKernel, src/engine/wasm/threadKernel.ts: an 8-σ sweep on 8 cores runs
// 7 helper threads, not 56). The slices and their reduction order are fixed by the batch size
// alone (src/engine/wasm/wasmMlp.ts), so every thread count gives the same numbers.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { provideMlpKernel, singleThreadKernel, type MlpKernel } from '../engine/wasm/mlpKernel';
import { pooledKernel, type PoolAttach } from '../engine/wasm/threadKernel';
import { MAX_SLICES } from '../engine/wasm/wasmMlp';

const wasmFile = (name: string) => new URL(`../engine/wasm/${name}`, import.meta.url);

/** One pool helper: a worker thread (src/node/wasmThread.mjs) that never keeps the process alive. */
function spawnThread(start: { module: WebAssembly.Module; control: SharedArrayBuffer }): { post(msg: PoolAttach): void; terminate(): void } {
  const w = new Worker(new URL('./wasmThread.mjs', import.meta.url), { workerData: start });
  w.unref();
  w.on('error', (e) => console.error('flowvar wasm thread failed:', e));
  return { post: (msg) => w.postMessage(msg), terminate: () => void w.terminate() };
}

/** The Node kernel: one thread on mlp.wasm, or `threads` threads on mlpShared.wasm. */
export function nodeMlpKernel(threads = Math.min(availableParallelism(), MAX_SLICES)): MlpKernel {
  if (threads <= 1) return singleThreadKernel(new WebAssembly.Module(readFileSync(wasmFile('mlp.wasm'))));
  return pooledKernel(new WebAssembly.Module(readFileSync(wasmFile('mlpShared.wasm'))), threads, spawnThread);
}

/** Makes every CpuTrainer built from now on in this process use the WebAssembly kernel. */
export function installNodeMlpKernel(threads?: number): MlpKernel {
  const kernel = nodeMlpKernel(threads);
  provideMlpKernel(kernel);
  return kernel;
}
