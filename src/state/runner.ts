// The runner loop (DESIGN.md src/state): one requestAnimationFrame loop asks the trainer for work
// and pushes what comes back into the store. The frame never awaits: at most one step() and one
// evaluate() are in flight, and a reply from an older trainer (or from before a reset) is dropped
// by its generation number. Rebuild keys (src/engine/runConfig.ts) rebuild the trainer; every
// other change goes to setLive() and leaves a labelled marker on the curves.
import { LIVE_KEYS, REBUILD_KEYS, type ConfigKey, type LiveSettings, type RunConfig } from '../engine/runConfig';
import type { EngineKind, Evaluation, Trainer, TrainSnapshot } from '../engine/trainer';
import type { CreateOptions, TrainerHandle } from '../engine/createTrainer';
import { T_BINS } from '../math/metrics';
import { makePairs, type PairSet } from '../math/couplings';
import { worldSpec } from '../engine/world';
import { CurveBuffer } from './curves';
import { formatSetting } from './format';
import { StepPacer } from './stepPacing';
import type { AppStore, Store } from './store';
import type { ChangeMarker, WeightsSnapshot } from './runSlice';

/** Live settings that change the training itself: each change leaves a marker on the curves. */
const MARKED_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>(['sigma', 'interpolant', 'lr', 'weightDecay', 'warmup', 'schedule']);
/** Live settings that only change what evaluate() integrates: a new evaluation is due. */
const EVAL_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>(['integrator', 'odeSteps', 'particles', 'sigma', 'interpolant']);
const SYMBOL: Partial<Record<ConfigKey, string>> = { sigma: 'σ', lr: 'lr', weightDecay: 'wd' };

/** Shortest pause between evaluations while training runs, and its multiple of the last duration. */
export const EVAL_INTERVAL_MS: Record<EngineKind, number> = { gpu: 500, cpu: 1500 };
export const EVAL_DUTY = 4;
/**
 * Fresh particles of the first evaluation of a run (issue 8, item 4): the learned flow draws within
 * ~2 s of load, then the configured count follows at once. Reproduction uses the training x0's and
 * is the same; W2 and the drawing are a preview. Quoted figures never come from here (story:measure
 * evaluates the full configuration).
 */
export const PREVIEW_PARTICLES = 128;
const RATE_WINDOW_MS = 500;
/** The steps/s readout averages over this span (longer than an evaluation of the CPU worker). */
const RATE_SPAN_MS = 3000;

export interface RunnerDeps {
  store: AppStore;
  create: (config: RunConfig, opts: CreateOptions) => Promise<TrainerHandle>;
  now?: () => number;
  requestFrame?: (cb: (t: number) => void) => number;
  cancelFrame?: (id: number) => void;
  /**
   * Runs `cb` soon (default: a zero-delay timeout) to send the next steps as soon as a reply came,
   * not at the next frame. null: steps only on frames (tests that pump the frame clock by hand).
   */
  soon?: ((cb: () => void) => void) | null;
}

/** Markers for the training settings that differ between two configs, e.g. "σ 0 → 0.3". */
export function changeMarkers(step: number, prev: RunConfig, next: RunConfig): ChangeMarker[] {
  const out: ChangeMarker[] = [];
  for (const key of MARKED_KEYS) {
    if (Object.is(prev[key], next[key])) continue;
    const from = formatSetting(key, prev[key]);
    out.push({ step, key, from, label: `${SYMBOL[key] ?? key} ${from} → ${formatSetting(key, next[key])}` });
  }
  return out;
}

/**
 * Appends markers; a change of the same setting at the same step (a dragged slider) merges with
 * the previous marker: "σ 0 → 0.3" then "σ 0.3 → 0.5" becomes "σ 0 → 0.5".
 */
