// GpuTrainer: the Trainer of src/engine/trainer.ts on WebGPU, with the kernels of shaders/: one
// model on a GpuRun (src/engine/gpuRun.ts holds the buffers, the step encoding and readbacks).
// Shader texts come in as an argument: the browser passes the Vite ?raw imports
// (src/engine/shaderSources.ts), Node the files read with fs (src/node/shaderSources.ts).
import type { RunConfig } from './runConfig';
import type { Evaluation, IntegrateRequest, LiveSettings, Trainer, TrainSnapshot, Trajectories } from './trainer';
import { fullTrainState, type TrainState } from './trainState';
import type { ShaderSources } from './gpuShaders';
import { makePairs, type PairSet } from '../math/couplings';
import { initParams } from '../math/mlp';
import { effectiveSigma, mlpShape, worldSpec } from './world';
import { evaluationOf } from './measure';
import { GpuRun, type GpuRunOptions, type RunCounters, type RunModel } from './gpuRun';
import type { PathChoice } from './gpuPathProbe';
import type { NetPlan } from './gpuLayout';
import { probeCapabilities, type GpuCapabilities } from './gpu';
import { GpuRunOwner } from './gpuRunOwner';

export interface GpuTrainerOptions extends GpuRunOptions {
  /** adapter, for the device name and capability report */
  adapter?: GPUAdapter;
  /**
   * θ and Adam's moments are read back (in the background) when this many steps passed since the
   * last read, so a lost device leaves a recent train state in lastWeights(); 0 disables it. Default 1000.
   */
  weightsEvery?: number;
}

/** Applies LiveSettings to a config, skipping undefined values. */
export function withLive(config: RunConfig, settings: Partial<LiveSettings>): RunConfig {
  const next = { ...config };
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** A model of a run by its σ and seed (startRun makes its pairs and initial weights). */
export interface ModelKey {
  sigma: number;
  seed: number;
}

/**
 * A GpuRun of the given models, each with the pairs and initial weights of its seed (as a run of
 * `config` with that seed makes them) uploaded: what GpuTrainer (one model) and GpuSweepTrainer
 * (σ grid × seeds) both start from. `initial` holds each model's weights.
 */
export async function startRun(device: GPUDevice, config: RunConfig, keys: readonly ModelKey[], shaders: ShaderSources, options: GpuRunOptions): Promise<{ run: GpuRun; initial: Float32Array[] }> {
  const bySeed = new Map<number, { pairs: PairSet; theta: Float32Array }>();
  for (const { seed } of keys) {
    if (!bySeed.has(seed)) bySeed.set(seed, { pairs: makePairs(worldSpec({ ...config, seed }), seed), theta: initParams(mlpShape(config), seed) });
  }
  const models = keys.map((k): RunModel => ({ ...k, pairs: bySeed.get(k.seed)!.pairs }));
  const initial = keys.map((k) => bySeed.get(k.seed)!.theta);
  const run = await GpuRun.create(device, config, models, shaders, options);
  run.setWeights(initial, 0);
  return { run, initial };
}

export class GpuTrainer extends GpuRunOwner implements Trainer {
  readonly kind = 'gpu' as const;
  readonly deviceName: string;
  readonly capabilities: GpuCapabilities | null;
  private lastWeightsCopy: Required<TrainState> | null = null;
  private readonly weightsEvery: number;

  private constructor(run: GpuRun, config: RunConfig, initial: readonly Float32Array[], options: GpuTrainerOptions) {
    super(run, config, initial);
    this.weightsEvery = Math.max(0, Math.floor(options.weightsEvery ?? 1000));
    const adapter = options.adapter;
    this.capabilities = adapter ? probeCapabilities(adapter) : null;
    this.deviceName = this.capabilities ? `${this.capabilities.description} (WebGPU)` : 'WebGPU device';
  }

  /** Compiles (or reuses) the kernels of `device`, uploads the pairs and the initial weights. */
  static async create(device: GPUDevice, config: RunConfig, shaders: ShaderSources, options: GpuTrainerOptions = {}): Promise<GpuTrainer> {
    const { run, initial } = await startRun(device, config, [{ sigma: effectiveSigma(config), seed: config.seed }], shaders, options);
    return new GpuTrainer(run, config, initial, options);
  }

  /** the run's dispatch plan (sizes, offsets, dW split) */
  get plan(): NetPlan { return this.run.plan; }
  /** dispatches per training step (tiled path 4, loop path 1 / stepsPerSubmit) */
  get dispatchesPerStep(): number { return this.run.dispatchesPerStep; }
  /** what the 'auto' path probe measured (null: not probed) */
  get pathChoice(): PathChoice | null { return this.run.pathChoice; }
  /** dispatches and submits encoded over the steps taken */
  get counters(): Readonly<RunCounters> { return this.run.counters; }

  async step(n: number): Promise<TrainSnapshot> {
    const pending = this.run.step(n);
    const since = this.stepCount - (this.lastWeightsCopy?.step ?? 0);
    // background copy, after the steps just queued; a failure here also reaches onError through the run
    if (this.weightsEvery > 0 && since >= this.weightsEvery) this.trainState().catch((e: unknown) => console.warn('flowvar: background weights copy failed:', e));
    const p = await pending;
    return { step: p.step, records: p.records[0], gradVarByT: p.bins[0] };
  }

  setLive(settings: Partial<LiveSettings>): void {
    this.config = withLive(this.config, settings);
    this.run.setLive(this.config, [effectiveSigma(this.config)]);
  }

  async integrate(req: IntegrateRequest): Promise<Trajectories> {
    return (await this.run.integrate(req))[0];
  }

  async evaluate(): Promise<Evaluation> {
    const config = this.config, pairs = this.pairs;
    const { step, train, fresh } = await this.evaluationPaths([config]);
    return evaluationOf(step, config, pairs, train[0], fresh[0]);
  }

  /** θ alone (read with the moments, so it refreshes lastWeights() too). */
  async weights(): Promise<Float32Array> {
    return (await this.trainState()).theta;
  }

  /** θ, Adam's moments and the step, in one readback; kept as lastWeights(). */
  async trainState(): Promise<Required<TrainState>> {
    const [state] = await this.run.trainStates();
    this.lastWeightsCopy = state;
    return fullTrainState(state, state.theta.length);
  }

  /** The last train state read back by trainState(), e.g. to restart on the CPU after a device loss. */
  lastWeights(): Required<TrainState> | null {
    return this.lastWeightsCopy ? fullTrainState(this.lastWeightsCopy, this.lastWeightsCopy.theta.length) : null;
  }

  /** Continue from a train state (absent moments zeroed), like CpuTrainer.setWeights. */
  setWeights(state: TrainState): void {
    this.run.setWeights(state.theta, state.step, state);
  }


  /** Resolves once in-flight work settled and the buffers are destroyed (GpuRun.dispose). */
  dispose(): Promise<void> {
    return this.run.dispose();
  }
}
