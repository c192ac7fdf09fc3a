// `flowvar run`: train a share link's configuration headless and print its metrics (README).
import { decodeConfig, encodeConfig } from '../state/url';
import { createEngine } from './engine';
import { jsonLine, metricRow, tableHeader, tableRow } from './format';
import { UsageError, type RunOptions } from './args';
import type { StepRecord } from '../engine/trainer';
import { compareFromQuery } from '../state/compareParam';
import { runCompare } from './compare';

/** Where a command writes: one line at a time (tests capture them). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Steps at which to evaluate: every K (when given) and always the last. */
export function evaluationSteps(total: number, every: number | null): number[] {
  const out: number[] = [];
  if (every !== null) for (let s = every; s < total; s += every) out.push(s);
  out.push(total);
  return out;
}

export async function runCommand(options: RunOptions, io: Io): Promise<number> {
  const { config, corrections } = decodeConfig(options.query);
  for (const c of corrections) io.err(`correction: ${c}`);
  const total = options.steps ?? config.steps;
  if (options.steps === null && total === 0) throw new UsageError('the link has steps=0 (train until paused): give --steps N');
  const compare = compareFromQuery(options.query);
  if (compare.correction) io.err(`correction: ${compare.correction}`);
  if (compare.setting) return runCompare(options, config, compare.setting, total, evaluationSteps(total, options.evalEvery), io);
  const engine = await createEngine(options.engine, config);
  try {
    const { trainer } = engine;
    if (options.json) {
      io.err(`# flowvar run ${encodeConfig(config)} --steps ${total} --engine ${options.engine} (${trainer.deviceName})`);
    } else {
      io.out(`# flowvar run "${encodeConfig(config)}" --steps ${total} --engine ${options.engine}`);
      io.out(`# device: ${trainer.deviceName}; ${trainer.pairs.n} pairs`);
      io.out(tableHeader());
    }
    let last: StepRecord | null = null;
    for (const at of evaluationSteps(total, options.evalEvery)) {
      const n = at - trainer.stepCount;
      let stepsPerSec: number | null = null;
      if (n > 0) {
        const t0 = performance.now();
        const snap = await trainer.step(n);
        const seconds = (performance.now() - t0) / 1000;
        last = snap.records.at(-1) ?? last;
        stepsPerSec = seconds > 0 ? n / seconds : null;
      }
      const { metrics } = await trainer.evaluate();
      const row = metricRow(metrics, last, stepsPerSec);
      io.out(options.json ? jsonLine(row) : tableRow(row));
    }
    return 0;
  } finally {
    engine.close();
  }
}
