// GpuSweepTrainer: the σ sweep of docs/design.md#panels as one batched run: M models, each (σ, seed),
// trained side by side, every dispatch covering all models (workgroup_id.z = model). Models of one
// seed share its pairs, initial weights and batches (t, pair index, ε), so within a seed σ is the
// only difference; each model trains what a single run of its (σ, seed) trains. Per step the
// dispatch count is that of a single model (4 on the tiled path, one per submit on the loop path);
// the readback is 32 bytes per step and model.
import { RUN_CONFIG_FIELDS, SIGMA_RANGE, sigmaInRange, type RunConfig } from './runConfig';
import type { Evaluation, IntegrateRequest, LiveSettings, TrainSnapshot, Trajectories } from './trainer';
import type { ShaderSources } from './gpuShaders';
import { evaluationOf } from './measure';
import { sweepConfig } from './sweep';
import { GpuRun, type GpuRunOptions } from './gpuRun';
import { MAX_MODELS } from './gpuLayout';
import { startRun, withLive, type ModelKey } from './gpuTrainer';
import { GpuRunOwner } from './gpuRunOwner';

export class GpuSweepTrainer extends GpuRunOwner {
  /** σ of each model, in model order */
  readonly sigmas: readonly number[];
  /** seed of each model, in model order */
  readonly seeds: readonly number[];

  private constructor(run: GpuRun, config: RunConfig, keys: readonly ModelKey[], initial: readonly Float32Array[]) {
    super(run, config, initial);
    this.sigmas = keys.map((k) => k.sigma);
    this.seeds = keys.map((k) => k.seed);
  }

  /** One model per σ (1 … MAX_MODELS values, each in SIGMA_RANGE), all on config.seed. */
  static create(device: GPUDevice, config: RunConfig, sigmas: readonly number[], shaders: ShaderSources, options: GpuRunOptions = {}): Promise<GpuSweepTrainer> {
    return GpuSweepTrainer.createModels(device, config, sigmas.map((sigma) => ({ sigma, seed: config.seed })), shaders, options);
  }

  /**
   * One model per (σ, seed) (1 … MAX_MODELS). Model m uses modelConfig(m): config on its seed, through
   * sweepConfig (a deterministic interpolant becomes constant-σ, so σ is the only difference
   * between the models of one seed).
   */
  static async createModels(device: GPUDevice, config: RunConfig, keys: readonly ModelKey[], shaders: ShaderSources, options: GpuRunOptions = {}): Promise<GpuSweepTrainer> {
    if (keys.length < 1 || keys.length > MAX_MODELS) throw new Error(`invalid models: ${keys.length} (1 to ${MAX_MODELS})`);
    const bad = keys.find((k) => !sigmaInRange(k.sigma));
    if (bad !== undefined) throw new Error(`invalid sigma: ${bad.sigma} (${SIGMA_RANGE.min} to ${SIGMA_RANGE.max})`);
    const { min, max } = RUN_CONFIG_FIELDS.seed;
    const badSeed = keys.find((k) => !(Number.isInteger(k.seed) && k.seed >= min && k.seed <= max));
    if (badSeed !== undefined) throw new Error(`invalid seed: ${badSeed.seed} (${min} to ${max})`);
    const base = sweepConfig({ ...config, seed: keys[0].seed }, keys[0].sigma);
    const { run, initial } = await startRun(device, base, keys, shaders, options);
    return new GpuSweepTrainer(run, base, keys, initial);
  }

  get models(): number { return this.sigmas.length; }

  /** The configuration model m trains with. */
  modelConfig(m: number): RunConfig {
    return sweepConfig({ ...this.config, seed: this.seeds[m] }, this.sigmas[m]);
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

  /** Every model's evaluation (one integration pass over all models, each from its seed's points), in model order. */
  async evaluate(): Promise<Evaluation[]> {
    const configs = this.sigmas.map((_, m) => this.modelConfig(m));
    const pairs = configs.map((_, m) => this.run.pairsOf(m));
    const { step, train, fresh } = await this.evaluationPaths(configs);
    return configs.map((c, m) => evaluationOf(step, c, pairs[m], train[m], fresh[m]));
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
