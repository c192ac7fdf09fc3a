// The science slice: the σ sweep, the ReFlow rounds, the closed-form overlays and the crossing
// heat map's settings (SPEC §5, §6 f). Actions are plain exported functions (STYLE rule 9); the
// sweep and reflow drivers are async loops that build their own trainers (never the page's run),
// push progress into the store after every chunk, and stop when their run id is superseded.
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { RunConfig } from '../engine/runConfig';
import type { StepRecord, Trainer } from '../engine/trainer';
import { createSweepEngine, createTrainer } from '../engine/createTrainer';
import { DEFAULT_SIGMAS, SweepRunner, cleanSigmas, type SweepEngine, type SweepResult, type TrainerFactory } from '../engine/sweep';
import { ReflowRunner, reflowSettings, type ReflowProgress, type ReflowRound } from '../engine/reflowRounds';
import { mlpLayout } from '../math/mlp';
import { closedFormPairings, fieldDistance, gridSamples, linearField, mlpField } from '../math/fieldDistance';
import { mlpShape, sourceSpec, targetSpec } from '../engine/world';
import { appStore, type Store } from './store';

export type JobStatus = 'idle' | 'running' | 'done' | 'stopped' | 'failed';
export type OverlayKind = 'none' | 'ot' | 'rotated' | 'both';

/** One model of the sweep as the panel draws it. */
export interface SweepModelView {
  sigma: number;
  /** downsampled gradient-variance trace (SweepModelStats.gradVarTrace) */
  traceSteps: number[];
  traceValues: number[];
  last: StepRecord | null;
}

export interface SweepState {
  status: JobStatus;
  /** the σ grid of the next (or current) sweep */
  sigmas: number[];
  /** steps per model; 0 = the config's steps (or SWEEP_FALLBACK_STEPS when that is 0) */
  steps: number;
  /** steps every model has taken, and the target of the running sweep */
  step: number;
  target: number;
  models: SweepModelView[];
  /** final figures per σ once the sweep is done */
  results: SweepResult[] | null;
  error: string | null;
  /** wall-clock seconds of the last finished sweep */
  seconds: number | null;
  runId: number;
}

export interface ReflowState {
  status: JobStatus;
  /** reflows after round 0 */
  rounds: number;
  history: ReflowRound[];
  progress: ReflowProgress | null;
  error: string | null;
  runId: number;
}

export interface OverlayState {
  kind: OverlayKind;
  /** draw the closed-form trajectories (straight lines x0 → μ1 + M(x0 − μ0)) too */
  trajectories: boolean;
  /** mean squared distance of the learned field to each closed form, at the weights' step */
  distance: { ot: number; rotated: number; step: number } | null;
}

export interface CrossingState {
  /** time of the conditional-variance heat map */
  t: number;
  /** cells per side */
  gridSize: number;
}

export interface ScienceSlice {
  sweep: SweepState;
  reflow: ReflowState;
  overlay: OverlayState;
  crossing: CrossingState;
}

/** Steps per model when neither the sweep nor the config names a number. */
export const SWEEP_FALLBACK_STEPS = 2000;
/** Steps per model per turn: small enough for the panel to move, large enough to amortise a Worker round trip. */
export const SWEEP_CHUNK = 25;
export const REFLOW_CHUNK_STEPS = 50;
export const CROSSING_GRID = { min: 8, max: 96, default: 40 } as const;

export function initialScienceState(): ScienceSlice {
  return {
    sweep: { status: 'idle', sigmas: [...DEFAULT_SIGMAS], steps: 0, step: 0, target: 0, models: [], results: null, error: null, seconds: null, runId: 0 },
    reflow: { status: 'idle', rounds: 2, history: [], progress: null, error: null, runId: 0 },
    overlay: { kind: 'none', trajectories: true, distance: null },
    crossing: { t: 0.5, gridSize: CROSSING_GRID.default },
  };
}

export const createScienceSlice: StateCreator<Store, [], [], ScienceSlice> = () => initialScienceState();

/** What the science actions need from the whole store. */
export type ScienceHost = ScienceSlice & Pick<Store, 'config' | 'weights' | 'enginePref'>;
export type ScienceStore = StoreApi<ScienceHost>;

/**
 * The page's store as a ScienceStore (the science fields are mounted by createAppStore()). The
 * merge below only guards a store built without createScienceSlice. Not called at module load:
 * store.ts imports this module, so appStore exists only once both have loaded.
 */
export function scienceStore(): ScienceStore {
  const store: ScienceStore = appStore;
  if (!('sweep' in store.getState())) store.setState(initialScienceState());
  return store;
}

const patch = <K extends keyof ScienceSlice>(store: ScienceStore, key: K, part: Partial<ScienceSlice[K]>) =>
  store.setState((s) => ({ [key]: { ...s[key], ...part } }) as Partial<ScienceHost>);

