// The σ sweep of docs/design.md#panels: M models trained side by side, one per σ, with the same pairs, the
// same initial weights and the same batches (t, pair index, ε share the seed), so σ is the only
// difference. `SweepEngine` is what the page and the CLI drive; `SweepRunner` implements it over M
// independent Trainers stepped concurrently (the CPU engine: the page's workers each train on their
// share of the cores at once; Node's synchronous CpuTrainers take turns on one shared thread pool),
// and GpuSweepEngine (src/engine/gpuSweepEngine.ts) implements it on the GPU with all M models in
// one dispatch, there for several seeds at once (σ grid × seeds, each seed its own pairs, initial
// weights and batches).
import { clampSigma, type RunConfig } from './runConfig';
import type { EvalMetrics, StepRecord, Trainer } from './trainer';

/** The default σ grid: 0 (deterministic) then half-decades up to 1. */
export const DEFAULT_SIGMAS: readonly number[] = [0, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1];
/** Most models one sweep trains (keeps a typo from building a thousand trainers). */
export const MAX_SWEEP_MODELS = 16;
/** Points kept per gradient-variance trace for drawing (the stride doubles when full). */
export const TRACE_CAPACITY = 256;
/** Tail window used when the run has no step target (config.steps = 0). */
export const DEFAULT_TAIL = 100;

/** The steps whose records enter the "final" loss and gradient variance: the last 10 % of `total`. */
export function tailWindow(total: number): number {
  return total > 0 ? Math.max(1, Math.ceil(total / 10)) : DEFAULT_TAIL;
}

/** Mean of the last `size` values pushed (a ring buffer). */
export class TailMean {
  private readonly ring: Float64Array;
  private filled = 0;
  private next = 0;
  constructor(readonly size: number) { this.ring = new Float64Array(Math.max(1, size)); }
  push(v: number): void {
    this.ring[this.next] = v;
    this.next = (this.next + 1) % this.ring.length;
    this.filled = Math.min(this.ring.length, this.filled + 1);
  }
  /** NaN before the first value; NaN if any value in the window is not finite (a diverged run) */
  mean(): number {
    if (this.filled === 0) return NaN;
    let s = 0;
    for (let i = 0; i < this.filled; i++) s += this.ring[i];
    return s / this.filled;
  }
}

/** A drawable trace of (step, value) in bounded memory: every point until full, then every other. */
export class DownsampledTrace {
  steps: number[] = [];
  values: number[] = [];
  private stride = 1;
  private seen = 0;
  constructor(readonly capacity = TRACE_CAPACITY) {}
  push(step: number, value: number): void {
    if (this.seen++ % this.stride !== 0) return;
    if (this.steps.length >= this.capacity) {
      this.steps = this.steps.filter((_, i) => i % 2 === 0);
      this.values = this.values.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
      if ((this.seen - 1) % this.stride !== 0) return;
    }
    this.steps.push(step);
    this.values.push(value);
  }
}

/** Running statistics of one model of the sweep. */
export class SweepModelStats {
  readonly gradVarTail: TailMean;
  readonly lossTail: TailMean;
  readonly gradVarTrace = new DownsampledTrace();
  last: StepRecord | null = null;
  constructor(readonly sigma: number, tail: number) {
    this.gradVarTail = new TailMean(tail);
    this.lossTail = new TailMean(tail);
  }
  push(records: readonly StepRecord[]): void {
    for (const r of records) {
      this.gradVarTail.push(r.gradVar);
      this.lossTail.push(r.loss);
      this.gradVarTrace.push(r.step, r.gradVar);
      this.last = r;
    }
  }
}

/** What one model did during a `step(n)` call. */
export interface SweepModelProgress {
  sigma: number;
  step: number;
  records: StepRecord[];
}

export interface SweepProgress {
  /** steps every model has taken */
  step: number;
  models: SweepModelProgress[];
}

/** Final figures of one σ: the evaluation plus the tail means of gradient variance and loss. */
export interface SweepResult {
  sigma: number;
  metrics: EvalMetrics;
  /** mean gradVar / loss over the last 10 % of steps (tailWindow) */
  gradVar: number;
  loss: number;
}

