// Picks the compare engine for the page (src/engine/compare.ts): on the GPU a σ compare is one
// batched run (GpuBatchedCompare), any other setting two GpuTrainers with a notice saying so; on
// the CPU two Worker trainers stepped together. A GPU failure falls back to the CPU and says why.
import type { RunConfig } from './runConfig';
import type { EngineKind } from './trainer';
import { PairedCompare, type CompareEngine, type CompareKey } from './compare';
import { WorkerTrainer } from './workerTrainer';
import { context, type EnginePreference } from './createTrainer';
import type { Message } from '../i18n/message';

export interface CompareHandle {
  engine: CompareEngine;
  kind: EngineKind;
  /** why the runs are not one batched GPU run (paired GPU trainers, or a CPU fallback); null if they are or the CPU was asked for */
  notice: Message | null;
}

/** Called once with the first failure of either run outside a request: a lost GPU device, a dead CPU worker. */
export type CompareFailure = (message: string) => void;

async function createGpuCompare(configs: readonly [RunConfig, RunConfig], key: CompareKey, onFailure: CompareFailure): Promise<CompareHandle> {
  const ctx = await context();
  const [{ GpuBatchedCompare, batchableCompare, pairedNotice }, { GpuTrainer }, { SHADER_SOURCES }] = await Promise.all([
    import('./gpuCompare'), import('./gpuTrainer'), import('./shaderSources'),
  ]);
  if (batchableCompare(key)) {
    const engine = await GpuBatchedCompare.create(ctx.device, configs, SHADER_SOURCES);
    engine.onError = (f) => onFailure(f.message);
    return { engine, kind: 'gpu', notice: null };
  }
  const notice = pairedNotice(key);
  const engine = await PairedCompare.create(configs, async (c) => {
    const trainer = await GpuTrainer.create(ctx.device, c, SHADER_SOURCES, { adapter: ctx.adapter });
    trainer.onError = (f) => onFailure(f.message);
    return trainer;
  }, notice);
  return { engine, kind: 'gpu', notice };
}

/** The two runs of a compare, GPU first unless the CPU is asked for; never rejects for lack of a GPU. */
export async function createCompare(configs: readonly [RunConfig, RunConfig], key: CompareKey, preference: EnginePreference, onFailure: CompareFailure): Promise<CompareHandle> {
  let notice: Message | null = null;
  if (preference !== 'cpu') {
    try {
      return await createGpuCompare(configs, key, onFailure);
    } catch (err) {
      notice = { key: 'engine.compareOnCpu', values: { detail: err instanceof Error ? err.message : String(err) } };
    }
  }
  const engine = await PairedCompare.create(configs, async (c) => {
    const trainer = await WorkerTrainer.create(c, undefined, configs.length);
    trainer.onFatal = onFailure;
    return trainer;
  });
  return { engine, kind: 'cpu', notice };
}
