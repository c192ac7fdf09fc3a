// Node mode's CPU engines table: the same model and batch on the JavaScript reference (the train
// table's CPU column), the WebAssembly SIMD kernel on 1 and N threads, and PyTorch on one thread
// (bench/torchRow.ts), so the WebAssembly/PyTorch ratio comes from one run on one machine.
import { availableParallelism } from 'node:os';
import { nodeMlpKernel } from '../src/node/wasmKernel';
import { benchConfig, cpuTrainCell, type Log } from './suite';
import { torchTrainCell } from './torchRow';
import { reasonOf } from './timing';
import type { MlpKernel } from '../src/engine/wasm/mlpKernel';
import type { RunConfig } from '../src/engine/runConfig';
import type { BenchPlan, Cell, CpuEngineRow, TrainRow } from './types';

const rateText = (c: Cell): string => (c.ok ? `${c.rate.toPrecision(3)} steps/s` : c.reason);

/** Threads of the N-thread column: the machine's cores, at most 8 (the kernel's slice count). */
export const benchThreads = (): number => Math.min(8, availableParallelism());

export async function runCpuEngineTable(plan: BenchPlan, train: TrainRow[], log: Log, root: string): Promise<CpuEngineRow[]> {
  const threads = benchThreads();
  // the kernel files sit beside the sources (src/engine/wasm/); a bundle without them gets a reason, not a crash
  const kernel = (n: number): MlpKernel | string => { try { return nodeMlpKernel(n); } catch (err) { return `error: ${reasonOf(err)}`; } };
  const one = kernel(1), many = threads > 1 ? kernel(threads) : 'n/a (1 core)';
  const cell = (config: RunConfig, k: MlpKernel | string): Promise<Cell> => (typeof k === 'string' ? Promise.resolve({ ok: false, reason: k }) : cpuTrainCell(config, plan, k));
  const rows: CpuEngineRow[] = [];
  for (const row of train) {
    const config = benchConfig(row, plan.depth);
    const label = `batch ${row.batch} width ${row.width}`;
    const wasm1 = await cell(config, one);
    log(`${label}: WebAssembly 1 thread ${rateText(wasm1)}`);
    const wasmN = await cell(config, many);
    log(`${label}: WebAssembly ${threads} threads ${rateText(wasmN)}`);
    const torch = torchTrainCell(config, plan, root);
    log(`${label}: PyTorch 1 thread ${rateText(torch.cell)}`);
    rows.push({ batch: row.batch, width: row.width, js: row.cpu, wasm1, wasmThreads: wasmN, threads, torch: torch.cell, torchVersion: torch.version });
  }
  return rows;
}
