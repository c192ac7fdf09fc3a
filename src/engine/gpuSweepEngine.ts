// The σ sweep on the GPU as a SweepEngine: every model, σ grid × seeds, in one GpuSweepTrainer, so
// each training dispatch covers all of them (docs/design.md#panels) instead of a trainer per model
// or a batched run per seed stepped in turn. One run holds at most MAX_MODELS models: callers cut
// more seeds into rounds of seedsPerRun() seeds.
import type { RunConfig } from './runConfig';
import { seedConfigs } from './runConfig';
import type { ShaderSources } from './gpuShaders';
import type { GpuRunOptions } from './gpuRun';
import { MAX_MODELS } from './gpuLayout';
import { cleanSigmas, SweepModelStats, tailWindow, type SweepEngine, type SweepProgress, type SweepResult } from './sweep';
import { GpuSweepTrainer } from './gpuSweepTrainer';

/** Whole seeds (each its σ grid) one batched run holds: as many as fit `cap` models, at least one. */
export function seedsPerRun(sigmaCount: number, cap = MAX_MODELS): number {
  return Math.max(1, Math.floor(cap / Math.max(1, sigmaCount)));
}

export class GpuSweepEngine implements SweepEngine {
  readonly stats: SweepModelStats[];

  private constructor(readonly sigmas: readonly number[], readonly seeds: readonly number[], private readonly trainer: GpuSweepTrainer, tail: number) {
    this.stats = sigmas.map((s) => new SweepModelStats(s, tail));
  }

  /**
   * The cleaned σ grid on `seeds` seeds from base.seed on (seedConfigs), seed-major: model m is
   * seed m ÷ |σ|, σ m mod |σ|. Throws when that exceeds MAX_MODELS models.
   */
  static async create(device: GPUDevice, base: RunConfig, sigmas: readonly number[], shaders: ShaderSources, options: GpuRunOptions = {}, tailSteps = base.steps, seeds = 1): Promise<GpuSweepEngine> {
    const list = cleanSigmas(sigmas);
    const keys = seedConfigs(base, Math.max(1, Math.floor(seeds))).flatMap((c) => list.map((sigma) => ({ sigma, seed: c.seed })));
    const trainer = await GpuSweepTrainer.createModels(device, base, keys, shaders, options);
    return new GpuSweepEngine(keys.map((k) => k.sigma), keys.map((k) => k.seed), trainer, tailWindow(tailSteps));
  }

  get stepCount(): number {
    return this.trainer.stepCount;
  }

  async step(n: number): Promise<SweepProgress> {
    const snaps = await this.trainer.step(n);
    snaps.forEach((snap, i) => this.stats[i].push(snap.records));
    return { step: this.stepCount, models: snaps.map((snap, i) => ({ sigma: this.sigmas[i], step: snap.step, records: snap.records })) };
  }

  async evaluate(): Promise<SweepResult[]> {
    const evaluations = await this.trainer.evaluate();
    return evaluations.map(({ metrics }, i) => ({
      sigma: this.sigmas[i], metrics, gradVar: this.stats[i].gradVarTail.mean(), loss: this.stats[i].lossTail.mean(),
    }));
  }

  dispose(): void {
    this.trainer.dispose();
  }
}
