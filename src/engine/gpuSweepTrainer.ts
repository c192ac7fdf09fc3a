// GpuSweepTrainer: the σ sweep of docs/design.md#panels as one batched run: M models (one per σ) trained
// side by side from the same pairs, initial weights and batches (t, pair index, ε shared), every
// dispatch covering all models (workgroup_id.z = model). Per step the dispatch count is that of a
// single model (4 on the tiled path, one per submit on the loop path); the readback is 32 bytes
// per step and model.
import { SIGMA_RANGE, sigmaInRange, type RunConfig } from './runConfig';
import type { Evaluation, IntegrateRequest, LiveSettings, TrainSnapshot, Trajectories } from './trainer';
import type { ShaderSources } from './gpuShaders';
import { evaluationOf } from './measure';
import { sweepConfig } from './sweep';
import { GpuRun, type GpuRunOptions } from './gpuRun';
import { MAX_MODELS } from './gpuLayout';
import { startRun, withLive } from './gpuTrainer';
import { GpuRunOwner } from './gpuRunOwner';

export class GpuSweepTrainer extends GpuRunOwner {
  /** σ of each model, in model order */
  readonly sigmas: readonly number[];

  private constructor(run: GpuRun, config: RunConfig, sigmas: readonly number[], initial: Float32Array) {
    super(run, config, initial);
    this.sigmas = [...sigmas];
  }

  /**
   * One model per σ (1 … MAX_MODELS values, each in SIGMA_RANGE). The models use sweepConfig(config, σ):
   * a deterministic interpolant becomes constant-σ, so σ is the only difference between them.
   */
  static async create(device: GPUDevice, config: RunConfig, sigmas: readonly number[], shaders: ShaderSources, options: GpuRunOptions = {}): Promise<GpuSweepTrainer> {
    if (sigmas.length < 1 || sigmas.length > MAX_MODELS) throw new Error(`invalid sigmas: ${sigmas.length} values (1 to ${MAX_MODELS})`);
    const bad = sigmas.find((s) => !sigmaInRange(s));
    if (bad !== undefined) throw new Error(`invalid sigma: ${bad} (${SIGMA_RANGE.min} to ${SIGMA_RANGE.max})`);
    const base = sweepConfig(config, sigmas[0]);
    const { run, initial } = await startRun(device, base, sigmas, shaders, options);
    return new GpuSweepTrainer(run, base, sigmas, initial);
  }

  get models(): number { return this.sigmas.length; }

  /** The configuration model m trains with. */
  modelConfig(m: number): RunConfig {
    return sweepConfig(this.config, this.sigmas[m]);
  }

  /** n more steps for every model; one snapshot per model, in σ order. */
  async step(n: number): Promise<TrainSnapshot[]> {
    const p = await this.run.step(n);
    return p.records.map((records, m) => ({ step: p.step, records, gradVarByT: p.bins[m] }));
  }

  /** Live settings for all models; `sigma` is ignored (each model keeps its σ). */
  setLive(settings: Partial<LiveSettings>): void {
    const { sigma: _sigma, ...rest } = settings;
    this.config = sweepConfig(withLive(this.config, rest), this.sigmas[0]);
    this.run.setLive(this.config, this.sigmas);
  }

  /** Paths of every model from the same start points. */
  integrate(req: IntegrateRequest): Promise<Trajectories[]> {
    return this.run.integrate(req);
  }

  /** Every model's evaluation (one integration pass over all models), in σ order. */
  async evaluate(): Promise<Evaluation[]> {
    const { step, pairs, train, fresh } = await this.evaluationPaths();
    return this.sigmas.map((_, m) => evaluationOf(step, this.modelConfig(m), pairs, train[m], fresh[m]));
  }

  /** θ of every model. */
  weights(): Promise<Float32Array[]> {
    return this.run.weights();
  }

  /** Sets θ (one array for all models, or one per model); moments zeroed; step = `step`. */
  setWeights(theta: Float32Array | readonly Float32Array[], step: number): void {
    this.run.setWeights(theta, step);
  }

  dispose(): void {
    this.run.dispose();
  }
}
