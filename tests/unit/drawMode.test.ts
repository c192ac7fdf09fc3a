// The pair drawing tool's pure parts: hit-testing, the keyboard cursor, the stamps, the edits of
// the user-pair list and the debounced action that trains on it (vanilla store, fake timers).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cursorKey, hitEndpoint, hitLine, type DrawCursor } from '../../src/panels/drawMode/geometry';
import { bundlesStamp, circleStamp, cloudStamp, stampPairs } from '../../src/math/stamps';
import { addPair, flattenPairs, MAX_USER_PAIRS, movePoint, removePair, scheduleUserPairs, setUserPairs, startingPairs, USER_PAIRS_DEBOUNCE_MS } from '../../src/state/userPairs';
import { createAppStore } from '../../src/state/store';
import { encodeConfig } from '../../src/link/url';
import { decodeConfig } from '../decodeConfig';
import { makePairs } from '../../src/math/couplings';
import { worldSpec } from '../../src/engine/world';
import { expectClose } from './expectClose';

const TWO = [0, 0, 1, 1, 2, 0, 0, 2]; // pair 0: (0,0)→(1,1); pair 1: (2,0)→(0,2)

describe('hitEndpoint / hitLine', () => {
  it('hitEndpoint(list, x, y, r) returns the nearest endpoint within r, naming pair and end', () => {
    expect(hitEndpoint(TWO, 0.05, 0, 0.1)).toMatchObject({ pair: 0, end: 'x0' });
    expect(hitEndpoint(TWO, 0.02, 1.97, 0.1)).toMatchObject({ pair: 1, end: 'x1' });
    expect(hitEndpoint(TWO, 0.5, 0.5, 0.1)).toBeNull();
  });

  it('hitLine(list, x, y, r) finds the pair whose segment passes within r, and not beyond its ends', () => {
    expect(hitLine(TWO, 0.5, 0.55, 0.1)).toBe(0);
    expect(hitLine(TWO, 1.5, 0.45, 0.1)).toBe(1);
    expect(hitLine(TWO, 3, 3, 0.5)).toBeNull();
  });
});

describe('cursorKey: the keyboard alone adds a pair', () => {
  const c0: DrawCursor = { x: 0, y: 0, anchor: null };
  it('arrows move by 0.1 (Shift 0.5) without drift; Enter sets x0, a second Enter gives the pair x0 → cursor', () => {
    let c = c0;
    for (let i = 0; i < 3; i++) c = cursorKey(c, 'ArrowRight', false, 10)!.cursor;
    expect(c.x).toBe(0.3);
    const a = cursorKey(c, 'Enter', false, 10)!;
    expect(a.kind).toBe('anchor');
    c = cursorKey(a.cursor, 'ArrowUp', true, 10)!.cursor;
    c = cursorKey(c, 'ArrowLeft', false, 10)!.cursor;
    const done = cursorKey(c, 'Enter', false, 10)!;
    expect(done).toEqual({ kind: 'pair', cursor: { x: 0.2, y: 0.5, anchor: null }, pair: [0.3, 0, 0.2, 0.5] });
  });

  it('Escape drops a set x0, and other keys (and Escape without x0) pass through', () => {
    const anchored = cursorKey(c0, 'Enter', false, 10)!.cursor;
    expect(cursorKey(anchored, 'Escape', false, 10)!.cursor.anchor).toBeNull();
    expect(cursorKey(c0, 'Escape', false, 10)).toBeNull();
    expect(cursorKey(c0, 'r', false, 10)).toBeNull();
  });

  it('the cursor stays within ±limit', () => {
    let c = c0;
    for (let i = 0; i < 30; i++) c = cursorKey(c, 'ArrowDown', true, 10)!.cursor;
    expect(c.y).toBe(-10);
  });
});

