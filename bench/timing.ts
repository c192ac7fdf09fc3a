// Adaptive timing: warm up, then time one block of work that ends with a real completion wait
// (the caller's `block(n)` must only resolve once the n units are done on the device).
// The block length is chosen so one measurement takes about `targetSeconds`.

export interface Rate {
  /** units per second of the measured block */
  rate: number;
  /** units in the measured block */
  count: number;
  /** wall time of the measured block, seconds */
  seconds: number;
}

export interface RateOptions {
  /** units run (and waited for) before anything is timed */
  warmup: number;
  targetSeconds: number;
  /** most units in one block (bounds queued work and slow engines) */
  maxCount: number;
}

const now = (): number => performance.now() / 1000;

/**
 * Calibrate with blocks of 1, 4, 16, … units until one takes a twentieth of the target, then time
 * one block sized to the target. A calibration block that already took half the target is the
 * measurement (slow engines: no second block).
 */
export async function measureRate(block: (n: number) => Promise<void>, opts: RateOptions): Promise<Rate> {
  if (opts.warmup > 0) await block(opts.warmup);
  let n = 1;
  for (;;) {
    const t0 = now();
    await block(n);
    const dt = Math.max(now() - t0, 1e-9);
    if (dt >= opts.targetSeconds / 2 || n >= opts.maxCount) return { rate: n / dt, count: n, seconds: dt };
    if (dt >= opts.targetSeconds / 20) {
      const count = Math.max(n + 1, Math.min(opts.maxCount, Math.round((n * opts.targetSeconds) / dt)));
      const t1 = now();
      await block(count);
      const seconds = Math.max(now() - t1, 1e-9);
      return { rate: count / seconds, count, seconds };
    }
    n = Math.min(opts.maxCount, n * 4);
  }
}

/** Error → one short line for a table cell. */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const line = text.split('\n')[0].trim();
  return `error: ${line.length > 120 ? `${line.slice(0, 117)}...` : line}`;
}
