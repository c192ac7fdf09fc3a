// `flowvar sweep`: one model per σ on a share link's configuration (same pairs, init and batches),
// trained side by side; prints one row per σ at every evaluation as it is made
// (docs/cli.md#flowvar-sweep). SIGINT or SIGTERM evaluates what has trained, prints it marked partial, exit 130.
import { encodeConfig } from '../link/url';
import { GpuSweepEngine } from '../engine/gpuSweepEngine';
import { SIGMA_RANGE, sigmaInRange, type RunConfig } from '../engine/runConfig';
import { cleanSigmas, DEFAULT_SIGMAS, sweepConfig, SweepRunner, tailWindow, type SweepEngine } from '../engine/sweep';
import type { StepRecord, TrainSnapshot } from '../engine/trainer';
import { COMMON_FLAGS, commandLine, countFlag, engineFlag, evaluationSteps, EXIT, parseCommand, readLink, runFailed, stdio, totalSteps, UsageError, type FlagSpec, type Io } from './common';
import { metricRow, METRIC_KEYS, outputFlags, ROW_KEYS, runIdentity, type Cell } from './rows';
import { openJob, type Job } from './job';

import { ProgressReporter, type ProgressTarget } from './progress';
import { interruptSignal } from './interrupt';
import { hasSweepState, loadSweepState, saveSweepState } from './sweepState';

export const SWEEP_USAGE = `Usage:
  flowvar sweep "<link>" [--sigmas 0,1e-3,…] [--steps N] [--eval-every K] [--engine cpu|gpu] [--chunk K]
                [--json | --csv] [--out FILE] [--strict] [--resume DIR]

Trains one model per σ on the link's configuration, the same pairs, initial weights and batches,
stepped round-robin K steps at a time, and prints one row per σ at every evaluation. Each row is
the row of \`flowvar run\` of its own link (same keys, same numbers), then lossTail and gradVarTail:
the means of loss and gradVar over the last 10 % of the steps trained.
  --sigmas LIST     comma-separated σ values in [${SIGMA_RANGE.min}, ${SIGMA_RANGE.max}] (default ${DEFAULT_SIGMAS.join(',')})
  --steps N         train the first N steps of the link's run (default: the link's steps); the
                    learning-rate schedule still spans the link's steps, as in flowvar run
  --eval-every K    evaluate every K steps as well as at the end: per-σ learning curves
  --engine cpu|gpu  cpu (default): one model after another on the WebAssembly SIMD kernel;
                    gpu: every σ model in one batched GPU run through Dawn
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
  resume: { type: 'string' },
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

/** Every σ model on the job's engine: one batched run on the GPU, one trainer per σ on the CPU. */
async function sweepEngine(job: Job, config: RunConfig, sigmas: readonly number[], total: number): Promise<SweepEngine> {
  const { engine } = job;
  if (engine.gpu) return engine.own(await GpuSweepEngine.create(engine.gpu.device, config, sigmas, engine.gpu.shaders, {}, total));
  return SweepRunner.create(config, sigmas, engine.trainer, total);
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
    return { ...output, engine, sigmas, chunk, evalEvery, link, resume, total: totalSteps(values.steps as string | undefined, link.config.steps) };
  });
  if (typeof parsed === 'number') return parsed;
  const { link: { config }, sigmas, total, chunk, evalEvery, resume } = parsed;
  const interrupt = interruptSignal();
  let job: Job | null = null;
  const t0 = performance.now();
  try {
    const headerFlags = ['--sigmas', sigmas.join(','), '--steps', total, ...(evalEvery !== null ? ['--eval-every', evalEvery] : []), '--engine', parsed.engine];
    const command = commandLine('sweep', encodeConfig(config), headerFlags);
    const resuming = resume !== null && hasSweepState(resume);
    job = await openJob('sweep', encodeConfig(config), [...headerFlags, ...(resume !== null ? ['--resume', resume] : [])], { ...parsed, corrections: parsed.link.corrections.length, append: resuming }, io);
    const runner = await sweepEngine(job, config, sigmas, total);
    const configs = runner.sigmas.map((s) => sweepConfig(config, s));
    const identities = configs.map((c, i) => runIdentity(c, `sigma=${runner.sigmas[i]}`, job!.source));
    const writer = job.writer(SWEEP_KEYS, [...METRIC_KEYS, 'lossTail', 'gradVarTail', 'run']);
    const keep = tailWindow(total);
    let records: StepRecord[][] = runner.sigmas.map(() => []);
    const trainers = runner instanceof SweepRunner ? runner.sigmas.map((_, i) => runner.trainer(i)) : [];
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
      const stepsPerSec = n > 0 ? (await progress.train(n, k, interrupt.signal)).stepsPerSec : null;
      const partial = interrupt.signal.aborted;
      if (partial) io.err(`# interrupted at step ${runner.stepCount}: evaluating what has trained`);
      const results = await progress.evaluate(() => runner.evaluate(), k);
      results.forEach((r, i) => {
        const row: Record<string, Cell> = { ...metricRow(r.metrics, runner.stats[i].last, stepsPerSec), ...identities[i], lossTail: r.loss, gradVarTail: r.gradVar, partial };
        writer.write(row);
      });
      if (resume !== null) await saveSweepState(resume, command, trainers, configs, records);
      if (partial) {
        io.err(resume !== null ? `# saved the state in ${resume}: the same command continues from step ${runner.stepCount}` : '# to continue an interrupted sweep later, give --resume DIR');
        return EXIT.interrupted;
      }
    }
    job.comment(`# ${runner.sigmas.length} models × ${total} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${job.engine.device}${job.engine.gpu ? ', one batched run' : ''}`);
    return EXIT.ok;
  } catch (e) {
    return runFailed('sweep', e, io);
  } finally {
    interrupt.dispose();
    job?.close();
  }
}
