// The compare runner: the runner loop of src/state/runner.ts for compare mode. While the store holds
// a compare setting, it trains runs A and B in lockstep (src/engine/compare.ts) on the page's play,
// speed, step and reset requests, and the single-run runner stands idle (its hook: `s.compare`).
// Any change of the config or of the setting rebuilds both runs from step 0 (same start); replies
// from an older engine are dropped by generation number, like runner.ts does.
import type { RunConfig } from '../engine/runConfig';
import type { EngineKind } from '../engine/trainer';
import type { EnginePreference } from '../engine/createTrainer';
import type { CompareHandle } from '../engine/createCompare';
import { compareConfigs, type CompareEngine, type CompareKey, type CompareSetting } from '../engine/compare';
import { CurveBuffer } from './curves';
import { StepPacer } from './stepPacing';
import { EVAL_DUTY, EVAL_INTERVAL_MS } from './runner';
import { COMPARE_OFF, type CompareRunView } from './compareSlice';
import type { AppStore, Store } from './store';

export interface CompareRunnerDeps {
  store: AppStore;
  create: (configs: readonly [RunConfig, RunConfig], key: CompareKey, preference: EnginePreference) => Promise<CompareHandle>;
  now?: () => number;
  requestFrame?: (cb: (t: number) => void) => number;
  cancelFrame?: (id: number) => void;
  /** pause after a config change before both runs rebuild (a dragged slider rebuilds once) */
  rebuildDelayMs?: number;
}

/** Default of CompareRunnerDeps.rebuildDelayMs. */
export const COMPARE_REBUILD_DELAY_MS = 250;

