// The compare runner: the runner loop of src/state/runner.ts for compare mode. While the store holds
// a compare setting, it trains runs A and B in lockstep (src/engine/compare.ts) on the page's play,
// speed, step and reset requests, and the single-run runner stands idle (its hook: `s.compare`).
// Any change of the config or of the setting rebuilds both runs from step 0 (same start); replies
// from an older engine are dropped by generation number, like runner.ts does.
import type { RunConfig } from '../engine/runConfig';
import type { EngineKind, TrainSnapshot } from '../engine/trainer';
import type { EnginePreference } from '../engine/createTrainer';
import type { CompareHandle } from '../engine/createCompare';
import { compareConfigs, RUN_NAMES, settingLabel, type CompareEngine, type CompareKey, type CompareSetting } from '../engine/compare';
import { CurveBuffer } from './curves';
import { divergedError, firstDivergence } from './divergence';
import { StepDispatcher } from './stepDispatcher';
import { runGoal } from './runGoal';
import { StepRate } from './stepRate';
import { EvalSchedule } from './evalSchedule';
import { FrameLoop, runnerClock, type RunnerClock } from './frameLoop';
import { COMPARE_OFF, type CompareRunView } from './compareSlice';
import type { AppStore, Store } from './store';
import { message } from '../i18n/message';

export interface CompareRunnerDeps extends Partial<RunnerClock> {
  store: AppStore;
  /** `onFailure`: the runs' failures outside a request (a lost device, a dead worker) */
  create: (configs: readonly [RunConfig, RunConfig], key: CompareKey, preference: EnginePreference, onFailure: (message: string) => void) => Promise<CompareHandle>;
  /** pause after a config change before both runs rebuild (a dragged slider rebuilds once) */
  rebuildDelayMs?: number;
}

/** Default of CompareRunnerDeps.rebuildDelayMs. */
export const COMPARE_REBUILD_DELAY_MS = 250;

export class CompareRunner {
  private readonly store: AppStore;
  private readonly deps: Required<CompareRunnerDeps> & RunnerClock;
  private engine: CompareEngine | null = null;
  private kind: EngineKind = 'cpu';
  private generation = 0;
  /** bumped per rebuild only (a reset keeps the engine): an engine's failures are checked against it */
  private build = 0;
  private readonly evals = new EvalSchedule(true);
  /** the step calls of both runs (one in flight, sized by the StepPacer) */
  private readonly steps: StepDispatcher<readonly TrainSnapshot[]>;
  private readonly loop: FrameLoop;
  private readonly rate = new StepRate();
  private rebuildTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(deps: CompareRunnerDeps) {
    this.store = deps.store;
    this.deps = { rebuildDelayMs: COMPARE_REBUILD_DELAY_MS, ...deps, ...runnerClock(deps) };
    this.loop = new FrameLoop(this.deps, this.store, (s, prev) => this.onStore(s, prev), (now) => this.frame(now));
    this.steps = new StepDispatcher<readonly TrainSnapshot[]>({
      want: () => {
        const e = this.engine, s = this.store.getState();
        if (!e || !s.compare || s.error) return null;
        // the shown run's goal: Play after it trains one more segment (src/state/runGoal.ts)
        return { playing: s.playing, speed: s.speed, target: runGoal(s), send: (n) => e.step(n) };
      },
      absorb: (snaps) => this.absorb(snaps),
      finished: () => {
        this.store.setState((st) => ({ playing: false, compareState: { ...st.compareState, finished: true } }));
        this.evals.dirty = true;
      },
      failed: (err) => this.fail(this.generation, err),
    }, this.deps);
  }

  start(): void {
    if (this.loop.start() && this.store.getState().compare) this.rebuild();
  }

  stop(): void {
    this.loop.stop();
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
    if (s.stepRequest !== prev.stepRequest) this.steps.singleSteps++;
  }

  /** Drops every reply in flight (steps and evaluations) of the current engine. */
  private dropReplies(): void {
    this.generation++;
    this.steps.cancel();
    this.evals.restart();
  }

