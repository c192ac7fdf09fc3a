// PyTorch column of the CPU engines table: runs bench/torchTrain.py (one thread) on the bench's
// model with $PYTHON, python3 on the PATH, or Debian's /usr/bin/python3 (python3-torch lives there
// even when a pyenv python3 comes first), the first that has torch; or says why not.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { RunConfig } from '../src/engine/runConfig';
import type { BenchPlan, Cell } from './types';

type TorchResult = { cell: Cell; version?: string };

/** The Pythons to try for torch, in order: $PYTHON or python3 on the PATH, then Debian's /usr/bin/python3. */
export function benchPythons(): string[] {
  return [...new Set([process.env.PYTHON ?? 'python3', '/usr/bin/python3'])].filter((p) => !p.startsWith('/') || existsSync(p));
}

export function torchTrainCell(config: RunConfig, plan: BenchPlan, root: string): TorchResult {
  let first: TorchResult | null = null;
  for (const python of benchPythons()) {
    const result = runWith(python, config, plan, root);
    if (result.cell.ok) return result;
    first ??= result;
  }
  return first ?? { cell: { ok: false, reason: 'n/a (no python3)' } };
}

function runWith(python: string, config: RunConfig, plan: BenchPlan, root: string): TorchResult {
  const spec = { batch: config.batch, width: config.width, depth: config.depth, lr: config.lr, targetSeconds: plan.targetSeconds, warmup: 3, maxCount: 20000 };
  const res = spawnSync(python, [join(root, 'bench', 'torchTrain.py'), JSON.stringify(spec)], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
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
