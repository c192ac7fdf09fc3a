// The bench page's worker for the WebAssembly columns (bench/wasmBench.ts): trains the app's CPU
// kernel (src/engine/wasm/browserKernel.ts) on the asked thread count and replies with the cell.
// A worker because the kernel's threads block (Atomics.wait), which a page's thread may not.
import { browserMlpKernel, type ThreadScope } from '../src/engine/wasm/browserKernel';
import type { MlpKernel } from '../src/engine/wasm/mlpKernel';
import type { RunConfig } from '../src/engine/runConfig';
import { cpuTrainCell } from './suite';
import { reasonOf } from './timing';
import type { BenchPlan, Cell } from './types';

/** Page → worker: measure one cell. */
export type ToWasmBench = { type: 'train'; id: number; config: RunConfig; plan: BenchPlan; threads: number };
/** Worker → page: the cell. */
export type FromWasmBench = { type: 'cell'; id: number; cell: Cell };

const kernels = new Map<number, Promise<MlpKernel>>();

async function train(msg: ToWasmBench): Promise<Cell> {
  try {
    if (!kernels.has(msg.threads)) kernels.set(msg.threads, browserMlpKernel(self as unknown as ThreadScope, msg.threads));
    return await cpuTrainCell(msg.config, msg.plan, await kernels.get(msg.threads)!);
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}

self.onmessage = (ev: MessageEvent<ToWasmBench>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'train':
      void train(msg).then((cell) => self.postMessage({ type: 'cell', id: msg.id, cell } satisfies FromWasmBench));
      return;
    default: {
      const unknown: never = msg.type;
      console.warn('flowvar bench worker: unknown message', unknown);
    }
  }
};
