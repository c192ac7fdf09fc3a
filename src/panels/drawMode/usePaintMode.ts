// Painting the source's or the target's own points (docs/classroom.md#your-own-points): a brush on
// pointer events (mouse, pen and touch alike) and on the keyboard cursor. Each dab adds a few
// points around the brush (src/state/points.ts); Shift, or the eraser, removes those under it.
// Every stroke goes to schedulePoints, which retrains on the set after a debounce.
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatCount } from '../../format/format';
import { t } from '../../i18n/i18n';
import { appStore } from '../../state/store';
import { PAIR_COORD_LIMIT } from '../../link/url';
import { MAX_POINTS } from '../../engine/runConfig';
import { BRUSH_RADIUS, dab, erase, POINTS_KEY, schedulePoints, type PointSide } from '../../state/points';
import type { PlaneScales } from '../planeFrame';
import { cursorKey, type DrawCursor } from './geometry';

export interface PaintMode {
  active: boolean;
  side: PointSide;
  erasing: boolean;
  draft: number[];
  cursor: DrawCursor;
  /** the brush's position under the pointer (null when the pointer is away) */
  brush: [number, number] | null;
  message: string;
  start(): void;
  stop(): void;
  clear(): void;
  setSide(side: PointSide): void;
  setErasing(on: boolean): void;
  onPointerDown(e: PointerEvent<SVGSVGElement>): void;
  onPointerMove(e: PointerEvent<SVGSVGElement>): boolean;
  onPointerUp(e: PointerEvent<SVGSVGElement>): void;
  onKeyDown(e: KeyboardEvent<SVGSVGElement>): void;
}

/** The side's current points when it trains on points, else none. */
function pointsOf(side: PointSide): number[] {
  const c = appStore.getState().config;
  return c[side] === 'points' ? [...c[POINTS_KEY[side]]] : [];
}

export function usePaintMode(scales: PlaneScales, active: boolean, setActive: (on: boolean) => void): PaintMode {
  const [draft, setDraftState] = useState<number[]>([]);
  const [side, setSideState] = useState<PointSide>('target');
  const [erasing, setErasing] = useState(false);
  const [cursor, setCursor] = useState<DrawCursor>({ x: 0, y: 0, anchor: null });
  const [brush, setBrush] = useState<[number, number] | null>(null);
  const [message, setMessage] = useState('');
  const draftRef = useRef<number[]>([]);
  const stroke = useRef<{ pointerId: number; last: [number, number]; erase: boolean } | null>(null);
  const dabs = useRef(0);

  const setDraft = useCallback((list: number[]) => { draftRef.current = list; setDraftState(list); }, []);
  const commit = (list: number[], what: 'painted' | 'erased') => {
    setDraft(list);
    schedulePoints(side, list);
    const n = list.length / 2;
    setMessage(n < 2 ? t(`panels:paint.message.${what}Few`, { n: formatCount(n) }) : t(`panels:paint.message.${side}.${what}`, { n: formatCount(n), max: formatCount(MAX_POINTS) }));
  };
  /** One brush touch at (x, y): a dab of points, or the eraser. */
  const touch = (x: number, y: number, erasingNow: boolean, list = draftRef.current): number[] => {
    if (erasingNow) return erase(list, x, y);
    if (list.length / 2 >= MAX_POINTS) { setMessage(t('panels:paint.message.full', { max: formatCount(MAX_POINTS) })); return list; }
    return dab(list, x, y, appStore.getState().config.seed, dabs.current++);
  };

  const toData = (e: PointerEvent<SVGSVGElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [scales.x.invert(e.clientX - r.left), scales.y.invert(e.clientY - r.top)];
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (!active || e.button > 0) return;
    e.preventDefault();
    e.currentTarget.focus({ preventScroll: true });
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const [x, y] = toData(e);
    const eraseNow = erasing || e.shiftKey;
    stroke.current = { pointerId: e.pointerId, last: [x, y], erase: eraseNow };
    setDraft(touch(x, y, eraseNow));
  };

  /** True while a stroke is in progress. */
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): boolean => {
    if (!active) return false;
    const [x, y] = toData(e);
    setBrush([x, y]);
    const s = stroke.current;
    if (!s || s.pointerId !== e.pointerId) return false;
    // a dab every brush radius along the stroke: the density does not depend on the pointer's speed
    if (Math.hypot(x - s.last[0], y - s.last[1]) >= BRUSH_RADIUS) {
      s.last = [x, y];
      setDraft(touch(x, y, s.erase));
    }
    return true;
  };

  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const s = stroke.current;
    if (!s || s.pointerId !== e.pointerId) return;
    stroke.current = null;
    commit(draftRef.current, s.erase ? 'erased' : 'painted');
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!active) return;
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'Delete' || e.key === 'Backspace') {
      const eraseNow = erasing || e.key === 'Delete' || e.key === 'Backspace';
      commit(touch(cursor.x, cursor.y, eraseNow), eraseNow ? 'erased' : 'painted');
    } else {
      const r = cursorKey(cursor, e.key, e.shiftKey, PAIR_COORD_LIMIT);
      if (!r || r.kind !== 'move') return;
      setCursor(r.cursor);
    }
    // the brush owns these keys while it has focus: no page shortcut (→ steps, Space plays …)
    e.preventDefault();
    e.stopPropagation();
  };

  const start = () => {
    setDraft(pointsOf(side));
    setCursor({ x: 0, y: 0, anchor: null });
    setMessage(t(`panels:paint.message.${side}.started`));
    setActive(true);
  };

  return {
    active, side, erasing, draft, cursor, brush, message, start,
    stop: () => { setActive(false); stroke.current = null; setBrush(null); setMessage(''); },
    clear: () => { setDraft([]); setMessage(t(`panels:paint.message.${side}.cleared`)); },
    setSide: (next) => { setSideState(next); setDraft(pointsOf(next)); setMessage(t(`panels:paint.message.${next}.switched`)); },
    setErasing,
    onPointerDown, onPointerMove, onPointerUp, onKeyDown,
  };
}
