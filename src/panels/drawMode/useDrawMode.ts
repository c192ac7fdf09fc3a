// The pair drawing tool's interaction (docs/design.md#drawing-pairs): pointer events (mouse, pen
// and touch alike) and the keyboard cursor turn into edits of a draft list; every finished edit
// goes to scheduleUserPairs, which restarts training on the new pairs after a debounce. The
// geometry is pure (./geometry.ts); this hook only wires events to it.
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatCount, formatFixed } from '../../format/format';
import { t } from '../../i18n/i18n';
import { appStore } from '../../state/store';
import { PAIR_COORD_LIMIT } from '../../link/url';
import { addPair, MAX_USER_PAIRS, movePoint, removePair, scheduleUserPairs, startingPairs, type PairEnd, type PairsHistory } from '../../state/userPairs';
import { stampPairs, type StampKind } from '../../math/stamps';
import type { PlaneScales } from '../planeFrame';
import { CLICK_PX, cursorKey, hitEndpoint, hitLine, type DrawCursor } from './geometry';

/** Grab radius of an endpoint or a line, in pixels (a fingertip is ~10 px wide). */
const GRAB_PX = 12;

interface Drag {
  pointerId: number;
  pair: number;
  end: PairEnd;
  /** a pair being drawn (removed again if the press was a click) */
  isNew: boolean;
  startX: number;
  startY: number;
}

export interface DrawMode {
  active: boolean;
  draft: number[];
  focused: number | null;
  cursor: DrawCursor;
  /** the last thing the tool refused or did, for the live region */
  message: string;
  start(): void;
  stop(): void;
  clear(): void;
  stamp(kind: StampKind, n: number): void;
  onPointerDown(e: PointerEvent<SVGSVGElement>): void;
  onPointerMove(e: PointerEvent<SVGSVGElement>): boolean;
  onPointerUp(e: PointerEvent<SVGSVGElement>): void;
  onKeyDown(e: KeyboardEvent<SVGSVGElement>): void;
}

/** `active`/`setActive`: the panel owns the on/off state (its plane extent freezes while drawing). */
export function useDrawMode(scales: PlaneScales, active: boolean, setActive: (on: boolean) => void): DrawMode {
  const [draft, setDraftState] = useState<number[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  const [cursor, setCursor] = useState<DrawCursor>({ x: 0, y: 0, anchor: null });
  const [message, setMessage] = useState('');
  const draftRef = useRef<number[]>([]);
  const drag = useRef<Drag | null>(null);

  const setDraft = useCallback((list: number[]) => { draftRef.current = list; setDraftState(list); }, []);
  const commit = useCallback((list: number[], history: PairsHistory = 'replace') => {
    setDraft(list);
    if (list.length >= 4) scheduleUserPairs(list, appStore, undefined, history);
  }, [setDraft]);

  const toData = (e: PointerEvent<SVGSVGElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [scales.x.invert(e.clientX - r.left), scales.y.invert(e.clientY - r.top)];
  };

  const start = () => {
    const s = appStore.getState();
    setDraft(startingPairs(s.config.coupling, s.config.userPairs, s.pairs));
    setFocused(null);
    setCursor({ x: 0, y: 0, anchor: null });
    setMessage(t('panels:draw.message.started'));
    setActive(true);
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (!active || e.button > 0) return;
    e.preventDefault();
    e.currentTarget.focus({ preventScroll: true });
    const [x, y] = toData(e);
    const radius = GRAB_PX / scales.unit;
    const list = draftRef.current;
    const hit = hitEndpoint(list, x, y, radius);
    if (e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) {
      const pair = hit?.pair ?? hitLine(list, x, y, radius);
      if (pair !== null) {
        commit(removePair(list, pair));
        setFocused(null);
        setMessage(t('panels:draw.message.deleted', { n: formatCount(pair + 1) }));
      }
      return;
    }
    e.currentTarget.setPointerCapture?.(e.pointerId);
    if (hit) {
      drag.current = { pointerId: e.pointerId, pair: hit.pair, end: hit.end, isNew: false, startX: e.clientX, startY: e.clientY };
      setFocused(hit.pair);
      return;
    }
    if (list.length / 4 >= MAX_USER_PAIRS) {
      setMessage(t('panels:draw.message.full', { max: formatCount(MAX_USER_PAIRS) }));
      return;
    }
    setDraft(addPair(list, [x, y, x, y]));
    drag.current = { pointerId: e.pointerId, pair: list.length / 4, end: 'x1', isNew: true, startX: e.clientX, startY: e.clientY };
    setFocused(list.length / 4);
  };

  /** True while a drag is in progress (the panel skips its hover then). */
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): boolean => {
    const d = drag.current;
    if (!active || !d || d.pointerId !== e.pointerId) return false;
    const [x, y] = toData(e);
    setDraft(movePoint(draftRef.current, d.pair, d.end, x, y));
    return true;
  };

  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    const moved = Math.hypot(e.clientX - d.startX, e.clientY - d.startY);
    if (d.isNew && moved < CLICK_PX) {
      setDraft(removePair(draftRef.current, d.pair));
      setFocused(null);
      const [x, y] = toData(e);
      setCursor((c) => ({ ...c, x, y }));
      return;
    }
    commit(draftRef.current);
    setMessage(d.isNew ? t('panels:draw.message.addedOf', { n: formatCount(d.pair + 1), total: formatCount(draftRef.current.length / 4) }) : t('panels:draw.message.moved', { end: d.end, n: formatCount(d.pair + 1) }));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!active) return;
    const list = draftRef.current;
    if ((e.key === 'Delete' || e.key === 'Backspace') && focused !== null && focused < list.length / 4) {
      commit(removePair(list, focused));
      setMessage(t('panels:draw.message.deleted', { n: formatCount(focused + 1) }));
      setFocused(null);
    } else {
      const r = cursorKey(cursor, e.key, e.shiftKey, PAIR_COORD_LIMIT);
      if (!r) return;
      setCursor(r.cursor);
      if (r.kind === 'anchor') setMessage(t('panels:draw.message.anchored', { x: formatFixed(r.cursor.x, 1), y: formatFixed(r.cursor.y, 1) }));
      else if (r.kind === 'cancel') setMessage(t('panels:draw.message.dropped'));
      else if (r.kind === 'pair') {
        if (list.length / 4 >= MAX_USER_PAIRS) setMessage(t('panels:draw.message.full', { max: formatCount(MAX_USER_PAIRS) }));
        else {
          commit(addPair(list, r.pair));
          setFocused(list.length / 4);
          setMessage(t('panels:draw.message.added', { n: formatCount(list.length / 4 + 1) }));
        }
      } else {
        const hit = hitEndpoint(list, r.cursor.x, r.cursor.y, GRAB_PX / scales.unit);
        setFocused(hit ? hit.pair : null);
      }
    }
    // the drawing owns these keys while it has focus: no page shortcut (→ steps, Esc …)
    e.preventDefault();
    e.stopPropagation();
  };

  return {
    active, draft, focused, cursor, message, start,
    stop: () => { setActive(false); drag.current = null; setMessage(''); },
    clear: () => { setDraft([]); setFocused(null); setMessage(t('panels:draw.message.cleared')); },
    stamp: (kind, n) => {
      const list = stampPairs(kind, Math.min(MAX_USER_PAIRS, n), appStore.getState().config.seed);
      commit(list, 'push'); // a loaded set is a place to go Back to
      setFocused(null);
      setMessage(t('panels:draw.message.stamped', { n: formatCount(list.length / 4) }));
    },
    onPointerDown, onPointerMove, onPointerUp, onKeyDown,
  };
}
