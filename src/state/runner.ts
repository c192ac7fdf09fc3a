// The runner loop (docs/architecture.md#one-step-from-the-σ-slider-to-the-shader-and-back-to-the-plot): one requestAnimationFrame loop asks the trainer for work
// and pushes what comes back into the store. The frame never awaits: at most one step() and one
// evaluate() are in flight, and a reply from an older trainer (or from before a reset) is dropped
// by its generation number. Rebuild keys (src/engine/runConfig.ts) rebuild the trainer; every
// other change goes to setLive() and leaves a labelled marker on the curves.
import { LIVE_KEYS, REBUILD_KEYS, type ConfigKey, type LiveSettings, type RunConfig } from '../engine/runConfig';
import type { Evaluation, Trainer, TrainSnapshot } from '../engine/trainer';
import type { CreateOptions, TrainerHandle } from '../engine/createTrainer';
import { T_BINS } from '../math/metrics';
import { makePairs, type PairSet } from '../math/couplings';
import { worldSpec } from '../engine/world';
import { CurveBuffer } from './curves';
import { divergedError, firstDivergence } from './divergence';
import { changeMarkers, mergeMarkers } from './markers';
import { StepDispatcher } from './stepDispatcher';
import { runGoal } from './runGoal';
import { StepRate } from './stepRate';
import { EvalSchedule } from './evalSchedule';
import { FrameLoop, runnerClock, type RunnerClock } from './frameLoop';
import type { AppStore, Store } from './store';
import type { TrainState } from '../engine/trainState';
import { message } from '../i18n/message';

/** Live settings that only change what evaluate() integrates: a new evaluation is due. */
const EVAL_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>(['integrator', 'odeSteps', 'particles', 'sigma', 'interpolant']);

/**
 * Fresh particles of the first evaluation of a run: the learned flow draws within
 * ~2 s of load, then the configured count follows at once. Reproduction uses the training x0's and
 * is the same; W2 and the drawing are a preview. Quoted figures never come from here (story:measure
 * evaluates the full configuration).
 */
export const PREVIEW_PARTICLES = 128;

export interface RunnerDeps extends Partial<RunnerClock> {
  store: AppStore;
  create: (config: RunConfig, opts: CreateOptions) => Promise<TrainerHandle>;
}

