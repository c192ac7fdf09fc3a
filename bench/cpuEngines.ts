// Node mode's CPU engines table (bench/cpuEngineRows.ts): the WebAssembly kernel in this process
// on 1 and N threads, and PyTorch on one thread (bench/torchRow.ts), so the WebAssembly/PyTorch
// ratio comes from one run on one machine.
import { availableParallelism } from 'node:os';
import { nodeMlpKernel } from '../src/node/wasmKernel';
import { MAX_SLICES } from '../src/engine/wasm/wasmMlp';
import { cpuTrainCell, type Log } from './suite';
import { runCpuEngineRows } from './cpuEngineRows';
import { torchTrainCell } from './torchRow';
import { reasonOf } from './timing';
import type { MlpKernel } from '../src/engine/wasm/mlpKernel';
import type { BenchPlan, CpuEngineRow, TrainRow } from './types';

/** Threads of the N-thread column: the machine's cores, at most MAX_SLICES (the kernel's slice count). */
export const benchThreads = (): number => Math.min(MAX_SLICES, availableParallelism());

export async function runCpuEngineTable(plan: BenchPlan, train: TrainRow[], log: Log, root: string): Promise<CpuEngineRow[]> {
  const threads = plan.threads ?? benchThreads();
  // the kernel files sit beside the sources (src/engine/wasm/); a bundle without them gets a reason, not a crash
  const make = (n: number): MlpKernel | string => { try { return nodeMlpKernel(n); } catch (err) { return `error: ${reasonOf(err)}`; } };
  const one = make(1), many = threads > 1 ? make(threads) : null;
  return runCpuEngineRows(train, plan.depth, log, {
    threads,
    noThreads: threads > 1 ? null : 'n/a (1 core)',
    wasm: (config, n) => { const k = (n === 1 ? one : many) ?? 'n/a (1 core)'; return typeof k === 'string' ? Promise.resolve({ ok: false, reason: k }) : cpuTrainCell(config, plan, k); },
    torch: (config) => torchTrainCell(config, plan, root),
  });
}