  private drop(): void {
    this.dropReplies();
    if (this.rebuildTimer !== null) { clearTimeout(this.rebuildTimer); this.rebuildTimer = null; }
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
    // drop() cancelled the steps and evaluations in flight; the new runs count from 0
    this.steps.restart(0);
    this.steps.singleSteps = 0;
    if (!setting) {
      this.store.setState({ compareState: COMPARE_OFF });
      return;
    }
    const configs = compareConfigs(s.config, setting);
    this.store.setState({ compareState: { ...COMPARE_OFF, phase: 'starting', runs: this.freshRuns(configs) }, goal: 0, segments: [] });
    // a config change rebuilds both runs from step 0: a diverged pair starts over, as after Reset
    if (s.error?.kind === 'diverged') this.store.setState({ error: null });
    const build = ++this.build;
    const onFailure = (message: string) => { if (build === this.build) this.fail(this.generation, new Error(message)); };
    this.deps.create(configs, setting.key, s.enginePref, onFailure).then((handle) => {
      if (gen !== this.generation) return handle.engine.dispose();
      this.engine = handle.engine;
      this.kind = handle.kind;
      this.store.setState((st) => ({
        compareState: {
          ...st.compareState, phase: 'ready', kind: handle.kind, batched: handle.engine.batched, notice: handle.notice,
          runs: st.compareState.runs.map((r, i) => ({ ...r, pairs: handle.engine.pairs[i] })),
        },
      }));
    }, (err: unknown) => {
      if (gen !== this.generation) return;
      const detail = err instanceof Error ? err.message : String(err);
      this.store.setState((st) => ({ compareState: { ...st.compareState, phase: 'failed', notice: message('run.compareFailed', { detail }) } }));
    });
  }

  private reset(): void {
    const e = this.engine;
    if (!e) return;
    this.dropReplies();
    e.reset();
    this.steps.requested = 0;
    this.store.setState((st) => ({ compareState: { ...st.compareState, step: 0, finished: false, version: st.compareState.version + 1, runs: this.freshRuns(e.configs) }, goal: 0, segments: [] }));
  }

  private frame(now: number): void {
    const e = this.engine;
    const s = this.store.getState();
    if (!e || !s.compare) return;
    this.steps.request();
    const stepsPerSec = this.rate.sample(now, s.compareState.step);
    if (stepsPerSec !== null && stepsPerSec !== s.compareState.stepsPerSec) this.store.setState((st) => ({ compareState: { ...st.compareState, stepsPerSec } }));
    if (!s.error && this.evals.due(now, s.compareState.step, s.playing, this.steps.inFlight, this.kind)) this.requestEvaluation(e, now);
  }

  private absorb(snaps: readonly TrainSnapshot[]): void {
    const s = this.store.getState(), st = s.compareState;
    snaps.forEach((snap, i) => { for (const r of snap.records) st.runs[i]?.curves.push(r); });
    this.store.setState({ compareState: { ...st, step: snaps[0].step, version: st.version + 1 } });
    // NaN or Infinity in either run stops both, with the single run's banner (its Reset resets both)
    const diverged = snaps.map((snap) => firstDivergence(snap.records));
    const i = diverged.findIndex((d) => d !== null);
    if (i >= 0 && s.compare) {
      const run = { name: RUN_NAMES[i], setting: settingLabel(s.compare.key, st.runs[i]?.config[s.compare.key] ?? s.compare.value) };
      this.store.setState({ playing: false, error: divergedError(diverged[i]!, run) });
    }
  }

  private requestEvaluation(e: CompareEngine, startedAt: number): void {
    const gen = this.generation;
    this.evals.began();
    const started = this.deps.now();
    e.evaluate().then(async (evaluations) => [evaluations, await e.weights()] as const).then(([evaluations, weights]) => {
      if (gen !== this.generation) return;
      this.evals.ended(startedAt, this.deps.now() - started, evaluations[0].metrics.step);
      this.store.setState((st) => ({
        compareState: { ...st.compareState, runs: st.compareState.runs.map((r, i) => ({ ...r, evaluation: evaluations[i], weights: weights[i] })) },
      }));
    }, (err: unknown) => this.fail(gen, err));
  }

  private fail(gen: number, err: unknown): void {
    if (gen !== this.generation) return;
    this.evals.inFlight = false;
    const detail = err instanceof Error ? err.message : String(err);
    this.store.setState((st) => ({ playing: false, compareState: { ...st.compareState, phase: 'failed', notice: message('run.compareStopped', { detail }) } }));
  }
}
