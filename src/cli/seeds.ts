// Seeds for error bars (`--seeds K` on sweep and grid, docs/cli.md#seeds-mean-and-std): K runs per
// cell on seeds s, s+1, …, s+K−1 from the link's seed (each seed draws its own pairs, initial
// weights and batches), then two summary rows per cell and evaluation: `run` = "mean" and "std"
// (the sample standard deviation, n − 1; 0 for one seed) of every numeric key over the seeds.
import { countFlag } from './common';
import { IDENTITY_KEYS, type Cell } from './rows';

/** Most seeds per cell. */
export const MAX_SEEDS = 64;

/** --seeds K: a whole number in [1, MAX_SEEDS]; absent = the link's `seeds` (1 unless it says). */
export function seedsFlag(text: string | undefined, linkSeeds = 1): number {
  return text === undefined ? linkSeeds : countFlag('--seeds', text, 1, MAX_SEEDS);
}

/** The configs of K seeds (one definition for the page's sweep and the CLI: src/engine/runConfig.ts). */
export { seedConfigs } from '../engine/runConfig';

/** Keys a summary row copies from its group's first row instead of averaging. */
const KEPT = new Set<string>([...IDENTITY_KEYS, 'cell', 'step', 'partial']);

/**
 * The mean and std rows of a group of rows (one cell's seeds at one evaluation): every numeric key
 * averaged; a key that is null (or not a number) in any row stays null. `run` is "mean" / "std",
 * `seed` null; the other identity keys are the first row's (`link` is the first seed's).
 */
export function summaryRows(group: readonly Record<string, Cell>[], keys: readonly string[]): Record<string, Cell>[] {
  return (['mean', 'std'] as const).map((stat) => {
    const row: Record<string, Cell> = { ...group[0], run: stat, seed: null };
    for (const k of keys) {
      if (KEPT.has(k)) continue;
      const values = group.map((r) => r[k]);
      if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) { row[k] = null; continue; }
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      row[k] = stat === 'mean' ? mean : values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
    }
    return row;
  });
}
