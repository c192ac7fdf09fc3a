// Browser mode's CPU engines table (bench/cpuEngineRows.ts): the app's WebAssembly kernel on 1
// thread and, when the page is cross-origin isolated (the bench server sends COOP/COEP), on one
// thread per core, each measured in a worker (bench/wasmBenchWorker.ts). No PyTorch column here.
import { browserThreads } from '../src/engine/wasm/browserKernel';
import { runCpuEngineRows } from './cpuEngineRows';
import type { Log } from './suite';
import type { FromWasmBench, ToWasmBench } from './wasmBenchWorker';
import type { BenchPlan, Cell, CpuEngineRow, TrainRow } from './types';

export async function runBrowserCpuEngineTable(plan: BenchPlan, train: TrainRow[], log: Log): Promise<CpuEngineRow[]> {
  const worker = new Worker(new URL('./wasmBenchWorker.ts', import.meta.url), { type: 'module', name: 'flowvar-bench-wasm' });
  const waiting = new Map<number, (cell: Cell) => void>();
  let nextId = 1;
  worker.onmessage = (ev: MessageEvent<FromWasmBench>) => {
    waiting.get(ev.data.id)?.(ev.data.cell);
    waiting.delete(ev.data.id);
  };
  worker.onerror = (ev) => {
    for (const done of waiting.values()) done({ ok: false, reason: `error: bench worker failed: ${ev.message}` });
    waiting.clear();
  };
  const wasm = (config: ToWasmBench['config'], threads: number) => new Promise<Cell>((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    worker.postMessage({ type: 'train', id, config, plan, threads } satisfies ToWasmBench);
  });
  // the page's cores and isolation are its workers' too
  const { cores, limit } = browserThreads(self);
  const threads = plan.threads ?? cores;
  try {
    return await runCpuEngineRows(train, plan.depth, log, {
      threads,
      noThreads: threads === 1 ? 'n/a (1 core)' : limit ? `n/a (${limit})` : null,
      wasm,
      torch: null,
    });
  } finally {
    worker.terminate();
  }
}
