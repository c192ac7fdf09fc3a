// `flowvar sweep`: one model per σ on a share link's configuration (same pairs, init and batches),
// trained side by side; prints one row per σ at every evaluation as it is made
// (docs/cli.md#flowvar-sweep). SIGINT or SIGTERM evaluates what has trained, prints it marked partial, exit 130.
import { encodeConfig } from '../link/url';
import { GpuSweepEngine, seedsPerRun } from '../engine/gpuSweepEngine';
import { MAX_MODELS } from '../engine/gpuLayout';
import { SIGMA_RANGE, sigmaInRange, type RunConfig } from '../engine/runConfig';
import { cleanSigmas, DEFAULT_SIGMAS, sweepConfig, SweepRunner, tailWindow, type SweepEngine, type SweepModelStats, type SweepProgress, type SweepResult } from '../engine/sweep';
import type { StepRecord, Trainer, TrainSnapshot } from '../engine/trainer';
import { COMMON_FLAGS, commandLine, countFlag, engineFlag, evaluationSteps, EXIT, parseCommand, readLink, stdio, totalSteps, UsageError, withJob, type FlagSpec, type Io } from './common';
import { metricRow, METRIC_KEYS, outputFlags, ROW_KEYS, runIdentity, type Cell } from './rows';
import { openJob, type Job } from './job';
import { ProgressReporter, type ProgressTarget } from './progress';
import { hasSweepState, loadSweepState, saveSweepState } from './sweepState';
import { seedConfigs, seedsFlag, summaryRows } from './seeds';

export const SWEEP_USAGE = `Usage:
  flowvar sweep "<link>" [--sigmas 0,1e-3,…] [--seeds K] [--steps N] [--eval-every K] [--engine cpu|gpu] [--chunk K]
                [--json | --csv] [--out FILE] [--strict] [--resume DIR]

Trains one model per σ on the link's configuration, the same pairs, initial weights and batches,
stepped round-robin K steps at a time, and prints one row per σ at every evaluation. Each row is
the row of \`flowvar run\` of its own link (same keys, same numbers), then lossTail and gradVarTail:
the means of loss and gradVar over the last 10 % of the steps trained.
  --sigmas LIST     comma-separated σ values in [${SIGMA_RANGE.min}, ${SIGMA_RANGE.max}] (default ${DEFAULT_SIGMAS.join(',')})
  --steps N         train the first N steps of the link's run (default: the link's steps); the
                    learning-rate schedule still spans the link's steps, as in flowvar run
  --eval-every K    evaluate every K steps as well as at the end: per-σ learning curves
  --seeds K         K models per σ on seeds s … s+K−1 from the link's seed (pairs, initial
                    weights and batches per seed): one row per (σ, seed), then per σ two summary
                    rows, run = "mean" and "std" (n − 1) over the seeds (default: the link's
                    seeds=K, else 1)
  --engine cpu|gpu  cpu (default): one model after another on the WebAssembly SIMD kernel;
                    gpu: every (σ, seed) model in one batched GPU run through Dawn (past
                    16 models, in runs of whole seeds stepped in turn)
  --chunk K         steps per model per turn (default 100; any K gives the same numbers)
  --json, --csv     JSON Lines or CSV with a header: every key (docs/cli.md#keys)
  --out FILE        write the rows to FILE (comments and progress stay on stderr)
  --strict          any correction of the link is an error (exit 2)
  --resume DIR      keep the sweep's state in DIR (a weights file per model, at every evaluation
                    and on Ctrl-C); run the same command again to continue from where it stopped
                    (with --out, the new rows are appended). CPU engine only.
Ctrl-C (SIGINT) or SIGTERM evaluates what has trained and prints it with partial = true, exit 130.
Exit codes: 0 done, 1 the run failed, 2 bad command line or --strict correction, 130 interrupted.`;

/** Keys of a sweep row: the row contract, then the tail means and whether the row is from an interrupted run. */
export const SWEEP_KEYS = [...ROW_KEYS, 'lossTail', 'gradVarTail', 'partial'] as const;

