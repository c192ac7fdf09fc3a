// GpuRun: the GPU state of M models trained side by side, each (σ, seed): models of one seed share
// its pairs and batches (M = 1 for GpuTrainer, σ grid × seeds for GpuSweepTrainer). Parameters, Adam moments, pairs,
// batch activations and metrics stay on the GPU; step(n) encodes n steps into one compute pass per
// submit (≤ stepsPerSubmit each) and reads back only the metrics records (32 bytes per step and
// model) and, at the end of a call, the per-bin values (80 bytes per model) through a pool of
// MAP_READ buffers. The step index lives in a GPU counter: consecutive steps need no CPU round trip.
import type { RunConfig } from './runConfig';
import type { IntegrateRequest, StepRecord, Trajectories } from './trainer';
import { fullTrainState, type TrainState } from './trainState';
import type { PairSet } from '../math/couplings';
import { T_BINS } from '../math/metrics';
import { getKernels, getOptionalPipeline, type GpuKernels } from './gpuPipelines';
import { layerSelTable, MAX_MODELS, MAX_STEPS_PER_SUBMIT, packLive, packNet, planTraining, RECORD_WORDS, type NetPlan } from './gpuLayout';
import { BINS_BYTES, createTrainBuffers, destroyBuffers, packPairs, readBuffer, readRegions, RECORDS_BYTES, USAGE, type TrainBuffers } from './gpuBuffers';
import { ReadbackRing } from './gpuReadback';
import { packMoments, packThetas, parseMetrics, unpackStates } from './gpuModelSlices';
import { loopFits, TrainPass, type StepPath } from './gpuTrainPass';
import { choosePath, type PathChoice } from './gpuPathProbe';
import { GpuIntegrator } from './gpuIntegrator';
import { isSoftwareInfo, watchDevice, type GpuFailure } from './gpu';
import { mlpShape } from './world';
import type { ShaderSources } from './gpuShaders';

export interface GpuRunOptions {
  /** samples per chunk of the split dW reduction (default SPLIT_CHUNK); tests use small chunks */
  splitChunk?: number;
  /** steps per submit at most (default and cap MAX_STEPS_PER_SUBMIT) */
  stepsPerSubmit?: number;
  /** particles per integration chunk at most (default: what fits 64 MiB buffers) */
  integrateChunk?: number;
  /**
   * How steps are encoded: 'tiled' (4 dispatches per step), 'loop' (one dispatch per submit, small
   * runs only), or 'auto' (default): 'loop' where it fits and a short timed probe finds it faster,
   * the choice kept per device and size (pass it back as `path` to reproduce a run exactly). On a
   * software adapter 'auto' stays tiled without a probe: compiling stepLoop takes SwiftShader ~30 s.
   */
  path?: StepPath | 'auto';
  /** test seam: let 'auto' probe on a software adapter too */
  probeOnSoftware?: boolean;
  /**
   * Cut step(n) into submits of about SUBMIT_TARGET_MS each (measured pace), so a long step(n)
   * does not hold the queue (and, in a browser, the GPU process that also draws the frames) for
   * seconds. Default: on a software adapter only, where one step can take 100s of ms.
   */
  paceSubmits?: boolean;
}

/** Wall time one training submit aims at when paced (GpuRunOptions.paceSubmits). */
export const SUBMIT_TARGET_MS = 50;

/** Work encoded so far: dispatches and submits over the steps they took (the bench reports ratios). */
export interface RunCounters {
  steps: number;
  dispatches: number;
  submits: number;
}

/**
 * One model of a run: its σ, the seed of its batch draws (t, pair index, ε) and its pairs. Models
 * of one seed pass the same PairSet object: the pairs buffer holds each distinct set once.
 */
export interface RunModel {
  sigma: number;
  seed: number;
  pairs: PairSet;
}

/** What one step(n) call measured, per model. */
export interface RunProgress {
  /** steps taken after this call */
  step: number;
  /** records[m]: one StepRecord per step of model m */
  records: StepRecord[][];
  /** bins[m]: per-t-bin mean ‖g_i − ḡ‖² of model m's last step (NaN: empty bin) */
  bins: number[][];
}

