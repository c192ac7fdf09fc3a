// Progress of a long `flowvar run` on stderr ("# progress: …" lines; stdout keeps its rows): the
// training steps run in blocks of about BLOCK_SECONDS, and each evaluation is announced with an
// estimate, so a maximal configuration (docs/cli.md#long-runs-progress-on-stderr-and-what-a-run-costs) never sits silent.
import type { RunConfig } from '../engine/runConfig';
import type { StepRecord, Trainer } from '../engine/trainer';
import { freshStarts, REPRODUCTION_QUERIES } from '../engine/measure';
import { mlpShape } from '../engine/world';
import { mlpLayout } from '../math/mlp';
import { metricRow, type MetricRow } from './rows';

/** Wall time one block of steps aims at, and the least time between two progress lines. */
const BLOCK_SECONDS = 2;
/** Phases expected to take less than this print nothing. */
const QUIET_SECONDS = 2;
/** Multiply-adds of one step (forward + backward ≈ 3 × batch × parameters) above which the first step is announced. */
const LOUD_STEP_MACS = 5e9;
/** Particles of the probe integration that prices an evaluation before the first one. */
const PROBE_PARTICLES = 64;

/** Seconds on a monotonic clock (tests pass a fake one). */
export type Clock = () => number;
const wallClock: Clock = () => performance.now() / 1000;