describe('stamps', () => {
  it('circleStamp(n) pairs each point with its antipode: every line passes the centre at t = ½', () => {
    const s = circleStamp(12, 2);
    expect(s).toHaveLength(48);
    for (let i = 0; i < 12; i++) expectClose([(s[4 * i] + s[4 * i + 2]) / 2, (s[4 * i + 1] + s[4 * i + 3]) / 2], [0, 0], { abs: 1e-12 });
  });

  it('bundlesStamp(n) alternates two bundles whose lines cross (directions (4, −2) and (4, 2))', () => {
    const s = bundlesStamp(8);
    expect(s).toHaveLength(32);
    expect([s[2] - s[0], s[3] - s[1]]).toEqual([4, -2]);
    expect([s[6] - s[4], s[7] - s[5]]).toEqual([4, 2]);
  });

  it('cloudStamp(n, seed) is a function of the seed (same seed, same pairs; another seed, other pairs)', () => {
    expect(cloudStamp(16, 3)).toEqual(cloudStamp(16, 3));
    expect(cloudStamp(16, 4)).not.toEqual(cloudStamp(16, 3));
    const s = cloudStamp(256, 7);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    expect(Math.abs(mean)).toBeLessThan(0.2);
  });

  it('stampPairs gives n pairs of each kind', () => {
    for (const kind of ['circle', 'bundles', 'cloud'] as const) expect(stampPairs(kind, 5, 1)).toHaveLength(20);
  });
});

describe('user pair edits', () => {
  it('addPair appends (coordinates clamped to ±10) and stops at the field limit of 256 pairs', () => {
    expect(addPair(TWO, [1, 2, 30, -40])).toEqual([...TWO, 1, 2, 10, -10]);
    const full = new Array(4 * MAX_USER_PAIRS).fill(0);
    expect(addPair(full, [1, 1, 1, 1])).toHaveLength(4 * MAX_USER_PAIRS);
  });

  it('movePoint moves one end of one pair; removePair drops one pair; out-of-range indices change nothing', () => {
    expect(movePoint(TWO, 1, 'x1', 5, 6)).toEqual([0, 0, 1, 1, 2, 0, 5, 6]);
    expect(movePoint(TWO, 0, 'x0', -1, -1)).toEqual([-1, -1, 1, 1, 2, 0, 0, 2]);
    expect(removePair(TWO, 0)).toEqual([2, 0, 0, 2]);
    expect(removePair(TWO, 5)).toEqual(TWO);
    expect(movePoint(TWO, 2, 'x0', 1, 1)).toEqual(TWO);
  });

  it('startingPairs: the user pairs when training on them, else the current pairs when ≤ 256, else none', () => {
    const pairs = { n: 1, x0: Float64Array.from([1, 2]), x1: Float64Array.from([3, 4]) };
    expect(startingPairs('user', TWO, pairs)).toEqual(TWO);
    expect(startingPairs('rotated', TWO, pairs)).toEqual([1, 2, 3, 4]);
    expect(flattenPairs(pairs)).toEqual([1, 2, 3, 4]);
    expect(startingPairs('rotated', [], { n: 512, x0: new Float64Array(1024), x1: new Float64Array(1024) })).toEqual([]);
  });
});

describe('setUserPairs / scheduleUserPairs', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('setUserPairs trains on the drawn pairs: coupling user, the link carries them, makePairs returns them', () => {
    const store = createAppStore();
    setUserPairs([0.5, -1, 1.25, 2, -3, 0, 3, 0], store);
    const c = store.getState().config;
    expect(c.coupling).toBe('user');
    const link = encodeConfig(c);
    expect(decodeConfig(link).config.userPairs).toEqual([0.5, -1, 1.25, 2, -3, 0, 3, 0]);
    const pairs = makePairs(worldSpec(c), c.seed);
    expect(pairs.n).toBe(2);
    expect(Array.from(pairs.x1)).toEqual([1.25, 2, 3, 0]);
  });

  it('an empty drawing does not replace the training pairs', () => {
    const store = createAppStore();
    const before = store.getState().config;
    setUserPairs([], store);
    expect(store.getState().config).toBe(before);
  });

  it(`scheduleUserPairs: a burst of edits restarts training once, ${USER_PAIRS_DEBOUNCE_MS} ms after the last`, () => {
    vi.useFakeTimers();
    const store = createAppStore();
    let changes = 0;
    store.subscribe((s, p) => { if (s.config !== p.config) changes++; });
    scheduleUserPairs([0, 0, 1, 1], store);
    vi.advanceTimersByTime(USER_PAIRS_DEBOUNCE_MS - 50);
    scheduleUserPairs([0, 0, 1, 1, 2, 2, 3, 3], store);
    vi.advanceTimersByTime(USER_PAIRS_DEBOUNCE_MS - 50);
    expect(changes).toBe(0);
    vi.advanceTimersByTime(100);
    expect(changes).toBe(1);
    expect(store.getState().config.userPairs).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
