// Web Worker entry of the CPU engine: runs CpuTrainer off the page's thread (src/engine/cpuWorkerHost.ts),
// its training steps in the WebAssembly SIMD kernel (src/engine/wasm/browserKernel.ts: fetched
// once, on the worker's share of the cores when the page is cross-origin isolated; compiling it
// needs only CSP 'wasm-unsafe-eval'), or in the plain-TS reference if the kernel cannot load.
import type { FromWorker, ToWorker } from './workerTrainer';
import { browserMlpKernel, type ThreadScope } from './wasm/browserKernel';
import { cpuWorkerHandler } from './cpuWorkerHost';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = cpuWorkerHandler({
  post: (msg, transfer) => scope.postMessage(msg, transfer),
  loadKernel: (share) => browserMlpKernel(self as unknown as ThreadScope, undefined, share),
  where: 'Web Worker',
});
scope.onmessage = (ev) => handle(ev.data);