/** The page's trainer for a Reflow run: GPU when the page has one, else a CPU Worker. */
function pageFactory(store: ScienceStore): TrainerFactory {
  return async (config: RunConfig) => (await createTrainer(config, { preference: store.getState().enginePref, onDeviceLost: () => {} })).trainer;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function setSweepSigmas(sigmas: readonly number[], store = scienceStore()): void {
  patch(store, 'sweep', { sigmas: cleanSigmas(sigmas) });
}

export function setSweepSteps(steps: number, store = scienceStore()): void {
  patch(store, 'sweep', { steps: Number.isFinite(steps) ? Math.max(0, Math.min(1e6, Math.round(steps))) : 0 });
}

export function stopSweep(store = scienceStore()): void {
  const s = store.getState().sweep;
  if (s.status === 'running') patch(store, 'sweep', { status: 'stopped', runId: s.runId + 1 });
}

/** Trains the sweep of the current config and σ grid; resolves when done, stopped or failed. */
export async function startSweep(opts: { make?: TrainerFactory; chunk?: number } = {}, store = scienceStore()): Promise<void> {
  const state = store.getState();
  const runId = state.sweep.runId + 1;
  const target = state.sweep.steps || state.config.steps || SWEEP_FALLBACK_STEPS;
  patch(store, 'sweep', { status: 'running', runId, step: 0, target, models: [], results: null, error: null, seconds: null });
  const live = () => store.getState().sweep.runId === runId;
  const t0 = performance.now();
  let runner: SweepEngine | null = null;
  try {
    const base = { ...state.config, steps: target };
    runner = opts.make
      ? await SweepRunner.create(base, state.sweep.sigmas, opts.make)
      : await createSweepEngine(base, state.sweep.sigmas, store.getState().enginePref);
    const chunk = opts.chunk ?? SWEEP_CHUNK;
    while (live() && runner.stepCount < target) {
      await runner.step(Math.min(chunk, target - runner.stepCount));
      if (!live()) break;
      patch(store, 'sweep', { step: runner.stepCount, models: runner.stats.map((m) => ({ sigma: m.sigma, traceSteps: [...m.gradVarTrace.steps], traceValues: [...m.gradVarTrace.values], last: m.last })) });
      await pause();
    }
    if (!live()) return;
    const results = await runner.evaluate();
    if (live()) patch(store, 'sweep', { status: 'done', results, seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    if (live()) patch(store, 'sweep', { status: 'failed', error: e instanceof Error ? e.message : String(e) });
  } finally {
    runner?.dispose();
  }
}

export function setReflowRounds(rounds: number, store = scienceStore()): void {
  patch(store, 'reflow', { rounds: Number.isFinite(rounds) ? Math.max(0, Math.min(20, Math.round(rounds))) : 2 });
}

export function stopReflow(store = scienceStore()): void {
  const r = store.getState().reflow;
  if (r.status === 'running') patch(store, 'reflow', { status: 'stopped', runId: r.runId + 1, progress: null });
}

/** Round 0 on the current config, then `rounds` reflows, on a trainer of its own. */
export async function startReflow(opts: { make?: (config: RunConfig) => Trainer | Promise<Trainer>; steps?: number } = {}, store = scienceStore()): Promise<void> {
  const state = store.getState();
  const runId = state.reflow.runId + 1;
  const steps = opts.steps ?? (state.config.steps || SWEEP_FALLBACK_STEPS);
  const config = { ...state.config, steps };
  patch(store, 'reflow', { status: 'running', runId, history: [], progress: null, error: null });
  const live = () => store.getState().reflow.runId === runId;
  let trainer: Trainer | null = null;
  try {
    trainer = await (opts.make ?? pageFactory(store))(config);
    const runner = new ReflowRunner(trainer, { ...reflowSettings(config), chunk: REFLOW_CHUNK_STEPS });
    const onProgress = (p: ReflowProgress) => {
      if (!live()) return false;
      patch(store, 'reflow', { progress: p });
      return true;
    };
    for (let k = 0; k <= state.reflow.rounds && live(); k++) {
      if (k > 0) await runner.reflow();
      const row = await runner.trainRound(onProgress);
      if (!row || !live()) break;
      patch(store, 'reflow', { history: [...runner.history] });
      await pause();
    }
    if (live()) patch(store, 'reflow', { status: 'done', progress: null });
  } catch (e) {
    if (live()) patch(store, 'reflow', { status: 'failed', error: e instanceof Error ? e.message : String(e), progress: null });
  } finally {
    trainer?.dispose();
  }
}

export function setOverlay(kind: OverlayKind, store = scienceStore()): void {
  patch(store, 'overlay', { kind });
}

export function setOverlayTrajectories(on: boolean, store = scienceStore()): void {
  patch(store, 'overlay', { trajectories: on });
}

/**
 * Measures the learned field (the store's latest weights) against the OT and rotated closed forms
 * over x ∈ the given square, t ∈ {0.1, …, 0.9}; null when the world is not Gaussian or no weights fit.
 */
export function measureFieldDistance(extent: { lo: number; hi: number } = { lo: -3, hi: 3 }, store = scienceStore()): void {
  const { config, weights } = store.getState();
  const pairings = closedFormPairings(sourceSpec(config), targetSpec(config), config.phi);
  const shape = mlpShape(config);
  if (!pairings || !weights || mlpLayout(shape).paramCount !== weights.theta.length) {
    patch(store, 'overlay', { distance: null });
    return;
  }
  const learned = mlpField(shape, weights.theta);
  const samples = gridSamples(extent.lo, extent.hi, 12);
  patch(store, 'overlay', {
    distance: {
      ot: fieldDistance(learned, linearField(pairings.ot), samples).meanSq,
      rotated: fieldDistance(learned, linearField(pairings.rotated), samples).meanSq,
      step: weights.step,
    },
  });
}

export function setCrossingT(t: number, store = scienceStore()): void {
  patch(store, 'crossing', { t: Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5 });
}

export function setCrossingGrid(size: number, store = scienceStore()): void {
  const g = Number.isFinite(size) ? Math.round(size) : CROSSING_GRID.default;
  patch(store, 'crossing', { gridSize: Math.min(CROSSING_GRID.max, Math.max(CROSSING_GRID.min, g)) });
}
