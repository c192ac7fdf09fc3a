// Web Worker entry of the CPU engine: runs CpuTrainer off the page's thread, its training steps
// in the WebAssembly SIMD kernel (src/engine/wasm/browserKernel.ts: fetched once, on every core
// when the page is cross-origin isolated; compiling it needs only CSP 'wasm-unsafe-eval'), or in
// the plain-TS reference if the kernel cannot load. Speaks the protocol of
// src/engine/workerTrainer.ts; failures become 'error' replies.
import { CpuTrainer } from './cpuTrainer';
import { replyTransfers, type FromWorker, type ToWorker } from './workerTrainer';
import type { RunConfig } from './runConfig';
import type { MlpKernel } from './wasm/mlpKernel';
import { browserMlpKernel, type ThreadScope } from './wasm/browserKernel';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let trainer: CpuTrainer | null = null;
/** The kernel, or why there is none (said in the device name). */
let kernel: Promise<MlpKernel | string> | null = null;

async function fetchKernel(share: number): Promise<MlpKernel | string> {
  try {
    return await browserMlpKernel(self as unknown as ThreadScope, undefined, share);
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

/** Posts a reply, moving the buffers it owns (replyTransfers). */
function reply(msg: FromWorker): void {
  scope.postMessage(msg, replyTransfers(msg));
}

/** `share`: CPU workers training at once, each on its part of the cores (fixed by the first init). */
async function init(config: RunConfig, share: number): Promise<void> {
  const k = await (kernel ??= fetchKernel(share));
  trainer?.dispose();
  trainer = new CpuTrainer(config, typeof k === 'string' ? null : k);
  const name = typeof k === 'string' ? `CPU (JavaScript, Web Worker; no WebAssembly: ${k})` : `CPU (${k.label}, Web Worker)`;
  reply({ type: 'ready', deviceName: name });
}

/** One handler per message type (the mapped type makes the table exhaustive). */
const HANDLERS: { [K in ToWorker['type']]: (msg: Extract<ToWorker, { type: K }>) => void | Promise<void> } = {
  init: (m) => init(m.config, m.coreShare ?? 1),
  step: (m) => reply({ type: 'snapshot', id: m.id, snapshot: need().stepSync(m.n) }),
  setLive: (m) => need().setLive(m.settings),
  evaluate: (m) => reply({ type: 'evaluation', id: m.id, evaluation: need().evaluateSync() }),
  integrate: (m) => reply({ type: 'trajectories', id: m.id, trajectories: need().integrateSync(m.req) }),
  setPairs: (m) => need().setPairs(m.pairs),
  weights: (m) => reply({ type: 'weights', id: m.id, theta: need().weightsSync() }),
  trainState: (m) => reply({ type: 'trainState', id: m.id, state: need().trainStateSync() }),
  setWeights: (m) => need().setWeights(m.state),
  reset: () => need().reset(),
};

async function handle(msg: ToWorker): Promise<void> {
  const run = HANDLERS[msg.type] as ((m: ToWorker) => void | Promise<void>) | undefined;
  if (!run) console.warn('flowvar CPU worker: unknown message', msg);
  else await run(msg);
}

/** Messages run one after another: a step sent while 'init' awaits the kernel waits its turn. */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (ev) => {
  const msg = ev.data;
  queue = queue.then(() => handle(msg)).catch((err: unknown) => {
    const id = 'id' in msg ? msg.id : null;
    reply({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  });
};
