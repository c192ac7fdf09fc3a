// The WebAssembly CPU engine in Node (CLI, bench, tests): reads the committed binaries and, with
// threads > 1, spreads each step's slices over worker threads on one shared memory
// (src/engine/wasm/threadKernel.ts). The slices and their reduction order are fixed by the batch
// size alone (src/engine/wasm/wasmMlp.ts), so every thread count gives the same numbers.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { provideMlpKernel, singleThreadKernel, type MlpKernel } from '../engine/wasm/mlpKernel';
import { threadedKernel, type HelperStart } from '../engine/wasm/threadKernel';
import { MAX_SLICES } from '../engine/wasm/wasmMlp';

const wasmFile = (name: string) => new URL(`../engine/wasm/${name}`, import.meta.url);

/** One helper: a worker thread (src/node/wasmThread.mjs) that never keeps the process alive. */
function spawnThread(start: HelperStart): Worker {
  const w = new Worker(new URL('./wasmThread.mjs', import.meta.url), { workerData: start });
  w.unref();
  w.on('error', (e) => console.error('flowvar wasm thread failed:', e));
  return w;
}

/** The Node kernel: one thread on mlp.wasm, or `threads` threads on mlpShared.wasm. */
export function nodeMlpKernel(threads = Math.min(availableParallelism(), MAX_SLICES)): MlpKernel {
  if (threads <= 1) return singleThreadKernel(new WebAssembly.Module(readFileSync(wasmFile('mlp.wasm'))));
  return threadedKernel(new WebAssembly.Module(readFileSync(wasmFile('mlpShared.wasm'))), threads, (start) => {
    const w = spawnThread(start);
    return { terminate: () => void w.terminate() };
  });
}

/** Makes every CpuTrainer built from now on in this process use the WebAssembly kernel. */
export function installNodeMlpKernel(threads?: number): MlpKernel {
  const kernel = nodeMlpKernel(threads);
  provideMlpKernel(kernel);
  return kernel;
}