function duration(s: number): string {
  if (s < 90) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/**
 * What the progress lines watch: a trainer, or a lockstep compare seen as one (its step() returns
 * run A's records). Without `integrate` the first evaluation is not priced beforehand.
 */
export type ProgressTarget = Pick<Trainer, 'stepCount' | 'step'> & { readonly pairs: { readonly n: number } } & Partial<Pick<Trainer, 'integrate'>>;

export class ProgressReporter {
  private stepRate: number | null = null;
  private evalSeconds: number | null = null;
  /** steps per trainer.step() call: grows to about BLOCK_SECONDS of work */
  private block = 1;
  private lastLine: number;

  constructor(
    private readonly trainer: ProgressTarget,
    private readonly config: RunConfig,
    private readonly total: number,
    private readonly evalSteps: readonly number[],
    private readonly err: (line: string) => void,
    private readonly now: Clock = wallClock,
  ) {
    this.lastLine = now();
  }

  /** Seconds left: the remaining steps at the measured rate, plus the evaluations not yet done. */
  private left(step: number, evalsDone: number): number {
    const train = this.stepRate ? (this.total - step) / this.stepRate : 0;
    return train + (this.evalSteps.length - evalsDone) * (this.evalSeconds ?? 0);
  }

  private say(line: string): void {
    this.err(`# progress: ${line}`);
    this.lastLine = this.now();
  }

  /**
   * trainer.step(n) in blocks of about BLOCK_SECONDS; returns the last record and the steps/s.
   * `signal` (SIGINT) stops it after the block in flight.
   */
  async train(n: number, evalsDone: number, signal?: AbortSignal): Promise<{ last: StepRecord | null; stepsPerSec: number | null }> {
    let last: StepRecord | null = null, done = 0;
    const t0 = this.now();
    const macs = 3 * this.config.batch * mlpLayout(mlpShape(this.config)).paramCount;
    if (this.stepRate === null && macs >= LOUD_STEP_MACS) {
      this.say(`step ${this.trainer.stepCount}/${this.total}, training (one step is about ${(2 * macs / 1e9).toFixed(0)} GFLOP)`);
    }
    while (done < n && signal?.aborted !== true) {
      const size = Math.min(this.block, n - done);
      const snap = await this.trainer.step(size);
      last = snap.records.at(-1) ?? last;
      done += size;
      // the CPU engine steps synchronously: yield to the event loop so a SIGINT handler can run
      if (signal) await new Promise((resolve) => setImmediate(resolve));
      const elapsed = this.now() - t0;
      if (elapsed > 0) this.stepRate = done / elapsed; // over the whole call: one short block is noisy
      this.block = Math.max(1, Math.round((this.stepRate ?? 1) * BLOCK_SECONDS));
      const step = this.trainer.stepCount;
      if (done < n && this.now() - this.lastLine >= BLOCK_SECONDS) {
        this.say(`step ${step}/${this.total} (training, ${(this.stepRate ?? 0).toPrecision(3)} steps/s), about ${duration(this.left(step, evalsDone))} left`);
      }
    }
    const seconds = this.now() - t0;
    return { last, stepsPerSec: seconds > 0 && done > 0 ? done / seconds : null };
  }

  /** Seconds of one integration step of `count` probe particles. */
  private async timeProbe(count: number): Promise<number> {
    const c = this.config;
    const start = freshStarts({ ...c, particles: count });
    const t0 = this.now();
    await this.trainer.integrate!({ start, count, method: c.integrator, steps: 1, direction: 'forward' });
    return this.now() - t0;
  }

  /**
   * Prices an evaluation from two small integrations (PROBE_PARTICLES and 5×): a fixed cost per
   * ODE step (e.g. uploading θ) and a cost per particle-step, times the two integrations (fresh
   * and training x0's) of `odeSteps` steps that evaluate() runs.
   */
  private async estimateEvaluation(): Promise<number> {
    const c = this.config;
    const small = await this.timeProbe(PROBE_PARTICLES), large = await this.timeProbe(5 * PROBE_PARTICLES);
    const perParticle = large > small ? (large - small) / (4 * PROBE_PARTICLES) : large / (5 * PROBE_PARTICLES);
    const fixed = Math.max(0, small - PROBE_PARTICLES * perParticle);
    const particles = c.particles + Math.min(this.trainer.pairs.n, REPRODUCTION_QUERIES);
    return c.odeSteps * (2 * fixed + perParticle * particles);
  }

  /** trainer.evaluate() announced (when it is expected to be long) and timed. */
  async evaluate<T>(run: () => Promise<T>, evalsDone: number): Promise<T> {
    const c = this.config, step = this.trainer.stepCount;
    const expected = this.evalSeconds ?? (this.trainer.integrate ? await this.estimateEvaluation() : 0);
    const loud = expected >= QUIET_SECONDS;
    if (loud) {
      const what = `${c.particles} fresh + ${Math.min(this.trainer.pairs.n, REPRODUCTION_QUERIES)} training particles × ${c.odeSteps} ${c.integrator} steps`;
      this.evalSeconds ??= expected;
      this.say(`step ${step}/${this.total}, evaluating (${what}, about ${duration(expected)}), about ${duration(this.left(step, evalsDone))} left`);
    }
    const t0 = this.now();
    const out = await run();
    this.evalSeconds = this.now() - t0;
    if (loud) this.say(`step ${step}/${this.total}, evaluation took ${duration(this.evalSeconds)}, about ${duration(this.left(step, evalsDone + 1))} left`);
    return out;
  }
}

/**
 * The loop of one trainer in `run` and `grid`: trains to each evaluation step in `at` (progress on
 * `err`), evaluates, and hands `onRow` the row. `signal` (SIGINT) stops training: the trainer is
 * evaluated where it is, that row is handed on as partial, and it returns true.
 */
export async function trainAndEvaluate(
  trainer: Trainer, config: RunConfig, at: readonly number[], err: (line: string) => void,
  onRow: (row: MetricRow, partial: boolean) => void, signal?: AbortSignal,
): Promise<boolean> {
  const progress = new ProgressReporter(trainer, config, at.at(-1) ?? trainer.stepCount, at, err);
  let last: StepRecord | null = null;
  for (const [k, step] of at.entries()) {
    const n = step - trainer.stepCount;
    let stepsPerSec: number | null = null;
    if (n > 0) {
      const trained = await progress.train(n, k, signal);
      last = trained.last ?? last;
      stepsPerSec = trained.stepsPerSec;
    }
    const partial = signal?.aborted === true;
    const { metrics } = await progress.evaluate(() => trainer.evaluate(), k);
    onRow(metricRow(metrics, last, stepsPerSec), partial);
    if (partial) return true;
  }
  return false;
}
