// The science slice: the σ sweep, the ReFlow rounds, the closed-form overlays and the crossing
// heat map's settings (docs/design.md#what-is-measured, docs/design.md#panels). Data only: the setters are in scienceActions.ts, and the
// jobs that train (sweep, ReFlow) run in scienceJobs.ts on the engine factory main.tsx passes in,
// as the Runner does. This file imports nothing from the store, so there is no import cycle.
import type { StateCreator } from 'zustand/vanilla';
import type { StepRecord } from '../engine/trainer';
import { DEFAULT_SIGMAS, type SweepResult, type SweepSpread } from '../engine/sweep';
import type { ReflowProgress, ReflowRound } from '../engine/reflowRounds';
import type { Store } from './store';
import type { Message } from '../i18n/message';

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
  /** final figures per σ: the mean over the seeds done so far (config.seeds per σ) */
  results: SweepResult[] | null;
  /** their sample std over the seeds done (null before the first seed is done) */
  spread: SweepSpread[] | null;
  /** seeds of the running (or last) sweep, and how many of them are done */
  seeds: number;
  seedsDone: number;
  error: Message | null;
  /** wall-clock seconds of the last finished sweep */
  seconds: number | null;
  /** why the sweep runs on the CPU although the GPU was wanted (said in the panel); null otherwise */
  fallbackReason: Message | null;
  runId: number;
}

export interface ReflowState {
  status: JobStatus;
  /** reflows after round 0 */
  rounds: number;
  history: ReflowRound[];
  progress: ReflowProgress | null;
  error: Message | null;
  /** why ReFlow runs on the CPU although the GPU was wanted; null otherwise */
  fallbackReason: Message | null;
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
export const CROSSING_GRID = { min: 8, max: 96, default: 40 } as const;

export function initialScienceState(): ScienceSlice {
  return {
    sweep: { status: 'idle', sigmas: [...DEFAULT_SIGMAS], steps: 0, step: 0, target: 0, models: [], results: null, spread: null, seeds: 1, seedsDone: 0, error: null, seconds: null, fallbackReason: null, runId: 0 },
    reflow: { status: 'idle', rounds: 2, history: [], progress: null, error: null, fallbackReason: null, runId: 0 },
    overlay: { kind: 'none', trajectories: true, distance: null },
    crossing: { t: 0.5, gridSize: CROSSING_GRID.default },
  };
}

export const createScienceSlice: StateCreator<Store, [], [], ScienceSlice> = () => initialScienceState();
