// Points from a file: the reader on a corpus of good and hostile files, the
// point set in the link (compact codec, one decoder for page and CLI), the sampler of
// `source=points` / `target=points`, and a refused file leaving the store as it was.
import { describe, expect, it } from 'vitest';
import { readPointsText, pointsFileTooLarge, MAX_POINTS_FILE_BYTES } from '../../src/state/pointsFile';
import { setPoints, dab, erase, BRUSH_DAB, BRUSH_RADIUS } from '../../src/state/points';
import { createAppStore } from '../../src/state/store';
import { encodeConfig } from '../../src/link/url';
import { decodeConfig } from '../decodeConfig';
import { decodeLink } from '../../src/link/link';
import { defaultConfig, MAX_POINTS } from '../../src/engine/runConfig';
import { makePairs } from '../../src/math/couplings';
import { worldSpec } from '../../src/engine/world';
import { GOOD_POINTS, BAD_POINTS } from './pointsCorpus';
import { english } from '../../src/i18n/message';

describe('points file reader', () => {
  it(`reads ${GOOD_POINTS.length} well-formed files (CSV, TSV, blanks, JSON, BOM, decimal commas) with the notes that matter`, () => {
    for (const c of GOOD_POINTS) {
      const r = readPointsText(c.text);
      expect(r.ok, `${c.name}: ${r.ok ? '' : english(r.reason)}`).toBe(true);
      if (!r.ok) continue;
      expect(r.points.length / 2, c.name).toBe(c.points);
      if (c.first) expect(r.points.slice(0, c.first.length), c.name).toEqual(c.first);
      if (c.says) expect(r.notes.map(english).join('; '), c.name).toMatch(c.says);
      expect(r.points.every((v) => Number.isFinite(v) && Math.abs(v) <= 10), c.name).toBe(true);
    }
  });

  it(`refuses ${BAD_POINTS.length} hostile files with the line and the reason, never a throw`, () => {
    expect(BAD_POINTS.length).toBeGreaterThanOrEqual(40);
    for (const c of BAD_POINTS) {
      const r = readPointsText(c.text);
      expect(r.ok, c.name).toBe(false);
      if (r.ok) continue;
      expect(english(r.reason), c.name).toMatch(c.says!);
      expect(english(r.reason).length, c.name).toBeLessThan(240);
    }
  });

  it('a file over the size limit is refused before it is read, naming the limit', () => {
    expect(pointsFileTooLarge(MAX_POINTS_FILE_BYTES)).toBeNull();
    expect(english(pointsFileTooLarge(50 * 1024 * 1024)!)).toBe('the file is 50.0 MB; a points file may hold up to 4.0 MB (100,000 rows)');
  });

  it('a thinned file keeps evenly spaced rows in file order: both halves of a file sorted by class stay half each', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => (i < 500 ? `-1,${i / 500}` : `1,${(i - 500) / 500}`)).join('\n');
    const r = readPointsText(rows);
    if (!r.ok) throw new Error(english(r.reason));
    const xs = r.points.filter((_, i) => i % 2 === 0);
    expect(xs.length).toBe(MAX_POINTS);
    expect(xs.filter((x) => x < 0).length).toBe(MAX_POINTS / 2);
  });
});

