// The CPU engines table, whatever runs it: for every size of the train table, the JavaScript
// reference (its CPU column), the WebAssembly SIMD kernel on 1 and N threads and, where it can
// run (Node), PyTorch on one thread. Node measures in-process (bench/cpuEngines.ts), the bench
// page in a worker (bench/wasmBench.ts): WebAssembly threads block, which a page's thread may not.
import { benchConfig, type Log } from './suite';
import type { RunConfig } from '../src/engine/runConfig';
import type { Cell, CpuEngineRow, TrainRow } from './types';

const rateText = (c: Cell): string => (c.ok ? `${c.rate.toPrecision(3)} steps/s` : c.reason);

/** How one runtime measures the CPU engines. */
export interface CpuEngineRuntime {
  /** threads of the N-thread column */
  threads: number;
  /** why there is no N-thread column (one core, a page that is not cross-origin isolated), or null */
  noThreads: string | null;
  /** train steps/s of the WebAssembly kernel on `threads` threads */
  wasm(config: RunConfig, threads: number): Promise<Cell>;
  /** PyTorch on one thread (Node), or null where it cannot run (the browser) */
  torch: ((config: RunConfig) => { cell: Cell; version?: string }) | null;
}

export async function runCpuEngineRows(train: TrainRow[], depth: number, log: Log, rt: CpuEngineRuntime): Promise<CpuEngineRow[]> {
  const rows: CpuEngineRow[] = [];
  for (const row of train) {
    const config = benchConfig(row, depth);
    const label = `batch ${row.batch} width ${row.width}`;
    const wasm1 = await rt.wasm(config, 1);
    log(`${label}: WebAssembly 1 thread ${rateText(wasm1)}`);
    const wasmThreads: Cell = rt.noThreads === null ? await rt.wasm(config, rt.threads) : { ok: false, reason: rt.noThreads };
    log(`${label}: WebAssembly ${rt.threads} threads ${rateText(wasmThreads)}`);
    const out: CpuEngineRow = { batch: row.batch, width: row.width, js: row.cpu, wasm1, wasmThreads, threads: rt.threads };
    if (rt.torch) {
      const torch = rt.torch(config);
      log(`${label}: PyTorch 1 thread ${rateText(torch.cell)}`);
      out.torch = torch.cell;
      out.torchVersion = torch.version;
    }
    rows.push(out);
  }
  return rows;
}
