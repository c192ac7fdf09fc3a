// CpuTrainer: the reference engine on src/math/, for Node (CLI, tests) and the browser's Worker.
import type { RunConfig } from './runConfig';
import type { Evaluation, IntegrateRequest, LiveSettings, StepRecord, Trainer, TrainSnapshot, Trajectories } from './trainer';
import { makePairs, type PairSet } from '../math/couplings';
import { initParams, mlpLayout, velocity, type MlpShape } from '../math/mlp';
import { sampleBatch } from '../math/batch';
import { batchGradient } from '../math/trainStep';
import { adamUpdate, learningRate, ADAM_DEFAULTS } from '../math/adam';
import { integrate, type Field } from '../math/ode';
import { T_BINS } from '../math/metrics';
import { effectiveSigma, mlpShape, worldSpec } from './world';
import { freshStarts, measure, REPRODUCTION_QUERIES, trainStarts } from './measure';

export class CpuTrainer implements Trainer {
  readonly kind = 'cpu' as const;
  readonly deviceName = 'CPU (JavaScript)';
  private config: RunConfig;
  private readonly shape: MlpShape;
  private readonly initial: Float32Array;
  private theta: Float32Array;
  private m: Float32Array;
  private v: Float32Array;
  private pending: StepRecord[] = [];
  private lastBins: number[] = new Array(T_BINS).fill(NaN);
  pairs: PairSet;
  stepCount = 0;

  constructor(config: RunConfig) {
    this.config = { ...config };
    this.shape = mlpShape(config);
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
    for (let k = 0; k < n; k++) {
      const sigma = effectiveSigma(c);
      const batch = sampleBatch(this.pairs, { seed: c.seed, step: this.stepCount, size: c.batch, kind: c.interpolant, sigma, fourier: c.fourier });
      const last = k === n - 1;
      const g = batchGradient(this.shape, this.theta, batch, last);
      const lr = learningRate(c.lr, this.stepCount, c.warmup, c.schedule, c.steps);
      adamUpdate(this.theta, this.m, this.v, g.grad, this.stepCount + 1, { lr, weightDecay: c.weightDecay, ...ADAM_DEFAULTS });
      this.stepCount++;
      this.pending.push({ step: this.stepCount, loss: g.loss, gradVar: g.gradVar, meanGradNormSq: g.meanGradNormSq, sigma });
      if (g.gradVarByT) this.lastBins = Array.from(g.gradVarByT);
    }
    return this.takeSnapshot();
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
    const c = this.config;
    const q = Math.min(this.pairs.n, REPRODUCTION_QUERIES);
    const base = { method: c.integrator, steps: c.odeSteps, direction: 'forward' as const };
    const trainPaths = this.integrateSync({ ...base, start: trainStarts(this.pairs, q), count: q });
    const freshPaths = this.integrateSync({ ...base, start: freshStarts(c), count: c.particles });
    const last = (trainPaths.states - 1) * q * 2;
    const metrics = measure({
      step: this.stepCount, config: c, pairs: this.pairs,
      trainEnd: trainPaths.path.subarray(last, last + 2 * q), trainCount: q,
      freshPath: freshPaths.path, freshCount: freshPaths.count, states: freshPaths.states,
    });
    return { metrics, trainPaths, freshPaths };
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

  /** Restore parameters (and zero the Adam moments), e.g. after a lost GPU device. */
  setWeights(theta: Float32Array, step: number): void {
    this.theta = theta.slice();
    this.m.fill(0);
    this.v.fill(0);
    this.stepCount = step;
  }

  reset(): void {
    this.theta = this.initial.slice();
    this.m.fill(0);
    this.v.fill(0);
    this.stepCount = 0;
    this.pending = [];
    this.lastBins = new Array(T_BINS).fill(NaN);
  }

  dispose(): void {}
}