describe('points in the link and the sampler', () => {
  const ring = Array.from({ length: 64 }, (_, i) => [Math.cos((i * Math.PI) / 32), Math.sin((i * Math.PI) / 32)]).flat();

  it('a loaded set travels in the compact codec and reads back on the grid, in the page and the CLI alike', () => {
    const read = readPointsText(ring.map((v, i) => (i % 2 ? `${v}\n` : `${v},`)).join(''));
    if (!read.ok) throw new Error(english(read.reason));
    const c = { ...defaultConfig(), target: 'points' as const, targetPoints: read.points };
    const query = encodeConfig(c);
    expect(query).toMatch(/targetPoints=q\.[A-Za-z0-9_-]{342}(&|$)/); // 64 points · 2 · 2 bytes = 256 bytes
    expect(decodeConfig(query)).toEqual({ config: c, corrections: [] });
    expect(decodeLink(`https://x.org/?${query}`).config).toEqual(c);
  });

  it('a damaged or oversized set is reported, never thrown; target=points without points says what stands in', () => {
    expect(decodeConfig('target=points&targetPoints=q.AAAA').corrections).toEqual(['targetPoints=q.AAAA holds 3 bytes, not a multiple of 4 (2 coordinates × 2 bytes): no points read', 'target=points without targetPoints: a standard Gaussian stands in until points are loaded or painted']);
    const many = Array.from({ length: 600 }, (_, i) => `${i % 10},1`).join(';');
    const r = decodeConfig(`target=points&targetPoints=${many}`);
    expect(r.config.targetPoints.length).toBe(2 * MAX_POINTS);
    expect(r.corrections).toEqual([`targetPoints: 600 points are more than ${MAX_POINTS}: keeping the first ${MAX_POINTS}`]);
    expect(decodeConfig('targetPoints=1,2;NaN,3').corrections).toEqual(['targetPoints: 1 point is not two finite numbers and was dropped']);
  });

  it('target=points draws the training x1 from the set plus jitter of std pointJitter, keyed by the seed', () => {
    const c = { ...defaultConfig(), target: 'points' as const, targetPoints: [2, 0, -2, 0], pointJitter: 0.1, pairs: 4096 };
    const pairs = makePairs(worldSpec(c), 1);
    let right = 0, sq = 0;
    for (let i = 0; i < pairs.n; i++) {
      const x = pairs.x1[2 * i], y = pairs.x1[2 * i + 1];
      if (x > 0) right++;
      sq += (Math.abs(x) - 2) ** 2 + y ** 2;
    }
    expect(right / pairs.n).toBeGreaterThan(0.46);
    expect(right / pairs.n).toBeLessThan(0.54);
    expect(Math.sqrt(sq / (2 * pairs.n))).toBeCloseTo(0.1, 2); // the jitter's std
    expect(makePairs(worldSpec(c), 1).x1).toEqual(pairs.x1);
    expect(makePairs(worldSpec({ ...c, pointJitter: 0 }), 1).x1.every((v) => v === 0 || Math.abs(v) === 2)).toBe(true);
  });

  it('setPoints trains on the set as a new history entry; a refused file changes nothing in the store', () => {
    const store = createAppStore();
    const before = store.getState();
    for (const c of BAD_POINTS.slice(0, 8)) {
      const r = readPointsText(c.text);
      if (r.ok) setPoints('target', r.points, store);
    }
    expect(store.getState().config).toBe(before.config);
    setPoints('source', [1, 1, 2, 2], store);
    expect(store.getState().config).toMatchObject({ source: 'points', sourcePoints: [1, 1, 2, 2] });
    expect(store.getState().historyMark).toBe(before.historyMark + 1);
  });

  it('the paint brush adds a reproducible dab of points and the eraser removes those under it', () => {
    const one = dab([], 1, 1, 7, 0);
    expect(one.length).toBe(2 * BRUSH_DAB);
    expect(dab([], 1, 1, 7, 0)).toEqual(one);
    expect(dab([], 1, 1, 7, 1)).not.toEqual(one);
    const mean = [0, 1].map((c) => one.filter((_, i) => i % 2 === c).reduce((a, b) => a + b, 0) / BRUSH_DAB);
    expect(Math.hypot(mean[0] - 1, mean[1] - 1)).toBeLessThan(0.25);
    for (let i = 0; i < one.length; i += 2) expect(Math.hypot(one[i] - 1, one[i + 1] - 1)).toBeLessThanOrEqual(BRUSH_RADIUS);
    const full = Array.from({ length: MAX_POINTS }, () => [0, 0]).flat();
    expect(dab(full, 1, 1, 7, 2).length).toBe(2 * MAX_POINTS);
    expect(erase([...one, 5, 5], 1, 1)).toEqual([5, 5]); // the eraser at the dab's place takes it all back
  });
});
