// `flowvar run` of a compare link (`compare=<key>[:<value>]`, src/link/compareParam.ts): runs A
// and B trained in lockstep (src/engine/compare.ts), one row per run per evaluation, each labelled
// with its run and its own link, so each row equals `flowvar run` of that link. The trainers come
// from the one engine factory (src/cli/engine.ts): on the CPU the WebAssembly kernel; on the GPU
// a σ compare is one batched run (GpuBatchedCompare), any other setting two GPU trainers.
import type { RunConfig } from '../engine/runConfig';
import type { StepRecord, TrainSnapshot } from '../engine/trainer';
import { compareConfigs, runTag, PairedCompare, type CompareEngine, type CompareSetting } from '../engine/compare';
import { encodeConfig } from '../link/url';
import { formatCompare } from '../link/compareParam';
import { metricRow, METRIC_KEYS, ROW_KEYS, runIdentity } from './rows';
import type { Engine } from './engine';
import { evaluationSteps, EXIT, type Io, type JobScope } from './common';
import { openJob } from './job';
import type { RunOptions } from './run';
import { ProgressReporter, type ProgressTarget } from './progress';
import { english } from '../i18n/message';

/** The lockstep engine of `configs` on `engine`. */
export async function createCompareEngine(engine: Engine, configs: readonly [RunConfig, RunConfig], setting: CompareSetting, io: Io): Promise<CompareEngine> {
  if (engine.gpu === null) return PairedCompare.create(configs, engine.trainer);
  const { GpuBatchedCompare, batchableCompare, pairedNotice } = await import('../engine/gpuCompare');
  if (batchableCompare(setting.key)) return engine.own(await GpuBatchedCompare.create(engine.gpu.device, configs, engine.gpu.shaders));
  io.err(`# ${english(pairedNotice(setting.key))}`);
  return PairedCompare.create(configs, engine.trainer, pairedNotice(setting.key));
}

/** The compare seen by the progress lines: one step() advances both runs and keeps their last records. */
function progressTarget(engine: CompareEngine, last: [StepRecord | null, StepRecord | null]): ProgressTarget {
  return {
    get stepCount() { return engine.stepCount; },
    get pairs() { return engine.pairs[0]; },
    async step(n: number): Promise<TrainSnapshot> {
      const snaps = await engine.step(n);
      snaps.forEach((s, i) => { last[i] = s.records.at(-1) ?? last[i]; });
      return snaps[0];
    },
  };
}

/** Trains both runs to o.steps, evaluating at the evaluation steps; prints two rows per evaluation (A then B). */
export async function runCompare(o: RunOptions, setting: CompareSetting, headerFlags: readonly (string | number)[], io: Io, { signal, own }: JobScope): Promise<number> {
  const config = o.link.config;
  const configs = compareConfigs(config, setting);
  const tags = configs.map((c) => runTag(setting.key, c));
  const job = own(await openJob('run', `${encodeConfig(config)}&compare=${formatCompare(setting)}`, headerFlags, { ...o, corrections: o.link.corrections.length }, io));
  const engine = await createCompareEngine(job.engine, configs, setting, io);
  job.comment(`# runs ${tags.join(' and ')}; ${engine.pairs[0].n} pairs; ${engine.batched ? 'one batched GPU run' : 'two trainers in lockstep'}`);
  const writer = job.writer(ROW_KEYS, [...METRIC_KEYS, 'run']);
  const identities = configs.map((c, i) => runIdentity(c, tags[i], job.source));
  const last: [StepRecord | null, StepRecord | null] = [null, null];
  const at = evaluationSteps(o.steps, o.evalEvery);
  const progress = new ProgressReporter(progressTarget(engine, last), config, o.steps, at, io.err);
  for (const [k, step] of at.entries()) {
    const n = step - engine.stepCount;
    const stepsPerSec = n > 0 ? (await progress.train(n, k, signal)).stepsPerSec : null;
    const evaluations = await progress.evaluate(() => engine.evaluate(), k);
    evaluations.forEach(({ metrics }, i) => writer.write({ ...metricRow(metrics, last[i], stepsPerSec), ...identities[i] }));
    if (signal.aborted) return EXIT.interrupted;
  }
  return EXIT.ok;
}
