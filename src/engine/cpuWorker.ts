// Web Worker entry of the CPU engine: runs CpuTrainer off the page's thread, its training steps
// in the WebAssembly SIMD kernel (src/engine/wasm/mlp.wasm, fetched once; compiling it needs only
// CSP 'wasm-unsafe-eval'), or in the plain-TS reference if the kernel cannot load. Speaks the
// protocol of src/engine/workerTrainer.ts; failures become 'error' replies.
import { CpuTrainer } from './cpuTrainer';
import type { FromWorker, ToWorker } from './workerTrainer';
import { singleThreadKernel, type MlpKernel } from './wasm/mlpKernel';
import mlpWasmUrl from './wasm/mlp.wasm?url';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let trainer: CpuTrainer | null = null;
/** The kernel, or why there is none (said in the device name). */
let kernel: Promise<MlpKernel | string> | null = null;

async function fetchKernel(): Promise<MlpKernel | string> {
  try {
    const res = await fetch(mlpWasmUrl);
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${mlpWasmUrl}`);
    // compile from bytes, not compileStreaming: static hosts often serve .wasm with the wrong MIME type
    return singleThreadKernel(await WebAssembly.compile(await res.arrayBuffer()));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    console.warn('flowvar CPU worker: WebAssembly kernel unavailable, using the JavaScript reference:', reason);
    return reason;
  }
}

function need(): CpuTrainer {
  if (!trainer) throw new Error('CPU worker: no trainer yet (init first)');
  return trainer;
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init': {
      const k = await (kernel ??= fetchKernel());
      trainer?.dispose();
      trainer = new CpuTrainer(msg.config, typeof k === 'string' ? null : k);
      const name = typeof k === 'string' ? `CPU (JavaScript, Web Worker; no WebAssembly: ${k})` : `CPU (${k.label}, Web Worker)`;
      scope.postMessage({ type: 'ready', deviceName: name });
      return;
    }
    case 'step':
      scope.postMessage({ type: 'snapshot', id: msg.id, snapshot: need().stepSync(msg.n) });
      return;
    case 'setLive':
      need().setLive(msg.settings);
      return;
    case 'evaluate': {
      const evaluation = need().evaluateSync();
      scope.postMessage({ type: 'evaluation', id: msg.id, evaluation },
        [evaluation.trainPaths.path.buffer, evaluation.freshPaths.path.buffer]);
      return;
    }
    case 'integrate': {
      const trajectories = need().integrateSync(msg.req);
      scope.postMessage({ type: 'trajectories', id: msg.id, trajectories }, [trajectories.path.buffer]);
      return;
    }
    case 'setPairs':
      need().setPairs(msg.pairs);
      return;
    case 'weights': {
      const theta = need().weightsSync();
      scope.postMessage({ type: 'weights', id: msg.id, theta }, [theta.buffer]);
      return;
    }
    case 'setWeights':
      need().setWeights(msg.theta, msg.step);
      return;
    case 'reset':
      need().reset();
      return;
    default: {
      const unknown: never = msg;
      console.warn('flowvar CPU worker: unknown message', unknown);
    }
  }
}

/** Messages run one after another: a step sent while 'init' awaits the kernel waits its turn. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (ev) => {
  const msg = ev.data;
  queue = queue.then(() => handle(msg)).catch((err: unknown) => {
    const id = 'id' in msg ? msg.id : null;
    scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  });
};