export class GpuRun {
  readonly plan: NetPlan;
  readonly models: number;
  pairs: PairSet;
  stepCount = 0;
  /** first GPU failure (device lost, uncaptured error); once set, step() rejects */
  failure: GpuFailure | null = null;
  /** called once with the first failure */
  onError: ((failure: GpuFailure) => void) | null = null;
  private config: RunConfig;
  private sigmas: number[];
  private readonly seeds: number[];
  /** the distinct pair sets, in the pairs buffer in this order, and the set of each model */
  private pairSets: PairSet[];
  private pairOf: number[];
  private readonly buffers: TrainBuffers;
  private pass: TrainPass;
  /** how the last probe chose the path (null: not probed) */
  pathChoice: PathChoice | null = null;
  readonly counters: RunCounters = { steps: 0, dispatches: 0, submits: 0 };
  private readonly ring: ReadbackRing;
  private readonly integrator: GpuIntegrator;
  private readonly unwatch: () => void;
  private readonly stepsPerSubmit: number;
  private readonly paced: boolean;
  /** measured milliseconds per step (EMA over readbacks; 0 until one came back) and when the last one did */
  private msPerStep = 0;
  private lastDone = 0;
  private pairCapacity: number;
  private lastBins: number[][];
  private disposed = false;
  /** submitted work whose readback has not settled: dispose() destroys the buffers after it */
  private readonly inflight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  private constructor(private readonly device: GPUDevice, kernels: GpuKernels, config: RunConfig, models: readonly RunModel[], options: GpuRunOptions) {
    this.config = { ...config };
    this.sigmas = models.map((m) => m.sigma);
    this.seeds = models.map((m) => m.seed);
    this.models = models.length;
    if (this.models < 1 || this.models > MAX_MODELS) throw new Error(`invalid model count: ${this.models} (1 to ${MAX_MODELS})`);
    this.pairSets = [...new Set(models.map((m) => m.pairs))];
    this.pairOf = models.map((m) => this.pairSets.indexOf(m.pairs));
    this.pairs = models[0].pairs;
    const n = this.pairs.n;
    if (!this.pairSets.every((p) => p.n === n && n >= 1)) throw new Error(`invalid pair counts: ${this.pairSets.map((p) => p.n).join(', ')} (every set the same, at least 1)`);
    this.pairCapacity = this.pairSets.length * n;
    const shape = mlpShape(config);
    this.plan = planTraining(shape, config.batch, options.splitChunk, this.models);
    this.stepsPerSubmit = Math.max(1, Math.min(MAX_STEPS_PER_SUBMIT, Math.floor(options.stepsPerSubmit ?? MAX_STEPS_PER_SUBMIT)));
    this.paced = options.paceSubmits ?? isSoftwareInfo((device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo);
    this.lastBins = this.emptyBins();
    this.buffers = createTrainBuffers(device, this.plan, this.pairCapacity, this.plan.layers.length);
    const q = device.queue;
    q.writeBuffer(this.buffers.net, 0, packNet(this.plan));
    q.writeBuffer(this.buffers.sel, 0, layerSelTable(this.plan.layers.length));
    this.writePairs();
    this.writeLive();
    this.pass = new TrainPass(device, kernels, this.plan, this.buffers, 'tiled');
    this.ring = new ReadbackRing(device, this.models * (RECORDS_BYTES + BINS_BYTES));
    this.integrator = new GpuIntegrator(device, kernels, shape, this.models, this.buffers.theta, this.buffers.live, options.integrateChunk);
    this.unwatch = watchDevice(device, (f) => this.fail(f));
  }

  /** Compiles (or reuses) the kernels and uploads the pairs; set the weights with setWeights(). */
  static async create(device: GPUDevice, config: RunConfig, models: readonly RunModel[], shaders: ShaderSources, options: GpuRunOptions = {}): Promise<GpuRun> {
    const kernels = await getKernels(device, shaders);
    device.pushErrorScope('validation');
    device.pushErrorScope('out-of-memory');
    let run: GpuRun | null = null, thrown: unknown = null;
    try { run = new GpuRun(device, kernels, config, models, options); } catch (e) { thrown = e; }
    // both pops issued before any await, so a concurrent create() cannot interleave its scopes
    const [oom, invalid] = await Promise.all([device.popErrorScope(), device.popErrorScope()]);
    const error = oom ?? invalid;
    if (thrown || error || !run) {
      run?.dispose();
      throw thrown instanceof Error ? thrown : new Error(`GPU trainer setup failed: ${error?.message ?? String(thrown)}`);
    }
    const want = options.path ?? 'auto';
    const software = isSoftwareInfo((device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo);
    const probe = want === 'auto' && loopFits(device, run.plan) && (!software || options.probeOnSoftware === true);
    if (want === 'loop' || probe) {
      try {
        await getOptionalPipeline(device, shaders, kernels, 'stepLoop');
        const loop = new TrainPass(device, kernels, run.plan, run.buffers, 'loop');
        if (want === 'loop') run.pass = loop;
        else {
          run.pathChoice = await choosePath(device, run.plan, { tiled: run.pass, loop }, (pass, k) => run.probe(pass, k));
          if (run.pathChoice.path === 'loop') run.pass = loop;
          Object.assign(run.counters, { steps: 0, dispatches: 0, submits: 0 });
        }
      } catch (e) {
        run.dispose();
        throw e;
      }
    }
    return run;
  }

  /** How this run encodes its steps. */
  get path(): StepPath {
    return this.pass.path;
  }

  /** Dispatches per training step when a submit holds the most steps (4, or 1/stepsPerSubmit on the loop path). */
  get dispatchesPerStep(): number {
    return this.pass.dispatchesPerStep(this.stepsPerSubmit);
  }

  /** Test and probe seam: k steps on `pass` (θ, moments and counter change: setWeights() after). */
  private async probe(pass: TrainPass, k: number): Promise<void> {
    const current = this.pass;
    this.pass = pass;
    try { await this.submit(k, false); } finally { this.pass = current; }
  }

  private emptyBins(): number[][] {
    return Array.from({ length: this.models }, () => new Array<number>(T_BINS).fill(NaN));
  }

  private fail(f: GpuFailure): void {
    if (this.failure) return;
    this.failure = f;
    this.onError?.(f);
  }

  /** New live settings (σ per model, interpolant, lr, …), used from the next submit on. */
  setLive(config: RunConfig, sigmas: readonly number[]): void {
    if (sigmas.length !== this.models) throw new Error(`invalid sigmas: ${sigmas.length} values for ${this.models} models`);
    this.config = { ...config };
    this.sigmas = [...sigmas];
  }

  private writeLive(loopSteps = 0): void {
    const c = this.config;
    this.device.queue.writeBuffer(this.buffers.live, 0, packLive({
      sigmas: this.sigmas, interpolant: c.interpolant, lr: c.lr, weightDecay: c.weightDecay, warmup: c.warmup,
      schedule: c.schedule, horizon: c.steps, baseStep: this.stepCount, seeds: this.seeds, pairCount: this.pairs.n,
      pairBases: this.pairOf.map((k) => k * this.pairs.n), loopSteps,
    }));
  }

  /** Every distinct pair set, one after another (model m's at pairBases[m]). */
  private writePairs(): void {
    const n = this.pairs.n, all = new Float32Array(4 * n * this.pairSets.length);
    this.pairSets.forEach((p, k) => all.set(packPairs(p.x0, p.x1, n), 4 * n * k));
    this.device.queue.writeBuffer(this.buffers.pairs, 0, all);
  }

  /** The pairs model m trains on. */
  pairsOf(m: number): PairSet {
    return this.pairSets[this.pairOf[m]];
  }

  /** Rejects once dispose() began: nothing may be encoded on buffers about to be destroyed. */
  private closed(): Promise<never> | null {
    return this.disposed ? Promise.reject(new Error('GPU trainer used after dispose()')) : null;
  }

  /** Keeps `p` in the in-flight set until it settles. */
  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const done = () => { this.inflight.delete(p); };
    p.then(done, done);
    return p;
  }

  step(n: number): Promise<RunProgress> {
    const closed = this.closed();
    if (closed) return closed;
    if (this.failure) return Promise.reject(new Error(this.failure.message));
    const total = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
    if (total === 0) return Promise.resolve({ step: this.stepCount, records: this.lastBins.map(() => []), bins: this.lastBins.map((b) => [...b]) });
    const reads: Promise<{ records: StepRecord[][]; bins: number[][] | null }>[] = [];
    // paced: as many steps per submit as take about SUBMIT_TARGET_MS (the numbers do not depend on it)
    const perSubmit = this.paced && this.msPerStep > 0
      ? Math.max(1, Math.min(this.stepsPerSubmit, Math.floor(SUBMIT_TARGET_MS / this.msPerStep)))
      : this.stepsPerSubmit;
    for (let done = 0; done < total; done += perSubmit) {
      const k = Math.min(perSubmit, total - done);
      reads.push(this.submit(k, done + k === total));
    }
    const endStep = this.stepCount;
    return this.track(Promise.all(reads)).then((parts) => {
      const records = Array.from({ length: this.models }, (_, m) => parts.flatMap((p) => p.records[m]));
      const bins = parts[parts.length - 1].bins;
      if (bins) this.lastBins = bins;
      return { step: endStep, records, bins: (bins ?? this.lastBins).map((b) => [...b]) };
    }, (error: unknown) => {
      throw new Error(this.failure?.message ?? `GPU readback failed: ${String(error)}`);
    });
  }

  /** Encodes and submits k steps (and the bins if asked); resolves with their parsed metrics. */
  private submit(k: number, withBins: boolean): Promise<{ records: StepRecord[][]; bins: number[][] | null }> {
    this.writeLive(this.pass.path === 'loop' ? k : 0);
    const before = this.pass.dispatches;
    const encoder = this.device.createCommandEncoder({ label: `train ${k} steps` });
    const pass = encoder.beginComputePass({ label: 'train' });
    this.pass.encodeSteps(pass, k);
    if (withBins) this.pass.encodeBins(pass);
    pass.end();
    const recordBytes = k * RECORD_WORDS * 4;
    const regions: [GPUBuffer, number, number][] = [];
    for (let m = 0; m < this.models; m++) regions.push([this.buffers.records, m * RECORDS_BYTES, recordBytes]);
    if (withBins) regions.push([this.buffers.bins, 0, this.models * BINS_BYTES]);
    const staging = this.ring.encode(encoder, regions);
    this.device.queue.submit([encoder.finish()]);
    this.counters.steps += k;
    this.counters.submits += 1;
    this.counters.dispatches += this.pass.dispatches - before;
    const first = this.stepCount;
    this.stepCount += k;
    const bytes = this.models * recordBytes + (withBins ? this.models * BINS_BYTES : 0);
    const submitted = globalThis.performance.now();
    return this.ring.read(staging, bytes).then((data) => {
      // this submit ran from when it was sent or the previous one came back, whichever is later
      const now = globalThis.performance.now(), ms = (now - Math.max(submitted, this.lastDone)) / k;
      this.lastDone = now;
      this.msPerStep = this.msPerStep > 0 ? 0.7 * this.msPerStep + 0.3 * ms : ms;
      return parseMetrics(data, this.models, k, first, withBins);
    });
  }

  /** Paths of every model from req.start, or from starts[m] for model m (each req.count points). */
  integrate(req: IntegrateRequest, starts?: readonly Float32Array[]): Promise<Trajectories[]> {
    const closed = this.closed();
    if (closed) return closed;
    if (this.failure) return Promise.reject(new Error(this.failure.message));
    return this.track(this.integrator.integrate(req, starts));
  }

  /** Every model trains on `pairs` from the next step on (ReFlow). */
  setPairs(pairs: PairSet): void {
    if (this.disposed) return;
    if (!(pairs.n >= 1)) throw new Error(`invalid pair count: ${pairs.n}`);
    if (pairs.n > this.pairCapacity) {
      this.buffers.pairs.destroy();
      this.buffers.pairs = this.device.createBuffer({ label: 'pairs', size: 16 * pairs.n, usage: USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST });
      this.pairCapacity = pairs.n;
      this.pass.rebind(this.buffers);
    }
    this.pairs = pairs;
    this.pairSets = [pairs];
    this.pairOf = this.pairOf.map(() => 0);
    this.writePairs();
  }

  /** θ of every model (layout of src/math/mlp.ts). */
  async weights(): Promise<Float32Array[]> {
    const closed = this.closed();
    if (closed) return closed;
    const P = this.plan.paramCount;
    const all = new Float32Array(await this.track(readBuffer(this.device, this.buffers.theta, this.models * P * 4)));
    return Array.from({ length: this.models }, (_, m) => all.slice(m * P, (m + 1) * P));
  }

  /** θ and Adam's moments of every model at the current step: one copy of both buffers, one map. */
  async trainStates(): Promise<Required<TrainState>[]> {
    const closed = this.closed();
    if (closed) return closed;
    const P = this.plan.paramCount, M = this.models;
    const bytes = await this.track(readRegions(this.device, [[this.buffers.theta, 0, M * P * 4], [this.buffers.moments, 0, M * 2 * P * 4]]));
    return unpackStates(new Float32Array(bytes), M, P, this.stepCount);
  }

  /**
   * Sets θ of every model (one array for all, or one per model) and step = `step`; the moments
   * of every model from `moments` (absent: zeroed).
   */
  setWeights(theta: Float32Array | readonly Float32Array[], step: number, moments?: Pick<TrainState, 'm' | 'v'>): void {
    const P = this.plan.paramCount;
    const all = packThetas(theta, this.models, P);
    const allMoments = packMoments(fullTrainState({ step, theta: all.subarray(0, P), ...moments }, P), this.models, P);
    if (this.disposed) return;
    const q = this.device.queue, b = this.buffers;
    q.writeBuffer(b.theta, 0, all);
    q.writeBuffer(b.moments, 0, allMoments);
    q.writeBuffer(b.state, 0, new Uint32Array(4 * this.models).map((_, i) => (i % 4 === 0 ? step >>> 0 : 0)));
    this.stepCount = step;
    this.lastBins = this.emptyBins();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Stops accepting work at once, then destroys the buffers once every submitted step, evaluation
   * and readback has settled: a submit on a destroyed buffer would be an uncaptured error on the
   * shared device, which the next trainer would take for its own failure.
   */
  dispose(): Promise<void> {
    if (this.closing) return this.closing;
    this.disposed = true;
    this.integrator.close();
    this.closing = Promise.allSettled([...this.inflight]).then(() => {
      this.unwatch();
      this.ring.destroy();
      this.integrator.destroy();
      destroyBuffers(this.buffers as unknown as Record<string, GPUBuffer>);
    });
    return this.closing;
  }
}
