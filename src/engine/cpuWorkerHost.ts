// The CPU worker's side of the protocol of src/engine/workerTrainer.ts, whatever hosts it: the
// page's Web Worker (src/engine/cpuWorker.ts, the kernel fetched by the browser) or a Node worker
// thread (bench/sweepThread.ts, the kernel read from disk). Runs one CpuTrainer on the kernel the
// host loads for its share of the cores, or on the plain-TS reference if none loads; messages run
// one after another and failures become 'error' replies.
import { CpuTrainer } from './cpuTrainer';
import { replyTransfers, type FromWorker, type ToWorker } from './workerTrainer';
import type { RunConfig } from './runConfig';
import type { MlpKernel } from './wasm/mlpKernel';

export interface CpuWorkerHost {
  /** posts a reply; `transfer`: the buffers it moves */
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  /** the kernel for `share` CPU workers training at once (each on its part of the cores) */
  loadKernel(share: number): Promise<MlpKernel>;
  /** where it runs, for the device name: "Web Worker", "Node worker thread" */
  where: string;
}

/** The message handler of one CPU worker. */
export function cpuWorkerHandler(host: CpuWorkerHost): (msg: ToWorker) => void {
  let trainer: CpuTrainer | null = null;
  /** The kernel, or why there is none (said in the device name). */
  let kernel: Promise<MlpKernel | string> | null = null;
  const loadKernel = async (share: number): Promise<MlpKernel | string> => {
    try {
      return await host.loadKernel(share);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      console.warn('flowvar CPU worker: WebAssembly kernel unavailable, using the JavaScript reference:', reason);
      return reason;
    }
  };
  const need = (): CpuTrainer => {
    if (!trainer) throw new Error('CPU worker: no trainer yet (init first)');
    return trainer;
  };
  /** Posts a reply, moving the buffers it owns (replyTransfers). */
  const reply = (msg: FromWorker) => host.post(msg, replyTransfers(msg));
  /** `share`: CPU workers training at once, each on its part of the cores (fixed by the first init). */
  const init = async (config: RunConfig, share: number): Promise<void> => {
    const k = await (kernel ??= loadKernel(share));
    trainer?.dispose();
    trainer = new CpuTrainer(config, typeof k === 'string' ? null : k);
    const name = typeof k === 'string' ? `CPU (JavaScript, ${host.where}; no WebAssembly: ${k})` : `CPU (${k.label}, ${host.where})`;
    reply({ type: 'ready', deviceName: name });
  };
  /** One handler per message type (the mapped type makes the table exhaustive). */
  const handlers: { [K in ToWorker['type']]: (msg: Extract<ToWorker, { type: K }>) => void | Promise<void> } = {
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
  const handle = async (msg: ToWorker): Promise<void> => {
    const run = handlers[msg.type] as ((m: ToWorker) => void | Promise<void>) | undefined;
    if (!run) console.warn('flowvar CPU worker: unknown message', msg);
    else await run(msg);
  };
  /** Messages run one after another: a step sent while 'init' awaits the kernel waits its turn. */
  let queue: Promise<void> = Promise.resolve();
  return (msg) => {
    queue = queue.then(() => handle(msg)).catch((err: unknown) => {
      const id = 'id' in msg ? msg.id : null;
      reply({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
    });
  };
}
