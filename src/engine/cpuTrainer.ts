// CpuTrainer: the CPU engine for Node (CLI, tests) and the browser's Worker. Training steps run in
// the WebAssembly SIMD kernel when the runtime provided one (src/engine/wasm/mlpKernel.ts), else in
// the plain-TS reference of src/math/ (the kernel's test oracle).
import type { RunConfig } from './runConfig';
import type { Evaluation, IntegrateRequest, LiveSettings, StepRecord, Trainer, TrainSnapshot, Trajectories } from './trainer';
import { fullTrainState, type TrainState } from './trainState';
import { makePairs, type PairSet } from '../math/couplings';
import { initParams, mlpLayout, velocity, type MlpShape } from '../math/mlp';
import { sampleBatch, type Batch } from '../math/batch';
import { batchGradient } from '../math/trainStep';
import { adamUpdate, learningRate, ADAM_DEFAULTS, type AdamSettings } from '../math/adam';
import { integrate, type Field } from '../math/ode';
import { T_BINS } from '../math/metrics';
import { effectiveSigma, mlpShape, worldSpec } from './world';
import { evaluationOf, evaluationRequests } from './measure';
import { currentMlpKernel, type MlpKernel } from './wasm/mlpKernel';
import { WasmMlp, type StepStats } from './wasm/wasmMlp';

export class CpuTrainer implements Trainer {
  readonly kind = 'cpu' as const;
  readonly deviceName: string;
  private config: RunConfig;
  private readonly shape: MlpShape;
  private readonly initial: Float32Array;
  private theta: Float32Array;
  private m: Float32Array;
  private v: Float32Array;
  private pending: StepRecord[] = [];
  private lastBins: number[] = new Array(T_BINS).fill(NaN);
  /** the WebAssembly kernel's copy of the model, or null: the src/math/ reference trains */
  private readonly wasm: WasmMlp | null;
  pairs: PairSet;
  stepCount = 0;

  constructor(config: RunConfig, kernel: MlpKernel | null = currentMlpKernel()) {
    this.config = { ...config };
    this.shape = mlpShape(config);
    this.wasm = kernel ? new WasmMlp(kernel.create(this.shape, config.batch), this.shape, config.batch) : null;
    this.deviceName = `CPU (${kernel ? kernel.label : 'JavaScript'})`;
    this.pairs = makePairs(worldSpec(config), config.seed);
    this.initial = initParams(this.shape, config.seed);
    this.theta = this.initial.slice();
    const count = mlpLayout(this.shape).paramCount;
    this.m = new Float32Array(count);
    this.v = new Float32Array(count);
  }

  /** Synchronous n steps (the Worker and the CLI call this directly). */
  stepSync(n: number): TrainSnapshot {
    const c = this.config;
    this.wasm?.load(this.theta, this.m, this.v);
    for (let k = 0; k < n; k++) {
      const sigma = effectiveSigma(c);
      const batch = sampleBatch(this.pairs, { seed: c.seed, step: this.stepCount, size: c.batch, kind: c.interpolant, sigma, fourier: c.fourier });
      const last = k === n - 1;
      const adam = { lr: learningRate(c.lr, this.stepCount, c.warmup, c.schedule, c.steps), weightDecay: c.weightDecay, ...ADAM_DEFAULTS };
      const g = this.trainStep(batch, last, adam);
      this.stepCount++;
      this.pending.push({ step: this.stepCount, loss: g.loss, gradVar: g.gradVar, meanGradNormSq: g.meanGradNormSq, sigma });
      if (g.gradVarByT) this.lastBins = Array.from(g.gradVarByT);
    }
    this.wasm?.store(this.theta, this.m, this.v);
    return this.takeSnapshot();
  }

  /** batchGradient() and one Adam update, in the WebAssembly kernel when there is one. */
  private trainStep(batch: Batch, withBins: boolean, adam: AdamSettings): StepStats {
    if (this.wasm) return this.wasm.step(batch, withBins, this.stepCount + 1, adam);
    const g = batchGradient(this.shape, this.theta, batch, withBins);
    adamUpdate(this.theta, this.m, this.v, g.grad, this.stepCount + 1, adam);
    return g;
  }

  private takeSnapshot(): TrainSnapshot {
    const records = this.pending;
    this.pending = [];
    return { step: this.stepCount, records, gradVarByT: [...this.lastBins] };
  }

  step(n: number): Promise<TrainSnapshot> {
    return Promise.resolve(this.stepSync(n));
  }

  setLive(settings: Partial<LiveSettings>): void {
    this.config = { ...this.config, ...settings };
  }

  private field(): Field {
    const wasm = this.wasm;
    if (wasm) return (xy, t, n) => wasm.velocity(this.theta, xy, t, n);
    return (xy, t, n) => velocity(this.shape, this.theta, xy, t, n);
  }

  integrateSync(req: IntegrateRequest): Trajectories {
    const res = integrate(this.field(), Float64Array.from(req.start), req.count, {
      method: req.method, steps: req.steps, direction: req.direction, keepPath: true,
    });
    return { count: req.count, states: req.steps + 1, path: res.path };
  }

  integrate(req: IntegrateRequest): Promise<Trajectories> {
    return Promise.resolve(this.integrateSync(req));
  }

  evaluateSync(): Evaluation {
    const started = performance.now();
    const req = evaluationRequests(this.config, this.pairs);
    const evaluation = evaluationOf(this.stepCount, this.config, this.pairs, this.integrateSync(req.train), this.integrateSync(req.fresh));
    return { ...evaluation, computeMs: performance.now() - started };
  }

  evaluate(): Promise<Evaluation> {
    return Promise.resolve(this.evaluateSync());
  }

  setPairs(pairs: PairSet): void {
    this.pairs = pairs;
  }

  weightsSync(): Float32Array {
    return this.theta.slice();
  }

  weights(): Promise<Float32Array> {
    return Promise.resolve(this.weightsSync());
  }

  /** θ, Adam's moments and the step (copies): continuing from them repeats this run exactly. */
  trainStateSync(): Required<TrainState> {
    return { step: this.stepCount, theta: this.theta.slice(), m: this.m.slice(), v: this.v.slice() };
  }

  trainState(): Promise<TrainState> {
    return Promise.resolve(this.trainStateSync());
  }

  /** Continue from a train state (absent moments start from zero), e.g. a weights file or a lost GPU device's last copy. */
  setWeights(state: TrainState): void {
    const full = fullTrainState(state, this.theta.length);
    this.theta = full.theta;
    this.m = full.m;
    this.v = full.v;
    this.stepCount = full.step;
  }

  reset(): void {
    this.theta = this.initial.slice();
    this.m.fill(0);
    this.v.fill(0);
    this.stepCount = 0;
    this.pending = [];
    this.lastBins = new Array(T_BINS).fill(NaN);
  }

  dispose(): void {
    this.wasm?.dispose();
  }
}
