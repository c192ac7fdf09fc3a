// `flowvar run` of a compare link (`compare=<key>[:<value>]`, src/link/compareParam.ts): runs A
// and B trained in lockstep (src/engine/compare.ts), one row per run per evaluation, each labelled
// with its run (`run`, the last key). On the GPU a σ compare is one batched run (GpuBatchedCompare);
// any other setting trains two GPU trainers, said on stderr.
import type { RunConfig } from '../engine/runConfig';
import type { StepRecord } from '../engine/trainer';
import { compareConfigs, runTag, PairedCompare, type CompareEngine, type CompareSetting } from '../engine/compare';
import { CpuTrainer } from '../engine/cpuTrainer';
import { encodeConfig } from '../link/url';
import { formatCompare } from '../link/compareParam';
import { compareJsonLine, compareTableHeader, compareTableRow, metricRow } from './format';
import { openNodeGpu } from './engine';
import type { EngineName, RunOptions } from './args';
import type { Io } from './run';

async function gpuCompare(configs: readonly [RunConfig, RunConfig], setting: CompareSetting, io: Io): Promise<{ engine: CompareEngine; close: () => void }> {
  const { device, adapter, shaders } = await openNodeGpu();
  const [{ GpuBatchedCompare, batchableCompare, pairedNotice }, { GpuTrainer }] = await Promise.all([import('../engine/gpuCompare'), import('../engine/gpuTrainer')]);
  let engine: CompareEngine;
  if (batchableCompare(setting.key)) {
    engine = await GpuBatchedCompare.create(device, configs, shaders);
  } else {
    io.err(`# ${pairedNotice(setting.key)}`);
    engine = await PairedCompare.create(configs, (c) => GpuTrainer.create(device, c, shaders, { adapter }), pairedNotice(setting.key));
  }
  return { engine, close: () => { engine.dispose(); device.destroy(); } };
}

/** The lockstep engine of `configs` on the CLI's engine. */
export async function createCompareEngine(kind: EngineName, configs: readonly [RunConfig, RunConfig], setting: CompareSetting, io: Io): Promise<{ engine: CompareEngine; close: () => void }> {
  if (kind === 'gpu') return gpuCompare(configs, setting, io);
  const engine = await PairedCompare.create(configs, (c) => new CpuTrainer(c));
  return { engine, close: () => engine.dispose() };
}

/** Trains both runs to `total`, evaluating at `at` steps; prints two rows per evaluation (A then B). */
export async function runCompare(options: RunOptions, config: RunConfig, setting: CompareSetting, total: number, at: readonly number[], io: Io): Promise<number> {
  const configs = compareConfigs(config, setting);
  const tags = configs.map((c) => runTag(setting.key, c));
  const { engine, close } = await createCompareEngine(options.engine, configs, setting, io);
  try {
    const header = `# flowvar run "${encodeConfig(config)}&compare=${formatCompare(setting)}" --steps ${total} --engine ${options.engine}`;
    if (options.json) io.err(`${header} (runs ${tags.join(', ')}; ${engine.batched ? 'one batched GPU run' : 'two trainers in lockstep'})`);
    else {
      io.out(header);
      io.out(`# runs ${tags.join(' and ')}; ${engine.pairs[0].n} pairs; ${engine.batched ? 'one batched GPU run' : 'two trainers in lockstep'}`);
      io.out(compareTableHeader());
    }
    const last: [StepRecord | null, StepRecord | null] = [null, null];
    for (const step of at) {
      const n = step - engine.stepCount;
      let stepsPerSec: number | null = null;
      if (n > 0) {
        const t0 = performance.now();
        const snaps = await engine.step(n);
        const seconds = (performance.now() - t0) / 1000;
        snaps.forEach((s, i) => { last[i] = s.records.at(-1) ?? last[i]; });
        stepsPerSec = seconds > 0 ? n / seconds : null;
      }
      const evaluations = await engine.evaluate();
      evaluations.forEach(({ metrics }, i) => {
        const row = { ...metricRow(metrics, last[i], stepsPerSec), run: tags[i] };
        io.out(options.json ? compareJsonLine(row) : compareTableRow(row));
      });
    }
    return 0;
  } finally {
    close();
  }
}
