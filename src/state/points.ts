// The user's own points as the source or the target (`source=points` / `target=points`): loading a
// read file, and the pure edits of the paint brush. Values go through the codec's clampField, so
// the set obeys its field (at most MAX_POINTS, within ±PAIR_COORD_LIMIT, on the link's grid).
import { MAX_POINTS } from '../engine/runConfig';
import { pcg4d, toUniform, Stream } from '../math/rng';
import { clampField, PAIR_COORD_LIMIT } from '../link/url';
import { appStore, type AppStore } from './store';
import type { PairsHistory } from './userPairs';

export type PointSide = 'source' | 'target';
export const POINT_SIDES: readonly PointSide[] = ['source', 'target'];
/** The config field that holds each side's points. */
export const POINTS_KEY = { source: 'sourcePoints', target: 'targetPoints' } as const;

/**
 * Trains on `points` as `side` now: `<side>=points` with this set (fewer than 2 points change
 * nothing). A loaded file is a new history entry ('push'); a painted edit updates the current one.
 */
export function setPoints(side: PointSide, points: readonly number[], store: AppStore = appStore, history: PairsHistory = 'push'): void {
  if (points.length < 4) return;
  const key = POINTS_KEY[side];
  const { value } = clampField(key, points);
  store.setState((s) => {
    const same = s.config[side] === 'points' && value.length === s.config[key].length && value.every((v, i) => v === s.config[key][i]);
    if (same) return {};
    const mark = history === 'push' ? { historyMark: s.historyMark + 1 } : {};
    return { config: { ...s.config, [side]: 'points', [key]: value }, ...mark };
  });
}

/** Spread of a brush dab around the pointer (plane units). */
export const BRUSH_RADIUS = 0.25;
/** Points one dab adds. */
export const BRUSH_DAB = 4;

/**
 * The set with one dab of the brush at (x, y): BRUSH_DAB points spread uniformly over the brush's
 * disc (keyed by the seed and the dab's number, so a painting is reproducible; the eraser at the
 * same place takes them all back), clamped to the plane; no more than MAX_POINTS in all.
 */
export function dab(points: readonly number[], x: number, y: number, seed: number, dabIndex: number): number[] {
  const out = [...points];
  const clamp = (v: number) => Math.min(PAIR_COORD_LIMIT, Math.max(-PAIR_COORD_LIMIT, v));
  for (let k = 0; k < BRUSH_DAB && out.length / 2 < MAX_POINTS; k++) {
    const [w0, w1] = pcg4d(seed, Stream.stamp, dabIndex, k);
    const r = BRUSH_RADIUS * Math.sqrt(toUniform(w0)), angle = 2 * Math.PI * toUniform(w1);
    out.push(clamp(x + r * Math.cos(angle)), clamp(y + r * Math.sin(angle)));
  }
  return out;
}

/** The set without the points within `radius` of (x, y) (the eraser). */
export function erase(points: readonly number[], x: number, y: number, radius = BRUSH_RADIUS): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.length; i += 2) {
    if (Math.hypot(points[i] - x, points[i + 1] - y) > radius) out.push(points[i], points[i + 1]);
  }
  return out;
}

/** Pause after the last brush stroke before training restarts on the painted points. */
export const PAINT_DEBOUNCE_MS = 400;
let pendingPaint: ReturnType<typeof setTimeout> | null = null;

/** setPoints(…, 'replace') after PAINT_DEBOUNCE_MS without a newer stroke (a burst of dabs restarts once). */
export function schedulePoints(side: PointSide, points: readonly number[], store: AppStore = appStore, delay = PAINT_DEBOUNCE_MS): void {
  if (pendingPaint !== null) clearTimeout(pendingPaint);
  const copy = [...points];
  pendingPaint = setTimeout(() => { pendingPaint = null; setPoints(side, copy, store, 'replace'); }, delay);
}
