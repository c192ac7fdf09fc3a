// Editing the user-drawn pairs (coupling `user`, docs/design.md#drawing-pairs): pure edits of the flat list
// [x0, y0, x1, y1, …] (RunConfig.userPairs), and the debounced action that trains on a new list.
// Values go through the codec's clampField, so the list obeys the field (max pairs, ±limit).
import { RUN_CONFIG_FIELDS } from '../engine/runConfig';
import type { PairSet } from '../math/couplings';
import { clampField, PAIR_COORD_LIMIT } from '../link/url';
import { appStore, type AppStore } from './store';

/** Most pairs a drawing holds (the field's limit, which the link carries). */
export const MAX_USER_PAIRS = RUN_CONFIG_FIELDS.userPairs.maxPairs;
/** Pause after the last edit before training restarts on the new pairs. */
export const USER_PAIRS_DEBOUNCE_MS = 400;

export type PairEnd = 'x0' | 'x1';

const clampCoord = (v: number) => Math.min(PAIR_COORD_LIMIT, Math.max(-PAIR_COORD_LIMIT, v));

/** The list with one more pair (unchanged when full). */
export function addPair(list: readonly number[], pair: readonly [number, number, number, number]): number[] {
  if (list.length / 4 >= MAX_USER_PAIRS) return [...list];
  return [...list, ...pair.map(clampCoord)];
}

/** The list with endpoint `end` of pair i moved to (x, y). */
export function movePoint(list: readonly number[], i: number, end: PairEnd, x: number, y: number): number[] {
  const out = [...list];
  const at = 4 * i + (end === 'x0' ? 0 : 2);
  if (i < 0 || at + 1 >= out.length) return out;
  out[at] = clampCoord(x);
  out[at + 1] = clampCoord(y);
  return out;
}

/** The list without pair i. */
export function removePair(list: readonly number[], i: number): number[] {
  if (i < 0 || 4 * i >= list.length) return [...list];
  return [...list.slice(0, 4 * i), ...list.slice(4 * i + 4)];
}

/** A PairSet as a flat list (for drawing on top of generated pairs). */
export function flattenPairs(pairs: PairSet): number[] {
  const out: number[] = [];
  for (let i = 0; i < pairs.n; i++) out.push(pairs.x0[2 * i], pairs.x0[2 * i + 1], pairs.x1[2 * i], pairs.x1[2 * i + 1]);
  return out;
}

/**
 * The list a drawing starts from: the user pairs when the run trains on them, else the current
 * training pairs when they fit in a drawing, else nothing.
 */
export function startingPairs(coupling: string, userPairs: readonly number[], pairs: PairSet | null): number[] {
  if (coupling === 'user' && userPairs.length >= 4) return [...userPairs];
  if (pairs && pairs.n <= MAX_USER_PAIRS) return flattenPairs(pairs);
  return [];
}

/** How an edit reaches the address bar: a whole set loaded (a stamp) is a new history entry; a drawn edit updates the current one. */
export type PairsHistory = 'push' | 'replace';

/** Trains on `list` now: coupling `user` with these pairs (an empty list changes nothing). */
export function setUserPairs(list: readonly number[], store: AppStore = appStore, history: PairsHistory = 'replace'): void {
  if (list.length < 4) return;
  const { value } = clampField('userPairs', list);
  store.setState((s) => {
    const same = s.config.coupling === 'user' && value.length === s.config.userPairs.length && value.every((v, i) => v === s.config.userPairs[i]);
    if (same) return {};
    const mark = history === 'push' ? { historyMark: s.historyMark + 1 } : {};
    return { config: { ...s.config, coupling: 'user', userPairs: value }, ...mark };
  });
}

let pending: ReturnType<typeof setTimeout> | null = null;

/** setUserPairs after USER_PAIRS_DEBOUNCE_MS without a newer edit (a burst of edits restarts once). */
export function scheduleUserPairs(list: readonly number[], store: AppStore = appStore, delay = USER_PAIRS_DEBOUNCE_MS, history: PairsHistory = 'replace'): void {
  if (pending !== null) clearTimeout(pending);
  const copy = [...list];
  pending = setTimeout(() => { pending = null; setUserPairs(copy, store, history); }, delay);
}