/** The training pairs of `config`, or null when they cannot be made (the engine then reports why). */
function pairsOf(config: RunConfig): PairSet | null {
  try {
    return makePairs(worldSpec(config), config.seed);
  } catch (err) {
    console.warn(`flowvar: pairs not drawn before the engine starts (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

function liveSettings(c: RunConfig): Partial<LiveSettings> {
  return Object.fromEntries(LIVE_KEYS.map((k) => [k, c[k]])) as Partial<LiveSettings>;
}

function needsRebuild(a: RunConfig, b: RunConfig): boolean {
  for (const key of REBUILD_KEYS) {
    const x = a[key], y = b[key];
    if (Array.isArray(x) && Array.isArray(y) ? x.length !== y.length || x.some((v, i) => v !== y[i]) : !Object.is(x, y)) return true;
  }
  return false;
}

export class Runner {
  private readonly store: AppStore;
  private readonly deps: RunnerDeps & RunnerClock;
  private trainer: Trainer | null = null;
  /** config the trainer reflects (rebuild fields and the live settings sent) */
  private applied: RunConfig | null = null;
  private generation = 0;
  /** bumped per rebuild only (a reset keeps the trainer): device loss is checked against it */
  private build = 0;
  private readonly evals = new EvalSchedule();
  /** the step calls of the current trainer (one in flight, sized by the StepPacer) */
  private readonly steps: StepDispatcher<TrainSnapshot>;
  private readonly rate = new StepRate();
  private readonly loop: FrameLoop;
  /** resolves once every replaced trainer has released its resources */
  private closing: Promise<void> = Promise.resolve();

  constructor(deps: RunnerDeps) {
    this.store = deps.store;
    this.deps = { ...deps, ...runnerClock(deps) };
    this.loop = new FrameLoop(this.deps, this.store, (s, prev) => this.onStore(s, prev), (now) => this.frame(now));
    this.steps = new StepDispatcher<TrainSnapshot>({
      want: () => {
        const t = this.trainer, s = this.store.getState();
        if (!t || s.error || s.compare) return null; // compare mode: src/state/compareRunner.ts trains
        return { playing: s.playing, speed: s.speed, target: runGoal(s), send: (n) => t.step(n) };
      },
      absorb: (snap) => this.absorb(snap),
      finished: () => {
        this.store.setState({ playing: false, finished: true });
        this.evals.dirty = true;
      },
      failed: (err) => this.fail(this.generation, err),
    }, this.deps);
  }

  start(): void {
    if (this.loop.start()) this.rebuild(false);
  }

  stop(): void {
    this.loop.stop();
    this.dropReplies();
    this.trainer?.dispose();
    this.trainer = null;
  }

  /** The current trainer (tests and export). */
  get current(): Trainer | null {
    return this.trainer;
  }

  /** A step call of the current trainer is out (tests switch settings under one). */
  get stepInFlight(): boolean {
    return this.steps.inFlight;
  }

  /** An evaluation of the current trainer is out (tests switch settings under one). */
  get evalInFlight(): boolean {
    return this.evals.inFlight;
  }

  private onStore(s: Store, prev: Store): void {
    if (s.config !== prev.config) this.onConfig(s.config);
    if (s.resetRequest !== prev.resetRequest) this.reset();
    if (s.stepRequest !== prev.stepRequest) this.steps.singleSteps++;
    if (s.cpuRequest !== prev.cpuRequest) this.rebuild(true);
    if (s.weightsRequest !== prev.weightsRequest) this.rebuild(false, s.loadedWeights);
    if (s.engineRequest !== prev.engineRequest) this.rebuild(false);
  }

  private onConfig(next: RunConfig): void {
    const t = this.trainer, prev = this.applied;
    if (!t || !prev) return; // building: the build compares its config with the store's when done
    if (needsRebuild(prev, next)) return this.rebuild(false);
    t.setLive(liveSettings(next));
    this.applied = next;
    const added = changeMarkers(this.store.getState().stepCount, prev, next);
    if (added.length > 0) this.store.setState((s) => ({ markers: mergeMarkers(s.markers, added) }));
    if (LIVE_KEYS.some((k) => EVAL_KEYS.has(k) && !Object.is(prev[k], next[k]))) this.evals.dirty = true;
    if (next.steps !== prev.steps) this.store.setState((s) => ({ finished: s.finished && next.steps > 0 && this.steps.requested >= runGoal(s) }));
  }

  /** Drops every reply in flight (steps and evaluations), for a new trainer, a reset or stop; the new generation. */
  private dropReplies(): number {
    this.steps.cancel();
    this.evals.restart();
    return ++this.generation;
  }

  /**
   * A new trainer for the store's config: drops in-flight replies and the curves (kept when
   * carrying weights to the CPU). `load`: a train state to continue from (a loaded weights file).
   */
  private rebuild(carryToCpu: boolean, load: TrainState | null = null): void {
    const gen = this.dropReplies();
    const build = ++this.build;
    // every older engine settles its in-flight work before the new one starts
    const closed = this.closing = Promise.all([this.closing, this.trainer?.dispose()]).then(() => undefined);
    this.trainer = null;
    this.applied = null;
    const s = this.store.getState();
    const config = s.config;
    const carried = carryToCpu ? s.weights : load;
    // nothing read back yet (no evaluation finished): the carried run starts over, curves cleared
    const keepRun = carryToCpu && carried !== null;
    this.store.setState({
      engine: { ...s.engine, phase: 'starting' },
      // the pairs are a pure function of (world, seed): drawn at once, before the engine is ready
      pairs: keepRun ? s.pairs : pairsOf(config),
      ...(keepRun ? {} : this.clearedRun(s)),
    });
    const preference = carryToCpu ? 'cpu' : s.enginePref;
    closed.then(() => {
      if (gen !== this.generation) return null; // superseded while the old engine closed
      return this.deps.create(config, {
        preference,
        onDeviceLost: (message) => this.onLost(build, 'device-lost', message),
        onWorkerLost: (message) => this.onLost(build, 'worker-lost', message),
      });
    }).then((handle) => {
      if (!handle) return;
      if (gen !== this.generation) return handle.trainer.dispose();
      const trainer = handle.trainer;
      if (carried) {
        trainer.setWeights(carried);
        if (keepRun) this.resumeAt(carried.step, handle.info.adapterName);
      }
      this.trainer = trainer;
      this.steps.restart(trainer.stepCount);
      this.applied = config;
      this.evals.restart();
      this.store.setState({
        engine: { phase: 'ready', kind: handle.info.kind, adapterName: handle.info.adapterName, software: handle.info.software, fallbackReason: handle.info.fallbackReason },
        pairs: trainer.pairs,
        stepCount: trainer.stepCount,
      });
      const latest = this.store.getState().config;
      if (latest !== config) this.onConfig(latest);
      // the first steps and evaluation go out now, not at the next animation frame (a software-
      // rendered page put 2.4 s between a rebuilt engine and its first step: docs/design.md#the-page-never-blocks)
      this.deps.soon?.(() => { if (gen === this.generation) this.frame(this.deps.now()); });
    }, (err: unknown) => {
      if (gen !== this.generation) return;
      const detail = err instanceof Error ? err.message : String(err);
      this.store.setState((st) => ({ engine: { ...st.engine, phase: 'failed' }, error: { kind: 'engine', message: message('run.engineFailed', { detail }) }, playing: false }));
    });
  }

  /**
   * A run carried to another engine resumes from its last read weights: the curves and markers
   * after that step are cut (they are trained again), and a notice names the new engine.
   */
  private resumeAt(step: number, engineName: string): void {
    const s = this.store.getState();
    const dropped = s.stepCount - step;
    s.curves.truncateAfter(step);
    this.evals.lastStep = -1;
    this.store.setState({
      curveVersion: s.curveVersion + 1,
      markers: s.markers.filter((m) => m.step <= step),
      stepCount: step,
      finished: false,
      engineNotice: dropped > 0
        ? message('run.continuedRetrain', { engine: engineName, step, from: step + 1, to: s.stepCount })
        : message('run.continued', { engine: engineName, step }),
    });
  }

  private clearedRun(s: Store): Partial<Store> {
    this.steps.requested = 0;
    this.evals.lastStep = -1;
    return {
      curves: new CurveBuffer(), curveVersion: s.curveVersion + 1, markers: [], stepCount: 0, finished: false, goal: 0, segments: [],
      evaluation: null, evaluationPreview: null, weights: null, gradVarByT: new Array<number>(T_BINS).fill(NaN),
      error: s.error?.kind === 'device-lost' ? s.error : null,
    };
  }

  private reset(): void {
    const t = this.trainer;
    if (!t) return;
    this.dropReplies();
    t.reset();
    this.store.setState((s) => this.clearedRun(s));
  }

  /** The engine is gone (a lost GPU device, a dead CPU worker): paused, with a banner that carries the run on. */
  private onLost(build: number, kind: 'device-lost' | 'worker-lost', detail: string): void {
    if (build !== this.build) return; // a replaced trainer's loss is not this run's
    this.store.setState({ playing: false, error: { kind, message: message(kind === 'worker-lost' ? 'run.workerLost' : 'run.engineError', { detail }) } });
  }

  private fail(gen: number, err: unknown): void {
    if (gen !== this.generation) return;
    const detail = err instanceof Error ? err.message : String(err);
    this.store.setState((s) => (s.error ? { playing: false } : { playing: false, error: { kind: 'engine', message: message('run.engineError', { detail }) } }));
  }

  private frame(now: number): void {
    const t = this.trainer;
    if (!t) return;
    const s = this.store.getState();
    if (s.compare) return; // compare mode: src/state/compareRunner.ts trains the two runs instead
    this.steps.request();
    this.maybeEvaluate(t, now);
    const stepsPerSec = this.rate.sample(now, s.stepCount);
    if (stepsPerSec !== null && stepsPerSec !== s.stepsPerSec) this.store.setState({ stepsPerSec });
  }

  private absorb(snap: TrainSnapshot): void {
    const s = this.store.getState();
    for (const r of snap.records) s.curves.push(r);
    const bins = snap.gradVarByT.some(Number.isFinite) ? snap.gradVarByT : s.gradVarByT;
    this.store.setState({ stepCount: snap.step, curveVersion: s.curveVersion + 1, gradVarByT: bins });
    const diverged = firstDivergence(snap.records);
    if (diverged) this.store.setState({ playing: false, error: divergedError(diverged) });
    // evaluations keep their pace when animation frames stall (a software-rendered page went 10 s
    // without one while the steps, sent on replies, went on)
    else if (this.trainer) this.maybeEvaluate(this.trainer, this.deps.now());
  }

  /** Sends an evaluation if one is due (docs/design.md#the-page-never-blocks). */
  private maybeEvaluate(t: Trainer, now: number): void {
    const s = this.store.getState();
    if (!s.error && this.evals.due(now, s.stepCount, s.playing, this.steps.inFlight, t.kind)) this.requestEvaluation(t, now);
  }

  private requestEvaluation(t: Trainer, startedAt: number): void {
    const gen = this.generation;
    this.evals.began();
    const started = this.deps.now();
    const full = this.applied?.particles ?? 0;
    const preview = this.evals.lastStep < 0 && full > PREVIEW_PARTICLES ? PREVIEW_PARTICLES : null;
    if (preview !== null) t.setLive({ particles: preview });
    // the configured count comes back once the preview was integrated (a reset keeps the trainer)
    const restore = () => { if (preview !== null && this.trainer === t && this.applied) t.setLive({ particles: this.applied.particles }); };
    let evaluation: Evaluation;
    t.evaluate()
      .then((ev) => { evaluation = ev; restore(); return t.trainState(); })
      .then((state) => {
        if (gen !== this.generation) return;
        // a preview's duration is 0: the full evaluation follows at once; otherwise the engine's own
        // time where it reports one (a CPU evaluation queued behind a step call, or answered while the
        // page was busy drawing, took 2.4 s of wall time for 0.1 s of work and paced the next 10 s away)
        const duration = preview !== null ? 0 : evaluation.computeMs ?? this.deps.now() - started;
        this.evals.ended(startedAt, duration, evaluation.metrics.step);
        if (preview !== null) this.evals.dirty = true;
        this.store.setState({ evaluation, evaluationPreview: preview, weights: state });
      }, (err: unknown) => {
        restore();
        if (gen === this.generation) this.evals.inFlight = false;
        this.fail(gen, err);
      });
  }
}