/** M models trained side by side, differing only in σ within each seed. */
export interface SweepEngine {
  readonly sigmas: readonly number[];
  /** seed of each model (same order as sigmas): one seed on the CPU, whole σ grids seed after seed on the GPU */
  readonly seeds: readonly number[];
  readonly stepCount: number;
  /** running statistics per model (same order as sigmas) */
  readonly stats: readonly SweepModelStats[];
  /** n more steps for every model */
  step(n: number): Promise<SweepProgress>;
  /** evaluate every model (reproduction, distances, …) with the tail statistics */
  evaluate(): Promise<SweepResult[]>;
  dispose(): void;
}

/** Makes one trainer of the sweep (CpuTrainer in Node, a Worker or GPU trainer in the page). */
export type TrainerFactory = (config: RunConfig) => Trainer | Promise<Trainer>;

/**
 * Cleans a σ list: finite, clamped to the config table's σ range, sorted, without duplicates,
 * at most MAX_SWEEP_MODELS. An empty result falls back to DEFAULT_SIGMAS.
 */
export function cleanSigmas(sigmas: readonly number[]): number[] {
  const ok = sigmas.filter((s) => Number.isFinite(s)).map(clampSigma);
  const unique = [...new Set(ok)].sort((a, b) => a - b).slice(0, MAX_SWEEP_MODELS);
  return unique.length > 0 ? unique : [...DEFAULT_SIGMAS];
}

/**
 * The config of the model at σ. A deterministic interpolant would ignore σ (docs/math.md#interpolants-σ), so the
 * sweep trains the constant-σ kind then; at σ = 0 it is exactly deterministic.
 */
export function sweepConfig(base: RunConfig, sigma: number): RunConfig {
  return { ...base, sigma, interpolant: base.interpolant === 'deterministic' ? 'constant' : base.interpolant };
}

export interface SweepRunnerOptions {
  /** step the models one after another instead of all at once (the bench's comparison; same numbers) */
  inTurn?: boolean;
}

/**
 * The CPU path: M Trainers, n steps each per call, all requested at once. The models share nothing
 * (each has its own weights, moments and batches), so the order their replies land in never
 * changes a number: concurrent and in-turn sweeps are bit-identical (tests/unit/sweep.test.ts).
 */
export class SweepRunner implements SweepEngine {
  readonly stats: SweepModelStats[];
  readonly seeds: readonly number[];
  private constructor(readonly sigmas: readonly number[], seed: number, private readonly trainers: Trainer[], tail: number, private readonly inTurn: boolean) {
    this.stats = sigmas.map((s) => new SweepModelStats(s, tail));
    this.seeds = sigmas.map(() => seed);
  }

  /** `tailSteps`: the steps the tail means cover 10 % of (the CLI trains fewer than the link's steps). */
  static async create(base: RunConfig, sigmas: readonly number[], make: TrainerFactory, tailSteps = base.steps, options: SweepRunnerOptions = {}): Promise<SweepRunner> {
    const list = cleanSigmas(sigmas);
    const trainers: Trainer[] = [];
    try {
      for (const s of list) trainers.push(await make(sweepConfig(base, s)));
    } catch (e) {
      for (const t of trainers) t.dispose();
      throw e;
    }
    return new SweepRunner(list, base.seed, trainers, tailWindow(tailSteps), options.inTurn === true);
  }

  get stepCount(): number {
    return Math.min(...this.trainers.map((t) => t.stepCount));
  }

  /** The trainer of model i (tests, and the page's "open this run"). */
  trainer(i: number): Trainer {
    return this.trainers[i];
  }

  /** `work(trainer)` for every model, all at once (or in turn); the results in model order. */
  private async each<T>(work: (t: Trainer) => Promise<T>): Promise<T[]> {
    if (!this.inTurn) return Promise.all(this.trainers.map(work));
    const out: T[] = [];
    for (const t of this.trainers) out.push(await work(t));
    return out;
  }

  async step(n: number): Promise<SweepProgress> {
    const snaps = await this.each((t) => t.step(n));
    // statistics in model order once all replied: the same pushes as stepping in turn
    const models = snaps.map((snap, i): SweepModelProgress => {
      this.stats[i].push(snap.records);
      return { sigma: this.sigmas[i], step: snap.step, records: snap.records };
    });
    return { step: this.stepCount, models };
  }