export function mergeMarkers(markers: ChangeMarker[], added: ChangeMarker[]): ChangeMarker[] {
  const out = [...markers];
  for (const m of added) {
    const i = out.findIndex((o) => o.step === m.step && o.key === m.key);
    if (i < 0) { out.push(m); continue; }
    const from = out[i].from;
    const to = m.label.slice(m.label.lastIndexOf('→ ') + 2);
    if (from === to) out.splice(i, 1);
    else out[i] = { ...m, from, label: `${SYMBOL[m.key as ConfigKey] ?? m.key} ${from} → ${to}` };
  }
  return out;
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
  private readonly deps: Required<RunnerDeps>;
  private trainer: Trainer | null = null;
  /** config the trainer reflects (rebuild fields and the live settings sent) */
  private applied: RunConfig | null = null;
  private generation = 0;
  /** bumped per rebuild only (a reset keeps the trainer): device loss is checked against it */
  private build = 0;
  private stepInFlight = false;
  private evalInFlight = false;
  private evalDirty = true;
  private lastEvalEnd = -Infinity;
  private lastEvalDuration = 0;
  private lastEvalStep = -1;
  /** steps asked for since the last reset (GPU snapshots may lag behind the queue) */
  private requested = 0;
  private singleSteps = 0;
  private readonly pacer = new StepPacer();
  private rateTime = 0;
  private readonly rateSamples: { time: number; step: number }[] = [];
  private frameId = 0;
  private running = false;
  private unsubscribe: (() => void) | null = null;
  /** resolves once every replaced trainer has released its resources */
  private closing: Promise<void> = Promise.resolve();

  constructor(deps: RunnerDeps) {
    this.store = deps.store;
    this.deps = {
      now: () => performance.now(),
      requestFrame: (cb) => requestAnimationFrame(cb),
      cancelFrame: (id) => cancelAnimationFrame(id),
      // a hand-pumped frame clock (tests) gets no background stepping unless it asks for it
      soon: deps.requestFrame ? null : (cb) => { setTimeout(cb, 0); },
      ...deps,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.subscribe((s, prev) => this.onStore(s, prev));
    this.rebuild(false);
    this.frameId = this.deps.requestFrame(this.frame);
  }

  stop(): void {
    this.running = false;
    this.deps.cancelFrame(this.frameId);
    this.unsubscribe?.();
    this.generation++;
    this.trainer?.dispose();
    this.trainer = null;
  }

  /** The current trainer (tests and export). */
  get current(): Trainer | null {
    return this.trainer;
  }

  private onStore(s: Store, prev: Store): void {
    if (s.config !== prev.config) this.onConfig(s.config);
    if (s.resetRequest !== prev.resetRequest) this.reset();
    if (s.stepRequest !== prev.stepRequest) this.singleSteps++;
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
    if (LIVE_KEYS.some((k) => EVAL_KEYS.has(k) && !Object.is(prev[k], next[k]))) this.evalDirty = true;
    if (next.steps !== prev.steps) this.store.setState((s) => ({ finished: s.finished && next.steps > 0 && this.requested >= next.steps }));
  }

  /** Drops in-flight replies and the curves (kept when carrying weights to the CPU). */
  /** `load`: weights to continue from (a loaded weights file), applied to the new trainer. */
  private rebuild(carryToCpu: boolean, load: WeightsSnapshot | null = null): void {
    const gen = ++this.generation;
    const build = ++this.build;
    this.stepInFlight = false;
    this.evalInFlight = false;
    // every older engine settles its in-flight work before the new one starts (issue 8, defect 1)
    const closed = this.closing = Promise.all([this.closing, this.trainer?.dispose()]).then(() => undefined);
    this.trainer = null;
    this.applied = null;
    const s = this.store.getState();
    const config = s.config;
    const carried = carryToCpu ? s.weights : load;
    this.store.setState({
      engine: { ...s.engine, phase: 'starting' },
      // the pairs are a pure function of (world, seed): drawn at once, before the engine is ready
      pairs: carryToCpu ? s.pairs : pairsOf(config),
      ...(carryToCpu ? {} : this.clearedRun(s)),
    });
    const preference = carryToCpu ? 'cpu' : s.enginePref;
    closed.then(() => {
      if (gen !== this.generation) return null; // superseded while the old engine closed
      return this.deps.create(config, { preference, onDeviceLost: (message) => this.onDeviceLost(build, message) });
    }).then((handle) => {
      if (!handle) return;
      if (gen !== this.generation) return handle.trainer.dispose();
      const trainer = handle.trainer;
      const withWeights = trainer as Trainer & { setWeights?: (theta: Float32Array, step: number) => void };
      if (carried && withWeights.setWeights) {
        withWeights.setWeights(carried.theta, carried.step);
        if (carryToCpu) this.resumeAt(carried.step, handle.info.adapterName);
      }
      this.trainer = trainer;
      this.pacer.reset();
      this.applied = config;
      this.requested = trainer.stepCount;
      this.evalDirty = true;
      this.lastEvalEnd = -Infinity;
      this.store.setState({
        engine: { phase: 'ready', kind: handle.info.kind, adapterName: handle.info.adapterName, software: handle.info.software, fallbackReason: handle.info.fallbackReason },
        pairs: trainer.pairs,
        stepCount: trainer.stepCount,
      });
      const latest = this.store.getState().config;
      if (latest !== config) this.onConfig(latest);
    }, (err: unknown) => {
      if (gen !== this.generation) return;
      const message = err instanceof Error ? err.message : String(err);
      this.store.setState((st) => ({ engine: { ...st.engine, phase: 'failed' }, error: { kind: 'engine', message: `The engine could not start: ${message}` }, playing: false }));
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
    this.lastEvalStep = -1;
    this.store.setState({
      curveVersion: s.curveVersion + 1,
      markers: s.markers.filter((m) => m.step <= step),
      stepCount: step,
      finished: false,
      engineNotice: `Continued on ${engineName} from step ${step}, the last weights read from the GPU`
        + (dropped > 0 ? `; steps ${step + 1}–${s.stepCount} are trained again.` : '.'),
    });
  }

  private clearedRun(s: Store): Partial<Store> {
    this.requested = 0;
    this.lastEvalStep = -1;
    return {
      curves: new CurveBuffer(), curveVersion: s.curveVersion + 1, markers: [], stepCount: 0, finished: false,
      evaluation: null, evaluationPreview: null, weights: null, gradVarByT: new Array<number>(T_BINS).fill(NaN),
      error: s.error?.kind === 'device-lost' ? s.error : null,
    };
  }

  private reset(): void {
    const t = this.trainer;
    if (!t) return;
    this.generation++;
    this.stepInFlight = false;
    this.evalInFlight = false;
    t.reset();
    this.evalDirty = true;
    this.lastEvalEnd = -Infinity;
    this.store.setState((s) => this.clearedRun(s));
  }

  private onDeviceLost(build: number, message: string): void {
    if (build !== this.build) return; // a replaced trainer's loss is not this run's
    this.store.setState({ playing: false, error: { kind: 'device-lost', message } });
  }

  private fail(gen: number, err: unknown): void {
    if (gen !== this.generation) return;
    const message = err instanceof Error ? err.message : String(err);
    this.store.setState((s) => (s.error ? { playing: false } : { playing: false, error: { kind: 'engine', message } }));
  }

  private readonly frame = (now: number): void => {
    if (!this.running) return;
    this.frameId = this.deps.requestFrame(this.frame);
    const t = this.trainer;
    if (!t) return;
    const s = this.store.getState();
    if (s.compare) return; // compare mode: src/state/compareRunner.ts trains the two runs instead
    if (!this.stepInFlight && !s.error) this.requestSteps(t, s);
    if (!this.evalInFlight && !s.error && this.evaluationDue(now, s, t.kind)) this.requestEvaluation(t, now);
    if (now - this.rateTime >= RATE_WINDOW_MS) this.updateRate(now, s);
  };

  /**
   * Steps per second over the last RATE_SPAN_MS (samples every RATE_WINDOW_MS): steps that advanced
   * within the span always read above 0, even when an evaluation held the CPU worker for a window.
   */
  private updateRate(now: number, s: Store): void {
    this.rateTime = now;
    const samples = this.rateSamples;
    if (samples.length > 0 && s.stepCount < samples[samples.length - 1].step) samples.length = 0; // a reset or rebuild
    samples.push({ time: now, step: s.stepCount });
    while (samples.length > 2 && now - samples[1].time >= RATE_SPAN_MS) samples.shift();
    const first = samples[0];
    const stepsPerSec = now > first.time ? ((s.stepCount - first.step) * 1000) / (now - first.time) : 0;
    if (stepsPerSec !== s.stepsPerSec) this.store.setState({ stepsPerSec });
  }

  private requestSteps(t: Trainer, s: Store): void {
    const limit = s.config.steps > 0 && !s.finished ? s.config.steps : Infinity;
    const plan = this.pacer.plan(s.playing, s.speed, limit - this.requested, this.singleSteps);
    if (plan.kind === 'finished') {
      this.store.setState({ playing: false, finished: true });
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
    t.step(n).then((snap) => {
      if (gen !== this.generation) return;
      this.stepInFlight = false;
      this.pacer.measured(n, this.deps.now() - sent);
      this.absorb(snap);
      // the next steps go out at once, not at the next frame: a page whose frames are slow (software
      // raster, a busy machine) still keeps its engine busy
      this.deps.soon?.(() => {
        const next = this.store.getState();
        if (gen === this.generation && !this.stepInFlight && next.playing && !next.error && this.trainer === t) this.requestSteps(t, next);
      });
    }, (err: unknown) => {
      if (gen === this.generation) this.stepInFlight = false;
      this.fail(gen, err);
    });
  }

  private absorb(snap: TrainSnapshot): void {
    const s = this.store.getState();
    const curves = s.curves;
    let diverged: { step: number; loss: number } | null = null;
    for (const r of snap.records) {
      curves.push(r);
      if (!diverged && (!Number.isFinite(r.loss) || !Number.isFinite(r.gradVar))) diverged = { step: r.step, loss: r.loss };
    }
    const bins = snap.gradVarByT.some(Number.isFinite) ? snap.gradVarByT : s.gradVarByT;
    this.store.setState({ stepCount: snap.step, curveVersion: s.curveVersion + 1, gradVarByT: bins });
    if (diverged) {
      this.store.setState({
        playing: false,
        error: { kind: 'diverged', message: `Training diverged: the loss became ${diverged.loss} at step ${diverged.step}. Lower the learning rate, then reset.` },
      });
    }
  }

  private evaluationDue(now: number, s: Store, kind: EngineKind): boolean {
    if (this.evalDirty) return true;
    if (s.stepCount === this.lastEvalStep) return false;
    if (!s.playing) return !this.stepInFlight;
    const interval = Math.max(EVAL_INTERVAL_MS[kind], EVAL_DUTY * this.lastEvalDuration);
    return now - this.lastEvalEnd >= interval;
  }

  private requestEvaluation(t: Trainer, startedAt: number): void {
    const gen = this.generation;
    this.evalInFlight = true;
    this.evalDirty = false;
    const started = this.deps.now();
    const full = this.applied?.particles ?? 0;
    const preview = this.lastEvalStep < 0 && full > PREVIEW_PARTICLES ? PREVIEW_PARTICLES : null;
    if (preview !== null) t.setLive({ particles: preview });
    // the configured count comes back once the preview was integrated (a reset keeps the trainer)
    const restore = () => { if (preview !== null && this.trainer === t && this.applied) t.setLive({ particles: this.applied.particles }); };
    let evaluation: Evaluation;
    t.evaluate()
      .then((ev) => { evaluation = ev; restore(); return t.weights(); })
      .then((theta) => {
        if (gen !== this.generation) return;
        this.evalInFlight = false;
        const end = this.deps.now();
        this.lastEvalDuration = preview !== null ? 0 : end - started; // the full one follows at once
        this.lastEvalEnd = startedAt + this.lastEvalDuration;
        this.lastEvalStep = evaluation.metrics.step;
        if (preview !== null) this.evalDirty = true;
        this.store.setState({ evaluation, evaluationPreview: preview, weights: { theta, step: evaluation.metrics.step } });
      }, (err: unknown) => {
        restore();
        if (gen === this.generation) this.evalInFlight = false;
        this.fail(gen, err);
      });
  }
}
