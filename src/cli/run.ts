// `flowvar run`: train a share link's configuration headless and print its metrics every K steps
// and at the end (docs/cli.md "flowvar run"). A compare link trains its two runs (src/cli/compare.ts).
import type { RunConfig } from '../engine/runConfig';
import { encodeConfig } from '../link/url';
import type { StepRecord } from '../engine/trainer';
import { COMMON_FLAGS, countFlag, engineFlag, evaluationSteps, parseCommand, readLink, runFailed, stdio, totalSteps, type EngineName, type FlagSpec, type Io, type ReadLink } from './common';
import { metricRow, METRIC_KEYS, outputFlags, ROW_KEYS, runIdentity } from './rows';
import { openJob, type Job } from './job';
import { runCompare } from './compare';
import { ProgressReporter } from './progress';

export const RUN_USAGE = `Usage:
  flowvar run "<link>" [--steps N] [--eval-every K] [--engine cpu|gpu] [--json | --csv] [--out FILE] [--strict]

Trains the configuration of a share link headless and prints its metrics every K steps and at
the end: an aligned table, or one row per evaluation as JSON Lines (--json) or CSV (--csv).
  "<link>"          the link's settings, e.g. "seed=3&coupling=rotated&pairs=256&sigma=0.3"
                    (a full URL or a leading ? or # is fine; omitted = the defaults)
  --steps N         train the first N steps of the link's run (default: the link's steps); the
                    learning-rate schedule still spans the link's steps, as on the page
  --eval-every K    evaluate every K steps as well as at the end
  --engine cpu|gpu  cpu (default): the WebAssembly SIMD kernel on the CPU's cores;
                    gpu: the WGSL kernels through Dawn (the webgpu package)
  --json, --csv     JSON Lines or CSV with a header: every key (docs/cli.md "Keys")
  --out FILE        write the rows to FILE (comments and progress stay on stderr)
  --strict          any correction of the link (unknown key, clamped value) is an error (exit 2)
A compare link (compare=<key>[:<value>], key sigma, interpolant, width, lr or phi) trains two
runs in lockstep: one row per run per evaluation, labelled by the run key.
Exit codes: 0 done, 1 the run failed (e.g. no GPU), 2 bad command line or --strict correction.`;

export const RUN_FLAGS = { ...COMMON_FLAGS, steps: { type: 'string' }, 'eval-every': { type: 'string' } } as const satisfies FlagSpec;

/** A parsed `flowvar run` command line. */
export interface RunOptions {
  link: ReadLink;
  /** steps to train */
  steps: number;
  /** evaluate every K steps (and at the end); null = only at the end */
  evalEvery: number | null;
  engine: EngineName;
  json: boolean;
  csv: boolean;
  out?: string;
}

/** Parses the arguments after `run` (help: the exit code). */
export function parseRunArgs(argv: readonly string[], io: Io): RunOptions | number {
  return parseCommand('run', RUN_USAGE, argv, RUN_FLAGS, io, ({ query, values }) => {
    const output = outputFlags(values);
    const engine = engineFlag(values.engine as string | undefined);
    const evalEvery = values['eval-every'] !== undefined ? countFlag('--eval-every', values['eval-every'] as string, 1) : null;
    const link = readLink(query, io, values.strict === true);
    return { link, steps: totalSteps(values.steps as string | undefined, link.config.steps, 0), evalEvery, engine, ...output };
  });
}

/** The flags of the header line: the ones that change the numbers. */
export function runHeaderFlags(o: Pick<RunOptions, 'steps' | 'evalEvery' | 'engine'>): (string | number)[] {
  return ['--steps', o.steps, ...(o.evalEvery !== null ? ['--eval-every', o.evalEvery] : []), '--engine', o.engine];
}

async function runSingle(o: RunOptions, config: RunConfig, job: Job): Promise<number> {
  const trainer = await job.engine.trainer(config);
  job.comment(`# ${trainer.pairs.n} pairs`);
  const writer = job.writer(ROW_KEYS, METRIC_KEYS);
  const identity = runIdentity(config, null, job.source);
  let last: StepRecord | null = null;
  const at = evaluationSteps(o.steps, o.evalEvery);
  const progress = new ProgressReporter(trainer, config, o.steps, at, job.io.err);
  for (const [k, step] of at.entries()) {
    const n = step - trainer.stepCount;
    let stepsPerSec: number | null = null;
    if (n > 0) {
      const trained = await progress.train(n, k);
      last = trained.last ?? last;
      stepsPerSec = trained.stepsPerSec;
    }
    const { metrics } = await progress.evaluate(() => trainer.evaluate(), k);
    writer.write({ ...metricRow(metrics, last, stepsPerSec), ...identity });
  }
  return 0;
}

export async function runCommand(argv: readonly string[], io: Io = stdio): Promise<number> {
  const o = parseRunArgs(argv, io);
  if (typeof o === 'number') return o;
  const { config, view } = o.link;
  let job: Job | null = null;
  try {
    if (view.compare) return await runCompare(o, view.compare, runHeaderFlags(o), io);
    job = await openJob('run', encodeConfig(config), runHeaderFlags(o), { ...o, corrections: o.link.corrections.length }, io);
    return await runSingle(o, config, job);
  } catch (e) {
    return runFailed('run', e, io);
  } finally {
    job?.close();
  }
}
