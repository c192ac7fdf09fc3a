// Hit-testing and the keyboard cursor of the pair drawing tool: pure functions of the flat pair
// list [x0, y0, x1, y1, …] in data units, so they are tested without a DOM (tests/unit/drawMode.test.ts).
import type { PairEnd } from '../../state/userPairs';

export interface EndpointHit {
  pair: number;
  end: PairEnd;
  /** distance from the query point, data units */
  distance: number;
}

/** The endpoint nearest (x, y) within `radius` (data units), or null; x1 wins a tie (drawn on top). */
export function hitEndpoint(list: readonly number[], x: number, y: number, radius: number): EndpointHit | null {
  let best: EndpointHit | null = null;
  for (let i = 0; 4 * i + 3 < list.length; i++) {
    for (const end of ['x0', 'x1'] as const) {
      const at = 4 * i + (end === 'x0' ? 0 : 2);
      const d = Math.hypot(list[at] - x, list[at + 1] - y);
      if (d <= radius && (!best || d <= best.distance)) best = { pair: i, end, distance: d };
    }
  }
  return best;
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
  return Math.hypot(ax + t * dx - x, ay + t * dy - y);
}

/** The pair whose line x0 → x1 passes nearest (x, y) within `radius`, or null (a modifier-click deletes it). */
export function hitLine(list: readonly number[], x: number, y: number, radius: number): number | null {
  let best: number | null = null, bestD = Infinity;
  for (let i = 0; 4 * i + 3 < list.length; i++) {
    const d = segmentDistance(x, y, list[4 * i], list[4 * i + 1], list[4 * i + 2], list[4 * i + 3]);
    if (d <= radius && d < bestD) { best = i; bestD = d; }
  }
  return best;
}

/** A press that moved less than this many pixels is a click, not a drawn pair. */
export const CLICK_PX = 4;

/** Keyboard cursor of the drawing: a point, and the x0 set by the first Enter (null before it). */
export interface DrawCursor {
  x: number;
  y: number;
  anchor: [number, number] | null;
}

/** Cursor steps in data units: arrows move FINE, Shift+arrows COARSE. */
export const CURSOR_STEP = { fine: 0.1, coarse: 0.5 } as const;

export type CursorResult =
  | { kind: 'move'; cursor: DrawCursor }
  | { kind: 'anchor'; cursor: DrawCursor }
  | { kind: 'pair'; cursor: DrawCursor; pair: [number, number, number, number] }
  | { kind: 'cancel'; cursor: DrawCursor };

/** Rounds to the cursor grid so repeated steps do not drift (0.1 + 0.2 ≠ 0.3). */
const snap = (v: number) => Math.round(v * 1000) / 1000;

/**
 * What a key does to the cursor: arrows move it (within ±limit), Enter sets x0 then completes the
 * pair x0 → cursor, Escape drops a set x0. null: the key is not the cursor's (let it through).
 */
export function cursorKey(cursor: DrawCursor, key: string, shift: boolean, limit: number): CursorResult | null {
  const step = shift ? CURSOR_STEP.coarse : CURSOR_STEP.fine;
  const move = (dx: number, dy: number): CursorResult => ({
    kind: 'move',
    cursor: { ...cursor, x: snap(Math.min(limit, Math.max(-limit, cursor.x + dx))), y: snap(Math.min(limit, Math.max(-limit, cursor.y + dy))) },
  });
  switch (key) {
    case 'ArrowLeft': return move(-step, 0);
    case 'ArrowRight': return move(step, 0);
    case 'ArrowUp': return move(0, step);
    case 'ArrowDown': return move(0, -step);
    case 'Enter':
      if (!cursor.anchor) return { kind: 'anchor', cursor: { ...cursor, anchor: [cursor.x, cursor.y] } };
      return { kind: 'pair', cursor: { ...cursor, anchor: null }, pair: [cursor.anchor[0], cursor.anchor[1], cursor.x, cursor.y] };
    case 'Escape':
      return cursor.anchor ? { kind: 'cancel', cursor: { ...cursor, anchor: null } } : null;
    default:
      return null;
  }
}
