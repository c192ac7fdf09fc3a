// The compare slice (docs/design.md#compare-two-runs): the link's compare setting, and what
// the compare runner (src/state/compareRunner.ts) learns from the two runs: curves, evaluations and
// weights per run. Data only: the actions are in src/state/compareActions.ts.
import type { StateCreator } from 'zustand/vanilla';
import type { CompareSetting } from '../engine/compare';
import type { EngineKind, Evaluation } from '../engine/trainer';
import type { RunConfig } from '../engine/runConfig';
import type { PairSet } from '../math/couplings';
import { CurveBuffer } from './curves';
import type { Store } from './store';
import type { Message } from '../i18n/message';

export interface CompareRunView {
  /** the run's configuration */
  config: RunConfig;
  /** its training pairs (null while starting) */
  pairs: PairSet | null;
  curves: CurveBuffer;
  evaluation: Evaluation | null;
  /** parameters read after the latest evaluation */
  weights: Float32Array | null;
}

export interface CompareState {
  phase: 'off' | 'starting' | 'ready' | 'failed';
  kind: EngineKind | null;
  /** both runs in one batched GPU dispatch */
  batched: boolean;
  /** why the runs are not one batched GPU run (shown on the page), or a failure */
  notice: Message | null;
  step: number;
  /** steps per second of both runs together, as the single run's stepsPerSec */
  stepsPerSec: number;
  finished: boolean;
  /** ticks when the curves grow (panels redraw from a subscription) */
  version: number;
  /** A and B (empty when off) */
  runs: CompareRunView[];
}

export interface CompareSlice {
  /** the setting run B changes (`compare=` in the link); null: a single run */
  compare: CompareSetting | null;
  compareState: CompareState;
}

export const COMPARE_OFF: CompareState = { phase: 'off', kind: null, batched: false, notice: null, step: 0, stepsPerSec: 0, finished: false, version: 0, runs: [] };

export const createCompareSlice: StateCreator<Store, [], [], CompareSlice> = () => ({
  compare: null,
  compareState: COMPARE_OFF,
});

/** The step the page's header shows: the compare runs' while comparing, else the single run's. */
export function shownStep(s: Store): number {
  return s.compare ? s.compareState.step : s.stepCount;
}

/** Whether the run the header drives reached its target (Play then reads Continue). */
export function shownFinished(s: Store): boolean {
  return s.compare ? s.compareState.finished : s.finished;
}

/** The steps/s the header shows (the engine that trains now). */
export function shownStepsPerSec(s: Store): number {
  return s.compare ? s.compareState.stepsPerSec : s.stepsPerSec;
}

/** The latest loss the header shows: the single run's, or "A / B" while comparing. */
export function shownLosses(s: Store): (number | undefined)[] {
  return s.compare ? s.compareState.runs.map((r) => r.curves.last()?.loss) : [s.curves.last()?.loss];
}
