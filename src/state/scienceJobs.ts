// The science jobs: the σ sweep and the ReFlow rounds, trained on engines of their own (never the
// page's run). Like the Runner, ScienceJobs gets its engine factories passed in (main.tsx gives it
// the page's GPU / Worker factories, tests give it CPU trainers) and reacts to the store: an action
// marks a job requested (scienceActions.ts), this trains it with the engine's one loop (runSweep,
// ReflowRunner.run) and pushes progress after every chunk; a newer runId aborts it.
import type { RunConfig } from '../engine/runConfig';
import type { Trainer } from '../engine/trainer';
import { cleanSigmas, runSweep, seedSummary, type SweepEngine, type SweepProgress, type SweepResult } from '../engine/sweep';
import { seedConfigs } from '../engine/runConfig';
import { ReflowRunner, reflowSettings } from '../engine/reflowRounds';
import type { AppStore } from './store';
import { SWEEP_FALLBACK_STEPS, type ScienceSlice, type SweepModelView } from './scienceSlice';
import { message, type Message } from '../i18n/message';

/** An engine and, when it is the CPU although the GPU was wanted, why. */
export interface Built<T> {
  engine: T;
  fallbackReason: Message | null;
}

export interface ScienceDeps {
  store: AppStore;
  /** a trainer for a ReFlow job; `onLost` hears the first GPU failure (device lost) of that trainer */
  createTrainer: (config: RunConfig, onLost: (message: string) => void) => Promise<Built<Trainer>>;
  /**
   * the sweep's engine: every σ model of `config` on up to `seeds` seeds from config.seed on,
   * seed-major (its `seeds` says which it took: all that fit one batched GPU run, one on the CPU)
   */
  createSweep: (config: RunConfig, sigmas: readonly number[], seeds: number) => Promise<Built<SweepEngine>>;
  /** steps per chunk (defaults SWEEP_CHUNK, REFLOW_CHUNK_STEPS) */
  sweepChunk?: number;
  reflowChunk?: number;
  /** between chunks; the page yields a macrotask here so the panels draw */
  pause?: () => Promise<void>;
}

type JobKey = 'sweep' | 'reflow';

/** Steps per model per turn: small enough for the panel to move, large enough to amortise a Worker round trip. */
const SWEEP_CHUNK = 25;
const REFLOW_CHUNK_STEPS = 50;

const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The traces of the engine's first seed (one per σ). */
function modelViews(engine: SweepEngine, sigmaCount: number): SweepModelView[] {
  return engine.stats.slice(0, sigmaCount).map((m) => ({ sigma: m.sigma, traceSteps: [...m.gradVarTrace.steps], traceValues: [...m.gradVarTrace.values], last: m.last }));
}

