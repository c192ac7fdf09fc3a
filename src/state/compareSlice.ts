// The compare slice (SPEC §6 "compare two runs side by side"): the link's compare setting, and what
// the compare runner (src/state/compareRunner.ts) learns from the two runs: curves, evaluations and
// weights per run. Actions are plain exported functions (STYLE rule 9).
import type { StateCreator } from 'zustand/vanilla';
import type { CompareSetting } from '../engine/compare';
import type { EngineKind, Evaluation } from '../engine/trainer';
import type { RunConfig } from '../engine/runConfig';
import type { PairSet } from '../math/couplings';
import { CurveBuffer } from './curves';
import { appStore, type AppStore, type Store } from './store';
import { parseCompare } from './compareParam';

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
  notice: string | null;
  step: number;
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

export const COMPARE_OFF: CompareState = { phase: 'off', kind: null, batched: false, notice: null, step: 0, finished: false, version: 0, runs: [] };

export const createCompareSlice: StateCreator<Store, [], [], CompareSlice> = () => ({
  compare: null,
  compareState: COMPARE_OFF,
});

/** Turns compare mode on with `setting`, or off with null (the runs restart from step 0). */
export function setCompare(setting: CompareSetting | null, store: AppStore = appStore): void {
  store.setState((s) => {
    const same = s.compare && setting && s.compare.key === setting.key && Object.is(s.compare.value, setting.value);
    return same || (s.compare === null && setting === null) ? {} : { compare: setting };
  });
}

/** From the picker: `key` off or a compare key, `raw` run B's value as typed (clamped like a link's). */
export function pickCompare(key: string, raw: string | null, store: AppStore = appStore): void {
  if (key === 'off') return setCompare(null, store);
  setCompare(parseCompare(raw === null ? key : `${key}:${raw}`).setting, store);
}
