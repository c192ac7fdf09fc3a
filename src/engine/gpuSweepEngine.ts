// The σ sweep on the GPU as a SweepEngine: every model in one GpuSweepTrainer, so each training
// dispatch covers all M models (docs/design.md#panels) instead of M trainers stepped in turn.
import type { RunConfig } from './runConfig';
import type { ShaderSources } from './gpuShaders';
import type { GpuRunOptions } from './gpuRun';
import { cleanSigmas, SweepModelStats, tailWindow, type SweepEngine, type SweepProgress, type SweepResult } from './sweep';
import { GpuSweepTrainer } from './gpuSweepTrainer';

export class GpuSweepEngine implements SweepEngine {
  readonly stats: SweepModelStats[];

  private constructor(readonly sigmas: readonly number[], private readonly trainer: GpuSweepTrainer, tail: number) {
    this.stats = sigmas.map((s) => new SweepModelStats(s, tail));
  }

  static async create(device: GPUDevice, base: RunConfig, sigmas: readonly number[], shaders: ShaderSources, options: GpuRunOptions = {}, tailSteps = base.steps): Promise<GpuSweepEngine> {
    const list = cleanSigmas(sigmas);
    const trainer = await GpuSweepTrainer.create(device, base, list, shaders, options);
    return new GpuSweepEngine(list, trainer, tailWindow(tailSteps));
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
