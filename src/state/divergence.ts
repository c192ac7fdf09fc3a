// A run diverged when a step's loss or gradient variance is NaN or ±Infinity. The single run
// (src/state/runner.ts) and compare mode (src/state/compareRunner.ts) both stop on the first such
// step and show one banner with its Reset button; this is the one test and the one message.
import type { StepRecord } from '../engine/trainer';
import type { RunError } from './runSlice';
import { message } from '../i18n/message';

export interface Divergence {
  step: number;
  /** which figure went non-finite first, and its value */
  what: 'loss' | 'gradient variance';
  value: number;
}

/** The first record whose loss or gradient variance is not finite, or null. */
export function firstDivergence(records: readonly StepRecord[]): Divergence | null {
  for (const r of records) {
    if (!Number.isFinite(r.loss)) return { step: r.step, what: 'loss', value: r.loss };
    if (!Number.isFinite(r.gradVar)) return { step: r.step, what: 'gradient variance', value: r.gradVar };
  }
  return null;
}

/** The banner's error: which run (compare mode names it, with its setting), at which step, what to change. */
export function divergedError(d: Divergence, run: { name: string; setting: string } | null = null): RunError {
  // NaN and Infinity as JavaScript writes them, in every language
  const values = { what: message(d.what === 'loss' ? 'run.theLoss' : 'run.theGradientVariance'), value: String(d.value), step: d.step };
  return { kind: 'diverged', message: run ? message('run.divergedCompare', { ...values, run: run.name, setting: run.setting }) : message('run.diverged', values) };
}
