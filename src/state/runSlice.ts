// The run slice: what the runner loop (src/state/runner.ts) learns from the trainer. Curves live
// in a mutable CurveBuffer; `curveVersion` ticks when it grows so panels redraw from a subscription.
import type { StateCreator } from 'zustand/vanilla';
import type { EngineKind, Evaluation } from '../engine/trainer';
import type { TrainState } from '../engine/trainState';
import type { PairSet } from '../math/couplings';
import { T_BINS } from '../math/metrics';
import { CurveBuffer } from './curves';
import type { Store } from './store';
import type { Message } from '../i18n/message';

export interface EngineState {
  /** 'starting' while a trainer is being built */
  phase: 'starting' | 'ready' | 'failed';
  kind: EngineKind | null;
  adapterName: string;
  /** SwiftShader, llvmpipe or a "fallback" adapter */
  software: boolean;
  /** why the CPU runs although a GPU was wanted (no WebGPU, GPU code missing, …) */
  fallbackReason: Message | null;
}

export type RunErrorKind = 'diverged' | 'device-lost' | 'worker-lost' | 'engine';

export interface RunError {
  kind: RunErrorKind;
  message: Message;
}

/** A step where a setting changed while training went on (σ, lr, …), with its label. */
export interface ChangeMarker {
  step: number;
  /** the setting that changed (config key) */
  key: string;
  /** its value before the change (formatted when drawn, in the reader's language: markerText) */
  from: number | string;
  /** e.g. "σ 0 → 0.3", in the number format of the page when the change was made */
  label: string;
  /** its value after the change */
  to: number | string;
}

export interface RunSlice {
  playing: boolean;
  /** steps taken by the current trainer */
  stepCount: number;
  stepsPerSec: number;
  /** training reached its goal (src/state/runGoal.ts) */
  finished: boolean;
  /** the step the run pauses at once extended past config.steps (0: config.steps; src/state/runGoal.ts) */
  goal: number;
  /** the steps where a further segment began (Play after the goal, a chapter's "Try this"), marked on the curves */
  segments: number[];
  curves: CurveBuffer;
  curveVersion: number;
  markers: ChangeMarker[];
  /** per-t-bin gradient variance of the latest step */
  gradVarByT: number[];
  evaluation: Evaluation | null;
  /** fresh particles of a preview evaluation (the cheap first one of a run), null when it used the configured count */
  evaluationPreview: number | null;
  /** θ and Adam's moments pulled after the latest evaluation (for the quiver, the weights file, and to continue on CPU) */
  weights: TrainState | null;
  /** the training pairs of the current trainer */
  pairs: PairSet | null;
  engine: EngineState;
  error: RunError | null;
  /** what changed about the engine without an error, e.g. "continued on the CPU from step 550" */
  engineNotice: Message | null;
  /** why the page chose the CPU worker itself although WebGPU exists (src/engine/createTrainer.ts chooseEngine) */
  engineChoice: Message | null;
  /** bumped by reset(), stepOnce(), continueOnCpu(): the runner acts on each change */
  resetRequest: number;
  stepRequest: number;
  cpuRequest: number;
  /** weights read from a file, and the counter whose change makes the runner rebuild from them */
  loadedWeights: TrainState | null;
  weightsRequest: number;
  /** bumped by switchEngine(): the runner rebuilds on enginePref */
  engineRequest: number;
}

export function initialRunState(): RunSlice {
  return {
    playing: true,
    stepCount: 0,
    stepsPerSec: 0,
    finished: false,
    goal: 0,
    segments: [],
    curves: new CurveBuffer(),
    curveVersion: 0,
    markers: [],
    gradVarByT: new Array<number>(T_BINS).fill(NaN),
    evaluation: null,
    evaluationPreview: null,
    weights: null,
    pairs: null,
    engine: { phase: 'starting', kind: null, adapterName: '', software: false, fallbackReason: null },
    error: null,
    engineNotice: null,
    engineChoice: null,
    resetRequest: 0,
    stepRequest: 0,
    cpuRequest: 0,
    loadedWeights: null,
    weightsRequest: 0,
    engineRequest: 0,
  };
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = () => initialRunState();
