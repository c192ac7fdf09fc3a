// The markers a live change leaves on the curves ("σ 0 → 0.3" at the step it happened): which
// settings leave one, their labels, and how a dragged slider folds into one marker per step.
import type { ConfigKey, RunConfig } from '../engine/runConfig';
import { formatSetting } from '../format/format';
import type { ChangeMarker } from './runSlice';

/** Live settings that change the training itself: each change leaves a marker on the curves. */
const MARKED_KEYS: readonly ConfigKey[] = ['sigma', 'interpolant', 'lr', 'weightDecay', 'warmup', 'schedule'];
const SYMBOL: Partial<Record<string, string>> = { sigma: 'σ', lr: 'lr', weightDecay: 'wd' };

function marker(step: number, key: string, from: number | string, to: number | string): ChangeMarker {
  return { step, key, from, label: `${SYMBOL[key] ?? key} ${formatSetting(key, from)} → ${formatSetting(key, to)}`, to };
}

/** Markers for the training settings that differ between two configs, e.g. "σ 0 → 0.3". */
export function changeMarkers(step: number, prev: RunConfig, next: RunConfig): ChangeMarker[] {
  return MARKED_KEYS.filter((key) => !Object.is(prev[key], next[key]))
    .map((key) => marker(step, key, prev[key] as number | string, next[key] as number | string));
}

/**
 * Appends markers; a change of the same setting at the same step (a dragged slider) merges with
 * the previous marker: "σ 0 → 0.3" then "σ 0.3 → 0.5" becomes "σ 0 → 0.5"; a round trip drops it.
 */
export function mergeMarkers(markers: ChangeMarker[], added: ChangeMarker[]): ChangeMarker[] {
  const out = [...markers];
  for (const m of added) {
    const i = out.findIndex((o) => o.step === m.step && o.key === m.key);
    if (i < 0) out.push(m);
    else if (Object.is(out[i].from, m.to)) out.splice(i, 1);
    else out[i] = marker(m.step, m.key, out[i].from, m.to);
  }
  return out;
}
