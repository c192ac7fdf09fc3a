// PyTorch column of the CPU engines table: runs bench/torchTrain.py with python3 (one thread) on
// the bench's model, or says why not (no python3, no torch).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RunConfig } from '../src/engine/runConfig';
import type { BenchPlan, Cell } from './types';

export function torchTrainCell(config: RunConfig, plan: BenchPlan, root: string): { cell: Cell; version?: string } {
  const spec = { batch: config.batch, width: config.width, depth: config.depth, lr: config.lr, targetSeconds: plan.targetSeconds, warmup: 3, maxCount: 20000 };
  const res = spawnSync('python3', [join(root, 'bench', 'torchTrain.py'), JSON.stringify(spec)], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (res.error) return { cell: { ok: false, reason: `n/a (no python3: ${res.error.message})` } };
  const line = res.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const out = JSON.parse(line) as ({ ok: true; rate: number; count: number; seconds: number; lossFirst: number; lossLast: number; version: string } | { ok: false; reason: string });
    if (!out.ok) return { cell: out };
    const { version, ...cell } = out;
    return { cell, version };
  } catch {
    return { cell: { ok: false, reason: `error: bench/torchTrain.py exited ${res.status}: ${(res.stderr || line).trim().split('\n').at(-1)}` } };
  }
}
