// The science actions (docs/design.md#the-store-is-made-of-slices: plain exported functions over the one store). Starting a
// sweep or a ReFlow job only marks it requested (status 'running', a new runId); ScienceJobs
// (scienceJobs.ts) trains it on the engine it was given. Stopping bumps the runId, which aborts it.
import { cleanSigmas } from '../engine/sweep';
import { appStore, type AppStore } from './store';
import { CROSSING_GRID, SWEEP_FALLBACK_STEPS, type OverlayKind, type ScienceSlice } from './scienceSlice';

const patch = <K extends keyof ScienceSlice>(store: AppStore, key: K, part: Partial<ScienceSlice[K]>) =>
  store.setState((s) => ({ [key]: { ...s[key], ...part } }));

export function setSweepSigmas(sigmas: readonly number[], store: AppStore = appStore): void {
  patch(store, 'sweep', { sigmas: cleanSigmas(sigmas) });
}

export function setSweepSteps(steps: number, store: AppStore = appStore): void {
  patch(store, 'sweep', { steps: Number.isFinite(steps) ? Math.max(0, Math.min(1e6, Math.round(steps))) : 0 });
}

/** Asks for a sweep of the current config and σ grid (no-op while one runs). */
export function startSweep(store: AppStore = appStore): void {
  const s = store.getState();
  if (s.sweep.status === 'running') return;
  const target = s.sweep.steps || s.config.steps || SWEEP_FALLBACK_STEPS;
  patch(store, 'sweep', { status: 'running', runId: s.sweep.runId + 1, step: 0, target, models: [], results: null, spread: null, seeds: s.config.seeds, seedsDone: 0, error: null, seconds: null, fallbackReason: null });
}

export function stopSweep(store: AppStore = appStore): void {
  const s = store.getState().sweep;
  if (s.status === 'running') patch(store, 'sweep', { status: 'stopped', runId: s.runId + 1 });
}

export function setReflowRounds(rounds: number, store: AppStore = appStore): void {
  patch(store, 'reflow', { rounds: Number.isFinite(rounds) ? Math.max(0, Math.min(20, Math.round(rounds))) : 2 });
}

/** Asks for round 0 on the current config, then the chosen number of reflows (no-op while one runs). */
export function startReflow(store: AppStore = appStore): void {
  const r = store.getState().reflow;
  if (r.status === 'running') return;
  patch(store, 'reflow', { status: 'running', runId: r.runId + 1, history: [], progress: null, error: null, fallbackReason: null });
}

export function stopReflow(store: AppStore = appStore): void {
  const r = store.getState().reflow;
  if (r.status === 'running') patch(store, 'reflow', { status: 'stopped', runId: r.runId + 1, progress: null });
}

export function setOverlay(kind: OverlayKind, store: AppStore = appStore): void {
  patch(store, 'overlay', { kind });
}

export function setOverlayTrajectories(on: boolean, store: AppStore = appStore): void {
  patch(store, 'overlay', { trajectories: on });
}

export function setCrossingT(t: number, store: AppStore = appStore): void {
  patch(store, 'crossing', { t: Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5 });
}

export function setCrossingGrid(size: number, store: AppStore = appStore): void {
  const g = Number.isFinite(size) ? Math.round(size) : CROSSING_GRID.default;
  patch(store, 'crossing', { gridSize: Math.min(CROSSING_GRID.max, Math.max(CROSSING_GRID.min, g)) });
}


/** Stops a running sweep or ReFlow job and clears their results (a new chapter: nothing from another run stays drawn). */
export function clearScienceJobs(store: AppStore = appStore): void {
  const { sweep, reflow } = store.getState();
  patch(store, 'sweep', { status: 'idle', runId: sweep.runId + 1, step: 0, models: [], results: null, spread: null, seedsDone: 0, error: null, seconds: null, fallbackReason: null });
  patch(store, 'reflow', { status: 'idle', runId: reflow.runId + 1, history: [], progress: null, error: null, fallbackReason: null });
  patch(store, 'overlay', { kind: 'none', distance: null });
}