export class ScienceJobs {
  private readonly store: AppStore;
  private readonly pause: () => Promise<void>;
  private readonly running: Record<JobKey, { runId: number; abort: AbortController; done: Promise<void> } | null> = { sweep: null, reflow: null };
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: ScienceDeps) {
    this.store = deps.store;
    this.pause = deps.pause ?? yieldTurn;
  }

  /** Starts watching the store for requested and stopped jobs. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.store.subscribe((s) => { this.sync('sweep', s); this.sync('reflow', s); });
    const s = this.store.getState();
    this.sync('sweep', s);
    this.sync('reflow', s);
  }

  /** Stops watching and aborts the jobs in flight. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const job of Object.values(this.running)) job?.abort.abort();
  }

  /** Resolves once the jobs in flight have ended (tests, and a page that wants to wait). */
  async idle(): Promise<void> {
    await Promise.all(Object.values(this.running).map((j) => j?.done));
  }

  private sync(key: JobKey, s: ScienceSlice): void {
    const { status, runId } = s[key];
    const job = this.running[key];
    if (job && job.runId !== runId) job.abort.abort();
    if (status !== 'running' || job?.runId === runId) return;
    const abort = new AbortController();
    const entry = { runId, abort, done: Promise.resolve() };
    this.running[key] = entry;
    entry.done = (key === 'sweep' ? this.sweep(runId, abort.signal) : this.reflow(runId, abort.signal))
      .finally(() => { if (this.running[key] === entry) this.running[key] = null; });
  }

  private patch<K extends JobKey>(key: K, runId: number, part: Partial<ScienceSlice[K]>): void {
    this.store.setState((s) => (s[key].runId === runId ? { [key]: { ...s[key], ...part } } : {}));
  }

  /**
   * The σ sweep on config.seeds seeds (s … s+K−1, each its own pairs, initial weights and
   * batches), in rounds: on the GPU one batched run of σ × seeds up to its model cap, on the CPU a
   * seed per round with a worker per σ sharing the cores. After each round the panel shows the
   * mean and the std over the seeds done so far.
   */
  private async sweep(runId: number, signal: AbortSignal): Promise<void> {
    const state = this.store.getState();
    const target = state.sweep.target || state.config.steps || SWEEP_FALLBACK_STEPS;
    const t0 = performance.now();
    const perSeed: SweepResult[][] = [];
    const configs = seedConfigs({ ...state.config, steps: target }, state.config.seeds);
    const sigmaCount = cleanSigmas(state.sweep.sigmas).length;
    let engine: SweepEngine | null = null;
    try {
      while (perSeed.length < configs.length) {
        const built = await this.deps.createSweep(configs[perSeed.length], state.sweep.sigmas, configs.length - perSeed.length);
        engine = built.engine;
        if (signal.aborted) return;
        this.patch('sweep', runId, { fallbackReason: built.fallbackReason, step: 0 });
        const live = engine;
        const results = await runSweep(live, target, {
          chunk: this.deps.sweepChunk ?? SWEEP_CHUNK,
          signal,
          onProgress: async (p: SweepProgress) => {
            this.patch('sweep', runId, { step: p.step, models: modelViews(live, sigmaCount) });
            await this.pause();
          },
        });
        engine.dispose();
        engine = null;
        if (!results) return;
        // seed-major: each seed's σ grid in turn
        const before = perSeed.length;
        for (let at = 0; at < results.length && perSeed.length < configs.length; at += sigmaCount) perSeed.push(results.slice(at, at + sigmaCount));
        if (perSeed.length === before) throw new Error('the sweep engine trained no model');
        this.patch('sweep', runId, { ...seedSummary(perSeed), seedsDone: perSeed.length });
      }
      this.patch('sweep', runId, { status: 'done', seconds: (performance.now() - t0) / 1000 });
    } catch (e) {
      this.patch('sweep', runId, { status: 'failed', error: message('run.engineError', { detail: messageOf(e) }) });
    } finally {
      engine?.dispose();
    }
  }

  private async reflow(runId: number, signal: AbortSignal): Promise<void> {
    const state = this.store.getState();
    const config = { ...state.config, steps: state.config.steps || SWEEP_FALLBACK_STEPS };
    const lost = new AbortController();
    let trainer: Trainer | null = null, lostMessage: string | null = null;
    try {
      const built = await this.deps.createTrainer(config, (message) => { lostMessage = message; lost.abort(); });
      trainer = built.engine;
      if (signal.aborted) return;
      this.patch('reflow', runId, { fallbackReason: built.fallbackReason });
      const runner = new ReflowRunner(trainer, reflowSettings(config));
      await runner.run(state.reflow.rounds, {
        chunk: this.deps.reflowChunk ?? REFLOW_CHUNK_STEPS,
        signal: AbortSignal.any([signal, lost.signal]),
        onProgress: async (progress) => {
          this.patch('reflow', runId, { progress });
          await this.pause();
        },
        onRound: () => this.patch('reflow', runId, { history: [...runner.history] }),
      });
      if (lostMessage !== null) this.patch('reflow', runId, { status: 'failed', error: message('science.deviceLost', { detail: lostMessage }), progress: null });
      else if (!signal.aborted) this.patch('reflow', runId, { status: 'done', progress: null });
    } catch (e) {
      this.patch('reflow', runId, { status: 'failed', error: message('run.engineError', { detail: messageOf(e) }), progress: null });
    } finally {
      trainer?.dispose();
    }
  }
}
