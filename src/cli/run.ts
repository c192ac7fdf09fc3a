// `flowvar run`: train a share link's configuration headless and print its metrics every K steps
// and at the end (docs/cli.md#flowvar-run). A compare link trains its two runs (src/cli/compare.ts).
import type { RunConfig } from '../engine/runConfig';
import { encodeConfig } from '../link/url';
import { COMMON_FLAGS, countFlag, engineFlag, evaluationSteps, EXIT, parseCommand, readLink, stdio, totalSteps, UsageError, withJob, type EngineName, type FlagSpec, type Io, type ReadLink } from './common';
import { METRIC_KEYS, outputFlags, ROW_KEYS, runIdentity } from './rows';
import { openJob, type Job } from './job';
import { runCompare } from './compare';
import { trainAndEvaluate } from './progress';
import { checkWeightsFit, readWeights, saveWeights } from './weights';
import type { WeightsFile } from '../link/weightsFile';

export const RUN_USAGE = `Usage:
  flowvar run "<link>" [--steps N] [--eval-every K] [--engine cpu|gpu] [--json | --csv] [--out FILE] [--strict]
              [--load-weights FILE] [--save-weights FILE]

Trains the configuration of a share link headless and prints its metrics every K steps and at
the end: an aligned table, or one row per evaluation as JSON Lines (--json) or CSV (--csv).
  "<link>"          the link's settings, e.g. "seed=3&coupling=rotated&pairs=256&sigma=0.3"
                    (a full URL or a leading ? or # is fine; omitted = the defaults)
  --steps N         train the first N steps of the link's run (default: the link's steps); the
                    learning-rate schedule still spans the link's steps, as on the page
  --eval-every K    evaluate every K steps as well as at the end
  --engine cpu|gpu  cpu (default): the WebAssembly SIMD kernel on the CPU's cores;
                    gpu: the WGSL kernels through Dawn (the webgpu package)
  --json, --csv     JSON Lines or CSV with a header: every key (docs/cli.md#keys)
  --out FILE        write the rows to FILE (comments and progress stay on stderr)
  --strict          any correction of the link (unknown key, clamped value) is an error (exit 2)
  --load-weights FILE  start from a weights file (the page's Save weights, or --save-weights):
                    its θ, Adam's moments and step; training continues from that step up to
                    --steps, and --steps 0 evaluates it. Without a link, the file's settings.
  --save-weights FILE  write the final θ, moments and step as a weights file the page loads
Ctrl-C (SIGINT) or SIGTERM evaluates the run where it is, prints that row (and saves the weights
with --save-weights), exit 130.
A compare link (compare=<key>[:<value>], key sigma, interpolant, width, lr or phi) trains two
runs in lockstep: one row per run per evaluation, labelled by the run key.
Exit codes: 0 done, 1 the run failed (e.g. no GPU), 2 bad command line or --strict correction, 130 interrupted.`;

export const RUN_FLAGS = {
  ...COMMON_FLAGS, steps: { type: 'string' }, 'eval-every': { type: 'string' }, 'load-weights': { type: 'string' }, 'save-weights': { type: 'string' },
} as const satisfies FlagSpec;

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
  /** --load-weights: the file and its train state (training continues from its step) */
  load: { path: string; file: WeightsFile } | null;
  /** --save-weights FILE */
  save: string | null;
}

/** Parses the arguments after `run` (help: the exit code). */
export function parseRunArgs(argv: readonly string[], io: Io): RunOptions | number {
  return parseCommand('run', RUN_USAGE, argv, RUN_FLAGS, io, ({ query, values }) => {
    const output = outputFlags(values);
    const engine = engineFlag(values.engine as string | undefined);
    const evalEvery = values['eval-every'] !== undefined ? countFlag('--eval-every', values['eval-every'] as string, 1) : null;
    const strict = values.strict === true;
    const loadPath = values['load-weights'] as string | undefined;
    const loaded = loadPath !== undefined ? readWeights(loadPath, io) : null;
    // no link with --load-weights: the file's own settings, as the page's Load does
    const link = readLink(query === '' && loaded ? encodeConfig(loaded.file.config) : query, io, strict);
    if (link.view.compare && (loaded || values['save-weights'] !== undefined)) throw new UsageError('--load-weights and --save-weights take a single run, not a compare link');
    if (loaded) {
      checkWeightsFit(loaded.file, link.config, loadPath!);
      if (strict && loaded.corrections.length > 0) throw new UsageError(`--strict: the weights file needed ${loaded.corrections.length} corrections (listed above)`);
      link.corrections.push(...loaded.corrections);
    }
    return {
      link, steps: totalSteps(values.steps as string | undefined, link.config.steps, 0), evalEvery, engine, ...output,
      load: loaded ? { path: loadPath!, file: loaded.file } : null, save: (values['save-weights'] as string | undefined) ?? null,
    };
  });
}

/** The flags of the header line: the ones that change the numbers. */
export function runHeaderFlags(o: Pick<RunOptions, 'steps' | 'evalEvery' | 'engine' | 'load' | 'save'>): (string | number)[] {
  return [
    '--steps', o.steps, ...(o.evalEvery !== null ? ['--eval-every', o.evalEvery] : []), '--engine', o.engine,
    ...(o.load ? ['--load-weights', o.load.path] : []), ...(o.save !== null ? ['--save-weights', o.save] : []),
  ];
}

async function runSingle(o: RunOptions, config: RunConfig, job: Job, signal: AbortSignal): Promise<number> {
  const trainer = await job.engine.trainer(config);
  if (o.load) {
    trainer.setWeights(o.load.file);
    job.comment(`# loaded ${o.load.path}: step ${o.load.file.step}${o.load.file.m ? '' : ' (a version-1 file: Adam\'s moments start from zero)'}`);
  }
  job.comment(`# ${trainer.pairs.n} pairs`);
  const writer = job.writer(ROW_KEYS, METRIC_KEYS);
  const identity = runIdentity(config, null, job.source);
  // from a loaded step on; --steps at or below it evaluates the loaded weights without training
  const start = trainer.stepCount, total = Math.max(o.steps, start);
  const at = evaluationSteps(total - start, o.evalEvery).map((s) => s + start);
  const stopped = await trainAndEvaluate(trainer, config, at, job.io.err, (row) => writer.write({ ...row, ...identity }), signal);
  if (o.save !== null) {
    await saveWeights(o.save, trainer, config);
    job.comment(`# saved ${o.save}: step ${trainer.stepCount}`);
  }
  return stopped ? EXIT.interrupted : EXIT.ok;
}

export function runCommand(argv: readonly string[], io: Io = stdio): Promise<number> {
  return withJob('run', io, async (scope) => {
    const o = parseRunArgs(argv, io);
    if (typeof o === 'number') return o;
    const { config, view } = o.link;
    if (view.compare) return runCompare(o, view.compare, runHeaderFlags(o), io, scope);
    const job = scope.own(await openJob('run', encodeConfig(config), runHeaderFlags(o), { ...o, corrections: o.link.corrections.length }, io));
    return runSingle(o, config, job, scope.signal);
  });
}
