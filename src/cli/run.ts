// `flowvar run`: train a share link's configuration headless and print its metrics (docs/cli.md).
import { encodeConfig } from '../link/url';
import { decodeLink, type DecodedLink } from '../link/link';
import type { RunConfig } from '../engine/runConfig';
import { createEngine } from './engine';
import { jsonLine, metricRow, tableHeader, tableRow } from './format';
import { UsageError, type RunOptions } from './args';
import type { StepRecord } from '../engine/trainer';
import { runCompare } from './compare';
import { RunProgress } from './progress';

/** Where a command writes: one line at a time (tests capture them). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/**
 * The config of a link as typed on the command line, read by the page's own decoder (decodeLink):
 * each change is printed to stderr as `correction: …`, config first, then view keys.
 */
export function readLinkArg(query: string, io: Io): RunConfig {
  return readLinkArgView(query, io).config;
}

/** readLinkArg with the link's view keys (compare mode). */
export function readLinkArgView(query: string, io: Io): DecodedLink {
  const link = decodeLink(query);
  for (const c of link.corrections) io.err(`correction: ${c}`);
  return link;
}

/** Steps at which to evaluate: every K (when given) and always the last. */
export function evaluationSteps(total: number, every: number | null): number[] {
  const out: number[] = [];
  if (every !== null) for (let s = every; s < total; s += every) out.push(s);
  out.push(total);
  return out;
}

export async function runCommand(options: RunOptions, io: Io): Promise<number> {
  const { config, view } = readLinkArgView(options.query, io);
  const total = options.steps ?? config.steps;
  if (options.steps === null && total === 0) throw new UsageError('the link has steps=0 (train until paused): give --steps N');
  if (view.compare) return runCompare(options, config, view.compare, total, evaluationSteps(total, options.evalEvery), io);
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
    const at = evaluationSteps(total, options.evalEvery);
    const progress = new RunProgress(trainer, config, total, at, io.err);
    for (const [k, step] of at.entries()) {
      const n = step - trainer.stepCount;
      let stepsPerSec: number | null = null;
      if (n > 0) {
        const trained = await progress.train(n, k);
        last = trained.last ?? last;
        stepsPerSec = trained.stepsPerSec;
      }
      const { metrics } = await progress.evaluate(() => trainer.evaluate(), k);
      const row = metricRow(metrics, last, stepsPerSec);
      io.out(options.json ? jsonLine(row) : tableRow(row));
    }
    return 0;
  } finally {
    engine.close();
  }
}
