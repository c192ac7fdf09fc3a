// Compare mode on the GPU as one batched run: both models in one GpuSweepTrainer, so each training
// dispatch covers A and B (workgroup_id.z = model) from the same pairs, weights and batches. The
// sweep run differs per model in σ only; a compare of any other setting (width changes the weight
// shapes; interpolant, lr and φ are shared by the run) takes two GpuTrainers instead (PairedCompare).
import type { RunConfig } from './runConfig';
import type { Evaluation, TrainSnapshot } from './trainer';
import type { ShaderSources } from './gpuShaders';
import type { GpuRunOptions } from './gpuRun';
import type { GpuFailure } from './gpu';
import { effectiveSigma } from './world';
import { GpuSweepTrainer } from './gpuSweepTrainer';
import type { CompareEngine, CompareKey } from './compare';
import type { Message } from '../i18n/message';

/** True when the batched run can train the compare of `key` (the models differ in σ only). */
export function batchableCompare(key: CompareKey): boolean {
  return key === 'sigma';
}

/** Why a compare of `key` runs as two GPU trainers (shown on the page). */
export function pairedNotice(key: CompareKey): Message {
  return key === 'width' ? { key: 'engine.pairedWidth' } : { key: 'engine.paired', values: { key } };
}

export class GpuBatchedCompare implements CompareEngine {
  readonly batched = true;
  readonly notice = null;
  /** called once with the first GPU failure */
  onError: ((failure: GpuFailure) => void) | null = null;

  private constructor(readonly configs: readonly [RunConfig, RunConfig], private readonly sweep: GpuSweepTrainer) {
    sweep.onError = (f) => this.onError?.(f);
  }

  /** `configs` must differ in σ only (batchableCompare); the models keep the given order. */
  static async create(device: GPUDevice, configs: readonly [RunConfig, RunConfig], shaders: ShaderSources, options: GpuRunOptions = {}): Promise<GpuBatchedCompare> {
    const sigmas = configs.map(effectiveSigma);
    const sweep = await GpuSweepTrainer.create(device, configs[0], sigmas, shaders, options);
    return new GpuBatchedCompare(configs, sweep);
  }

  get stepCount(): number { return this.sweep.stepCount; }
  get pairs(): [GpuSweepTrainer['pairs'], GpuSweepTrainer['pairs']] { return [this.sweep.pairs, this.sweep.pairs]; }

  async step(n: number): Promise<[TrainSnapshot, TrainSnapshot]> {
    const [a, b] = await this.sweep.step(n);
    return [a, b];
  }

  async evaluate(): Promise<[Evaluation, Evaluation]> {
    const [a, b] = await this.sweep.evaluate();
    return [a, b];
  }

  async weights(): Promise<[Float32Array, Float32Array]> {
    const [a, b] = await this.sweep.weights();
    return [a, b];
  }

  reset(): void { this.sweep.reset(); }
  dispose(): void { this.sweep.dispose(); }
}
