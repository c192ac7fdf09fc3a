// A Node worker thread standing in for the page's CPU Web Worker (bench/sweepBench.ts): the same
// protocol handler (src/engine/cpuWorkerHost.ts) on the Node WebAssembly kernel, with the threads
// of its share of the cores, as browserThreads gives each page worker.
import { parentPort } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { cpuWorkerHandler } from '../src/engine/cpuWorkerHost';
import { nodeMlpKernel } from '../src/node/wasmKernel';
import { MAX_SLICES } from '../src/engine/wasm/wasmMlp';
import type { ToWorker } from '../src/engine/workerTrainer';

const port = parentPort!;
const handle = cpuWorkerHandler({
  post: (msg, transfer) => port.postMessage(msg, transfer),
  loadKernel: async (share) => nodeMlpKernel(Math.max(1, Math.floor(Math.min(availableParallelism(), MAX_SLICES) / Math.max(1, share)))),
  where: 'Node worker thread',
});
port.on('message', (msg: ToWorker) => handle(msg));
