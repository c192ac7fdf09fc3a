// Timing row of the exported PyTorch script (`flowvar export`, src/export/flowvar_run.py): its CPU
// training steps/s against flowvar run's CPU engine (the WebAssembly kernel) on the same link, the
// same batch and the same thread count, in one bench run. Both sides do the same work per step:
// sample the batch from the counter RNG, forward, backward with the exact per-sample gradient
// norms, Adam. The script's rate is its own row's stepsPerSec (training only, no start-up).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeConfig } from '../src/link/url';
import { nodeMlpKernel } from '../src/node/wasmKernel';
import { loadScriptTemplate } from '../src/node/scriptTemplate';
import { pytorchScript } from '../src/export/pytorchScript';
import { benchConfig, cpuTrainCell, type Log } from './suite';
import { benchPythons } from './torchRow';
import { reasonOf } from './timing';
import type { BenchPlan, Cell, ExportTimingRow } from './types';

/** The bench size of the row: the rotated bench model at batch 256, width 64. */
const SIZE = { batch: 256, width: 64 };

export async function runExportTimingRow(plan: BenchPlan, threads: number, log: Log): Promise<ExportTimingRow> {
  const config = benchConfig(SIZE, plan.depth);
  const link = encodeConfig(config);
  log(`exported script: flowvar run --engine cpu on ${threads} thread(s)`);
  let flowvar: Cell;
  try { flowvar = await cpuTrainCell(config, plan, nodeMlpKernel(threads)); } catch (err) { flowvar = { ok: false, reason: reasonOf(err) }; }
  // about targetSeconds of the script's steps, at flowvar's rate (at least 20)
  const steps = Math.max(20, Math.min(20_000, Math.round((flowvar.ok ? flowvar.rate : 50) * plan.targetSeconds)));
  log(`exported script: python run.py --steps ${steps} --threads ${threads}`);
  const dir = mkdtempSync(join(tmpdir(), 'flowvar-bench-export-'));
  const script = join(dir, 'run.py');
  writeFileSync(script, pytorchScript(loadScriptTemplate(), link).text);
  let cell: Cell = { ok: false, reason: 'n/a (no python3 with torch)' };
  let device: string | undefined;
  for (const python of benchPythons()) {
    const res = spawnSync(python, [script, '--steps', String(steps), '--threads', String(threads), '--quiet'], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: String(threads) } });
    const row = res.stdout?.trim().split('\n').at(-1);
    if (res.status !== 0 || !row) { if (res.status === 2 && /torch/.test(res.stderr ?? '')) continue; cell = { ok: false, reason: `error: ${(res.stderr || String(res.error)).trim().split('\n').at(-1)}` }; break; }
    const parsed = JSON.parse(row) as { stepsPerSec: number; loss: number; device: string };
    cell = { ok: true, rate: parsed.stepsPerSec, count: steps, seconds: steps / parsed.stepsPerSec, lossLast: parsed.loss };
    device = parsed.device;
    break;
  }
  return { link, batch: SIZE.batch, width: SIZE.width, depth: plan.depth, threads, flowvar, script: cell, device };
}