export class CompareRunner {
  private readonly store: AppStore;
  private readonly deps: Required<CompareRunnerDeps>;
  private engine: CompareEngine | null = null;
  private kind: EngineKind = 'cpu';
  private generation = 0;
  private stepInFlight = false;
  private evalInFlight = false;
  private evalDirty = true;
  private lastEvalStep = -1;
  private lastEvalEnd = -Infinity;
  private lastEvalDuration = 0;
  private requested = 0;
  private singleSteps = 0;
  private readonly pacer = new StepPacer();
  private frameId = 0;
  private running = false;
  private unsubscribe: (() => void) | null = null;
  private rebuildTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(deps: CompareRunnerDeps) {
    this.store = deps.store;
    this.deps = {
      now: () => performance.now(),
      requestFrame: (cb) => requestAnimationFrame(cb),
      cancelFrame: (id) => cancelAnimationFrame(id),
      rebuildDelayMs: COMPARE_REBUILD_DELAY_MS,
      ...deps,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.subscribe((s, prev) => this.onStore(s, prev));
    if (this.store.getState().compare) this.rebuild();
    this.frameId = this.deps.requestFrame(this.frame);
  }

  stop(): void {
    this.running = false;
    this.deps.cancelFrame(this.frameId);
    this.unsubscribe?.();
    this.drop();
  }

  /** The current engine (tests). */
  get current(): CompareEngine | null {
    return this.engine;
  }

  private onStore(s: Store, prev: Store): void {
    if (s.compare !== prev.compare || (s.compare && s.enginePref !== prev.enginePref)) return this.rebuild();
    if (!s.compare) return;
    if (s.config !== prev.config) {
      // the runs stop now; the rebuild waits for the last of a burst of changes
      this.drop();
      if (this.rebuildTimer !== null) clearTimeout(this.rebuildTimer);
      this.rebuildTimer = setTimeout(() => { this.rebuildTimer = null; this.rebuild(); }, this.deps.rebuildDelayMs);
      return;
    }
    if (s.resetRequest !== prev.resetRequest) this.reset();
    if (s.stepRequest !== prev.stepRequest) this.singleSteps++;
  }

  private drop(): void {
    this.generation++;
    if (this.rebuildTimer !== null) { clearTimeout(this.rebuildTimer); this.rebuildTimer = null; }
    this.stepInFlight = false;
    this.evalInFlight = false;
    this.engine?.dispose();
    this.engine = null;
  }

  private freshRuns(configs: readonly RunConfig[]): CompareRunView[] {
    return configs.map((config, i) => ({ config, pairs: this.engine?.pairs[i] ?? null, curves: new CurveBuffer(), evaluation: null, weights: null }));
  }

  private rebuild(): void {
    this.drop();
    const gen = this.generation;
    const s = this.store.getState();
    const setting: CompareSetting | null = s.compare;
    this.requested = 0;
    this.singleSteps = 0;
    this.lastEvalStep = -1;
    this.evalDirty = true;
    this.lastEvalEnd = -Infinity;
    if (!setting) {
      this.store.setState({ compareState: COMPARE_OFF });
      return;
    }
    const configs = compareConfigs(s.config, setting);
    this.store.setState({ compareState: { ...COMPARE_OFF, phase: 'starting', runs: this.freshRuns(configs) } });
    this.deps.create(configs, setting.key, s.enginePref).then((handle) => {
      if (gen !== this.generation) return handle.engine.dispose();
      this.engine = handle.engine;
      this.pacer.reset();
      this.kind = handle.kind;
      this.store.setState((st) => ({
        compareState: {
          ...st.compareState, phase: 'ready', kind: handle.kind, batched: handle.engine.batched, notice: handle.notice,
          runs: st.compareState.runs.map((r, i) => ({ ...r, pairs: handle.engine.pairs[i] })),
        },
      }));
    }, (err: unknown) => {
      if (gen !== this.generation) return;
      const message = err instanceof Error ? err.message : String(err);
      this.store.setState((st) => ({ compareState: { ...st.compareState, phase: 'failed', notice: `The compare runs could not start: ${message}` } }));
    });
  }

  private reset(): void {
    const e = this.engine;
    if (!e) return;
    this.generation++;
    this.stepInFlight = false;
    this.evalInFlight = false;
    e.reset();
    this.requested = 0;
    this.lastEvalStep = -1;
    this.evalDirty = true;
    this.store.setState((st) => ({ compareState: { ...st.compareState, step: 0, finished: false, version: st.compareState.version + 1, runs: this.freshRuns(e.configs) } }));
  }

  private readonly frame = (now: number): void => {
    if (!this.running) return;
    this.frameId = this.deps.requestFrame(this.frame);
    const e = this.engine;
    const s = this.store.getState();
    if (!e || !s.compare) return;
    if (!this.stepInFlight) this.requestSteps(e, s);
    if (!this.evalInFlight && this.evaluationDue(now, s)) this.requestEvaluation(e, now);
  };

  private requestSteps(e: CompareEngine, s: Store): void {
    const target = s.config.steps;
    const plan = this.pacer.plan(s.playing, s.speed, target > 0 ? target - this.requested : Infinity, this.singleSteps);
    if (plan.kind === 'finished') {
      this.store.setState((st) => ({ playing: false, compareState: { ...st.compareState, finished: true } }));
      this.evalDirty = true;
      return;
    }
    if (plan.kind === 'idle') return;
    if (plan.single) this.singleSteps--;
    const { n } = plan;
    const gen = this.generation;
    this.stepInFlight = true;
    this.requested += n;
    const sent = this.deps.now();
    e.step(n).then((snaps) => {
      if (gen !== this.generation) return;
      this.stepInFlight = false;
      this.pacer.measured(n, this.deps.now() - sent);
      const st = this.store.getState().compareState;
      snaps.forEach((snap, i) => { for (const r of snap.records) st.runs[i]?.curves.push(r); });
      this.store.setState({ compareState: { ...st, step: snaps[0].step, version: st.version + 1 } });
    }, (err: unknown) => this.fail(gen, err));
  }

  private evaluationDue(now: number, s: Store): boolean {
    const step = s.compareState.step;
    if (this.evalDirty) return !this.stepInFlight || step === 0;
    if (step === this.lastEvalStep) return false;
    if (!s.playing) return !this.stepInFlight;
    return now - this.lastEvalEnd >= Math.max(EVAL_INTERVAL_MS[this.kind], EVAL_DUTY * this.lastEvalDuration);
  }

  private requestEvaluation(e: CompareEngine, startedAt: number): void {
    const gen = this.generation;
    this.evalInFlight = true;
    this.evalDirty = false;
    const started = this.deps.now();
    e.evaluate().then(async (evaluations) => [evaluations, await e.weights()] as const).then(([evaluations, weights]) => {
      if (gen !== this.generation) return;
      this.evalInFlight = false;
      this.lastEvalDuration = this.deps.now() - started;
      this.lastEvalEnd = startedAt + this.lastEvalDuration;
      this.lastEvalStep = evaluations[0].metrics.step;
      this.store.setState((st) => ({
        compareState: { ...st.compareState, runs: st.compareState.runs.map((r, i) => ({ ...r, evaluation: evaluations[i], weights: weights[i] })) },
      }));
    }, (err: unknown) => this.fail(gen, err));
  }

  private fail(gen: number, err: unknown): void {
    if (gen !== this.generation) return;
    this.stepInFlight = false;
    this.evalInFlight = false;
    const message = err instanceof Error ? err.message : String(err);
    this.store.setState((st) => ({ playing: false, compareState: { ...st.compareState, phase: 'failed', notice: `The compare runs stopped: ${message}` } }));
  }
}