export const SWEEP_FLAGS = {
  ...COMMON_FLAGS, sigmas: { type: 'string' }, steps: { type: 'string' }, 'eval-every': { type: 'string' }, chunk: { type: 'string' },
  resume: { type: 'string' }, seeds: { type: 'string' },
} as const satisfies FlagSpec;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** "0,1e-3,0.1" → sorted unique σ values; each must be a decimal number in SIGMA_RANGE. */
export function parseSigmas(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new UsageError('--sigmas needs at least one value');
  const values = parts.map((p) => {
    if (!DECIMAL.test(p)) throw new UsageError(`--sigmas: ${JSON.stringify(p.slice(0, 40))} is not a number`);
    const v = Number(p);
    if (!sigmaInRange(v)) throw new UsageError(`--sigmas: ${p} must be in [${SIGMA_RANGE.min}, ${SIGMA_RANGE.max}]`);
    return v;
  });
  const clean = cleanSigmas(values);
  if (clean.length < new Set(values).size) throw new UsageError(`--sigmas: at most ${clean.length} values`);
  return clean;
}

/**
 * The sweep seen by the progress lines: step(n) advances every model n steps, `chunk` at a time,
 * keeping each model's last `keep` records in `records` (the state --resume saves).
 */
function sweepTarget(runner: SweepEngine, chunk: number, pairs: number, records: StepRecord[][], keep: number): ProgressTarget {
  return {
    get stepCount() { return runner.stepCount; },
    pairs: { n: pairs },
    async step(n: number): Promise<TrainSnapshot> {
      for (let done = 0; done < n;) {
        const m = Math.min(chunk, n - done);
        const p = await runner.step(m);
        p.models.forEach((model, i) => { records[i] = [...records[i], ...model.records].slice(-keep); });
        done += m;
      }
      return { step: runner.stepCount, records: [], gradVarByT: [] };
    },
  };
}

/**
 * One σ list on seeds s … s+K−1 in parts (a part per seed on the CPU, per round of seeds on the
 * GPU), seen as one SweepEngine: model m is seed m ÷ |σ|, σ m mod |σ|. The parts belong to the
 * job's engine (it disposes them).
 */
class SeededSweep implements SweepEngine {
  readonly sigmas: number[];
  readonly seeds: number[];
  readonly stats: SweepModelStats[];
  constructor(readonly parts: readonly SweepEngine[]) {
    this.sigmas = parts.flatMap((p) => [...p.sigmas]);
    this.seeds = parts.flatMap((p) => [...p.seeds]);
    this.stats = parts.flatMap((p) => [...p.stats]);
  }
  get stepCount(): number { return Math.min(...this.parts.map((p) => p.stepCount)); }
  async step(n: number): Promise<SweepProgress> {
    const models: SweepProgress['models'] = [];
    for (const p of this.parts) models.push(...(await p.step(n)).models);
    return { step: this.stepCount, models };
  }
  async evaluate(): Promise<SweepResult[]> {
    const out: SweepResult[] = [];
    for (const p of this.parts) out.push(...await p.evaluate());
    return out;
  }
  /** the CPU trainers, model by model (--resume saves and loads them) */
  trainers(): Trainer[] {
    return this.parts.flatMap((p) => (p instanceof SweepRunner ? p.sigmas.map((_, i) => p.trainer(i)) : []));
  }
  dispose(): void {}
}

/**
 * Every (σ, seed) model on the job's engine: on the GPU σ × seeds in one batched run up to its
 * model cap, then in rounds of whole seeds; on the CPU one trainer per σ and seed.
 */
async function sweepParts(job: Job, config: RunConfig, sigmas: readonly number[], seeds: number, total: number): Promise<SweepEngine[]> {
  const { engine } = job, configs = seedConfigs(config, seeds), parts: SweepEngine[] = [];
  const gpu = engine.gpu;
  if (!gpu) {
    for (const c of configs) parts.push(await SweepRunner.create(c, sigmas, engine.trainer, total));
    return parts;
  }
  const per = seedsPerRun(sigmas.length);
  for (let k = 0; k < seeds; k += per) {
    parts.push(engine.own(await GpuSweepEngine.create(gpu.device, configs[k], sigmas, gpu.shaders, {}, total, Math.min(per, seeds - k))));
  }
  return parts;
}