  async evaluate(): Promise<SweepResult[]> {
    const evaluations = await this.each((t) => t.evaluate());
    return evaluations.map(({ metrics }, i) => ({ sigma: this.sigmas[i], metrics, gradVar: this.stats[i].gradVarTail.mean(), loss: this.stats[i].lossTail.mean() }));
  }

  dispose(): void {
    for (const t of this.trainers) t.dispose();
  }
}

/** How a job loop (the sweep, ReFlow rounds) reports and stops: the page, the CLI and the tests all pass one. */
export interface JobControl<P> {
  /** steps per chunk; progress and abort are looked at between chunks */
  chunk?: number;
  /** after every chunk; may return a promise (the page yields to its frame there) */
  onProgress?: (p: P) => void | Promise<void>;
  /** stops the loop between chunks; the job then resolves null */
  signal?: AbortSignal;
}

/**
 * The one sweep loop: trains `engine` to `total` steps in chunks, reporting after each, then
 * evaluates every model. Null when `signal` aborted it (no evaluation is made then).
 */
export async function runSweep(engine: SweepEngine, total: number, control: JobControl<SweepProgress> = {}): Promise<SweepResult[] | null> {
  const size = Math.max(1, Math.floor(control.chunk ?? total));
  const aborted = () => control.signal?.aborted === true;
  while (engine.stepCount < total && !aborted()) {
    const p = await engine.step(Math.min(size, total - engine.stepCount));
    if (aborted()) break;
    await control.onProgress?.(p);
  }
  if (aborted()) return null;
  const results = await engine.evaluate();
  return aborted() ? null : results;
}

/** The spread of one σ over the seeds of a sweep: the sample std (n − 1; 0 for one seed) of the figures the panel draws. */
export interface SweepSpread {
  sigma: number;
  seeds: number;
  reproduction: number;
  slicedW2: number;
  gaussianW2: number | null;
  gradVar: number;
  loss: number;
}

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stdOf = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

/**
 * A sweep over seeds, summarized per σ: `results` holds the mean over the seeds of every figure
 * (a figure null in any seed stays null; the generated covariance is averaged entrywise) and
 * `spread` its sample std. `perSeed[k]` is seed k's results, each in the same σ order.
 */
export function seedSummary(perSeed: readonly (readonly SweepResult[])[]): { results: SweepResult[]; spread: SweepSpread[] } {
  if (perSeed.length === 0) return { results: [], spread: [] };
  const results: SweepResult[] = [], spread: SweepSpread[] = [];
  perSeed[0].forEach((first, i) => {
    const runs = perSeed.map((seed) => seed[i]);
    const col = (f: (r: SweepResult) => number) => runs.map(f);
    const colOrNull = (f: (r: SweepResult) => number | null) => runs.map(f);
    const nullable = (xs: (number | null)[]) => (xs.every((x): x is number => x !== null) ? xs : null);
    const metrics = { ...first.metrics };
    for (const key of Object.keys(metrics) as (keyof EvalMetrics)[]) {
      const v = metrics[key];
      if (typeof v === 'number') (metrics as Record<string, unknown>)[key] = meanOf(col((r) => r.metrics[key] as number));
      else if (v === null || key === 'gaussianW2' || key === 'otCost') {
        const xs = nullable(colOrNull((r) => r.metrics[key] as number | null));
        (metrics as Record<string, unknown>)[key] = xs ? meanOf(xs) : null;
      }
    }
    metrics.generatedCov = [0, 1, 2, 3].map((k) => meanOf(col((r) => r.metrics.generatedCov[k]))) as EvalMetrics['generatedCov'];
    results.push({ sigma: first.sigma, metrics, gradVar: meanOf(col((r) => r.gradVar)), loss: meanOf(col((r) => r.loss)) });
    const w2g = nullable(colOrNull((r) => r.metrics.gaussianW2));
    spread.push({
      sigma: first.sigma, seeds: runs.length,
      reproduction: stdOf(col((r) => r.metrics.reproduction)), slicedW2: stdOf(col((r) => r.metrics.slicedW2)),
      gaussianW2: w2g ? stdOf(w2g) : null, gradVar: stdOf(col((r) => r.gradVar)), loss: stdOf(col((r) => r.loss)),
    });
  });
  return { results, spread };
}