export async function runSweepCommand(args: readonly string[], io: Io = stdio): Promise<number> {
  const parsed = parseCommand('sweep', SWEEP_USAGE, args, SWEEP_FLAGS, io, ({ query, values }) => {
    const output = outputFlags(values);
    const engine = engineFlag(values.engine as string | undefined);
    const sigmas = values.sigmas !== undefined ? parseSigmas(values.sigmas as string) : [...DEFAULT_SIGMAS];
    const chunk = values.chunk !== undefined ? countFlag('--chunk', values.chunk as string, 1) : 100;
    const evalEvery = values['eval-every'] !== undefined ? countFlag('--eval-every', values['eval-every'] as string, 1) : null;
    const resume = (values.resume as string | undefined) ?? null;
    if (resume !== null && engine === 'gpu') throw new UsageError('--resume works with --engine cpu (the batched GPU sweep keeps no per-model state)');
    const link = readLink(query, io, values.strict === true);
    const seeds = seedsFlag(values.seeds as string | undefined, link.config.seeds);
    return { ...output, engine, sigmas, chunk, evalEvery, link, resume, seeds, total: totalSteps(values.steps as string | undefined, link.config.steps) };
  });
  if (typeof parsed === 'number') return parsed;
  const { link: { config }, sigmas, total, chunk, evalEvery, resume, seeds } = parsed;
  return withJob('sweep', io, async ({ signal, own }) => {
    const t0 = performance.now();
    const headerFlags = ['--sigmas', sigmas.join(','), ...(seeds > 1 ? ['--seeds', seeds] : []), '--steps', total, ...(evalEvery !== null ? ['--eval-every', evalEvery] : []), '--engine', parsed.engine];
    const command = commandLine('sweep', encodeConfig(config), headerFlags);
    const resuming = resume !== null && hasSweepState(resume);
    const job = own(await openJob('sweep', encodeConfig(config), [...headerFlags, ...(resume !== null ? ['--resume', resume] : [])], { ...parsed, corrections: parsed.link.corrections.length, append: resuming }, io));
    const parts = await sweepParts(job, config, sigmas, seeds, total);
    const runner = new SeededSweep(parts);
    const configs = runner.sigmas.map((s, i) => sweepConfig({ ...config, seed: runner.seeds[i] }, s));
    const identities = configs.map((c) => runIdentity(c, seeds > 1 ? `sigma=${c.sigma} seed=${c.seed}` : `sigma=${c.sigma}`, job.source));
    const sigmaCount = sigmas.length;
    const writer = job.writer(SWEEP_KEYS, [...METRIC_KEYS, 'lossTail', 'gradVarTail', 'run']);
    const keep = tailWindow(total);
    let records: StepRecord[][] = runner.sigmas.map(() => []);
    const trainers = runner.trainers();
    if (resuming) {
      const loaded = loadSweepState(resume, command, trainers);
      records = loaded.records;
      // replayed at the ring positions the uninterrupted run had them, so the tail means sum in the same order
      records.forEach((r, i) => runner.stats[i].push([...Array<StepRecord>(r.length === keep ? loaded.step % keep : 0).fill(r[0]), ...r]));
      io.err(`# resumed from ${resume} at step ${loaded.step}`);
    }
    const start = runner.stepCount;
    const at = evaluationSteps(total, evalEvery).filter((s) => s > start);
    if (at.length === 0) at.push(start);
    const progress = new ProgressReporter(sweepTarget(runner, chunk, config.pairs, records, keep), config, total, at, io.err);
    for (const [k, step] of at.entries()) {
      const n = step - runner.stepCount;
      const stepsPerSec = n > 0 ? (await progress.train(n, k, signal)).stepsPerSec : null;
      const partial = signal.aborted;
      if (partial) io.err(`# interrupted at step ${runner.stepCount}: evaluating what has trained`);
      const results = await progress.evaluate(() => runner.evaluate(), k);
      const rows = results.map((r, i): Record<string, Cell> => ({ ...metricRow(r.metrics, runner.stats[i].last, stepsPerSec), ...identities[i], lossTail: r.loss, gradVarTail: r.gradVar, partial }));
      // σ by σ: its seeds' rows, then (with --seeds) their mean and std
      for (let j = 0; j < sigmaCount; j++) {
        const group = rows.filter((_, i) => i % sigmaCount === j);
        for (const row of group) writer.write(row);
        if (seeds > 1) for (const row of summaryRows(group, SWEEP_KEYS)) writer.write(row);
      }
      if (resume !== null) await saveSweepState(resume, command, trainers, configs, records);
      if (partial) {
        io.err(resume !== null ? `# saved the state in ${resume}: the same command continues from step ${runner.stepCount}` : '# to continue an interrupted sweep later, give --resume DIR');
        return EXIT.interrupted;
      }
    }
    job.comment(`# ${runner.sigmas.length} models (${sigmaCount} σ × ${seeds} seed${seeds > 1 ? 's' : ''}) × ${total} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${job.engine.device}${job.engine.gpu ? (parts.length > 1 ? `, ${parts.length} batched runs in turn (${MAX_MODELS} models each at most)` : ', one batched run') : ''}`);
    return EXIT.ok;
  });
}
