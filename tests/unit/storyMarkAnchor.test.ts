// storyMarkAnchor.ts: where a chapter's "what to look for" mark sits on the data, and its pixels.
import { describe, expect, it } from 'vitest';
import { CurveBuffer } from '../../src/state/curves';
import { chapterById } from '../../src/story/chapters';
import { LEVEL_WINDOW, markAnchor, markPixels, roundsBand } from '../../src/panels/storyMarkAnchor';

/** A run whose gradient variance sits at 1e-3 for σ = 0, then at 2 after σ changes at step 100. */
function run(steps: number, change = 100) {
  const curves = new CurveBuffer(4096);
  for (let step = 1; step <= steps; step++) {
    const gradVar = step <= change ? 1e-3 * (1 + 0.1 * (step % 3)) : 2 * (1 + 0.1 * (step % 3));
    curves.push({ step, loss: 0.5, gradVar, meanGradNormSq: 1, sigma: step <= change ? 0 : 0.3 });
  }
  return curves;
}

describe('markAnchor', () => {
  const gradVar = chapterById('rotated')!.look.target;

  it('markAnchor(gradVar curve) bands the last 16 raw points around the σ = 0 floor', () => {
    const a = markAnchor(gradVar, { curves: run(80), markers: [] });
    expect(a?.kind).toBe('level');
    if (a?.kind !== 'level') return;
    expect(a.to).toBe(80);
    expect(a.from).toBe(80 - LEVEL_WINDOW + 1);
    expect(a.low).toBeCloseTo(1e-3, 12);
    expect(a.high).toBeCloseTo(1.2e-3, 12);
    expect(a.value).toBeGreaterThan(1.0e-3); // the geometric mean of the window
    expect(a.value).toBeLessThan(1.2e-3);
    expect(a.sigmaChange).toBeNull();
  });

  it('after a σ marker the band starts at the marker and shows the new level, ~2000× the floor', () => {
    const markers = [{ step: 100, key: 'width' }, { step: 100, key: 'sigma' }];
    const a = markAnchor(gradVar, { curves: run(108), markers });
    if (a?.kind !== 'level') throw new Error(`expected a level anchor, got ${a?.kind}`);
    expect(a.sigmaChange).toBe(100);
    expect(a.from).toBe(101); // the points before the change (at 1e-3) are left out
    expect(a.low).toBeCloseTo(2, 9);
    expect(a.high).toBeCloseTo(2.4, 9);
    // the level is the new one 8 steps after the change (an EMA would still lag near 0.7)
    expect(a.value).toBeGreaterThan(2);
    expect(a.value).toBeLessThan(2.4);
    expect(a.value / 1e-3).toBeGreaterThan(1000);
    // a σ marker later than the data does not count yet
    const later = markAnchor(gradVar, { curves: run(80), markers: [{ step: 100, key: 'sigma' }] });
    expect(later?.kind === 'level' && later.sigmaChange).toBeNull();
  });

  it('markAnchor is null before the first point, and for readout and whole-panel targets', () => {
    expect(markAnchor(gradVar, { curves: new CurveBuffer(16), markers: [] })).toBeNull();
    expect(markAnchor(chapterById('memorize')!.look.target, { curves: run(20), markers: [] })).toBeNull();
    expect(markAnchor(chapterById('sweep')!.look.target, { curves: run(20), markers: [] })).toBeNull();
  });

  it('the sweep chapter marks the σ interval where reproduction falls past halfway to chance', () => {
    const chance = 1 / 128;
    const rates = [[0, 0.98], [0.01, 0.97], [0.3, 0.02], [0.03, 0.9], [0.1, 0.3], [1, 0.01]].map(([sigma, reproduction]) => ({ sigma, reproduction, chance }));
    expect(markAnchor(chapterById('sweep')!.look.target, { curves: run(1), markers: [], sweep: rates })).toEqual({ kind: 'box', x: [0.03, 0.1], y: [0, 1] });
    // no drop (every σ still memorizes): nothing to mark
    expect(markAnchor(chapterById('sweep')!.look.target, { curves: run(1), markers: [], sweep: rates.map((r) => ({ ...r, reproduction: 0.95 })) })).toBeNull();
  });

  it('the collision chapter marks the centre box where every line meets at t = ½', () => {
    const a = markAnchor(chapterById('collision')!.look.target, { curves: run(1), markers: [] });
    expect(a).toEqual({ kind: 'box', x: [-0.35, 0.35], y: [-0.35, 0.35] });
  });
});

describe('the ReFlow and compare chapters mark their data', () => {
  it('reflow bands pair reproduction from round 0 to the last round, low to high; nothing before round 0', () => {
    const target = chapterById('reflow')!.look.target;
    expect(markAnchor(target, { curves: run(1), markers: [], rounds: [0.95, 0.93, 0.97] })).toEqual({ kind: 'box', x: [0, 2], y: [0.93, 0.97] });
    expect(markAnchor(target, { curves: run(1), markers: [], rounds: [] })).toBeNull();
    expect(roundsBand([NaN, 0.5])).toEqual({ kind: 'box', x: [0, 1], y: [0.5, 0.5] });
  });

  it('compare marks run A\'s gradient variance: a level band on the curves it is given', () => {
    const target = chapterById('compare')!.look.target;
    expect(target).toMatchObject({ kind: 'curve', curve: 'gradVar', run: 0 });
    const a = markAnchor(target, { curves: run(60), markers: [] });
    expect(a?.kind).toBe('level');
    if (a?.kind === 'level') expect(a.value).toBeCloseTo(1e-3 * 1.1, 4);
  });
});

describe('markPixels', () => {
  const plot = { left: 50, right: 450, top: 22, bottom: 200 };
  const x = (v: number) => 50 + v; // step → px
  const logY = (v: number) => 200 - 30 * Math.log10(v / 1e-4); // 1e-4 at the bottom

  it('a level mark bands [low, high] at the current steps and labels at the level, inside the plot', () => {
    const p = markPixels({ kind: 'level', curve: 'gradVar', from: 300, to: 380, value: 1e-3, low: 8e-4, high: 1.2e-3, sigmaChange: null }, x, logY, plot);
    expect(p.box.x).toBe(350);
    expect(p.box.width).toBe(80);
    expect(p.line).toBeCloseTo(170, 9);
    expect(p.box.y).toBeLessThan(170);
    expect(p.box.y + p.box.height).toBeGreaterThan(170);
    expect(p.label).toEqual({ x: 56, y: 165, anchor: 'start' });
  });

  it('a label never leaves the plot: at the top edge it goes below the level', () => {
    const p = markPixels({ kind: 'level', curve: 'gradVar', from: 0, to: 10, value: 1e3, low: 1e3, high: 1e3, sigmaChange: null }, x, logY, plot);
    expect(p.line).toBe(plot.top); // clamped
    expect(p.label.y).toBeGreaterThan(plot.top);
    expect(p.label.y).toBeLessThanOrEqual(plot.bottom);
  });

  it('a box mark is the region in pixels, labelled above it when there is room, else below', () => {
    const plane = (v: number) => 250 + 100 * v, planeY = (v: number) => 110 - 100 * v;
    const box = markPixels({ kind: 'box', x: [-0.35, 0.35], y: [-0.35, 0.35] }, plane, planeY, { left: 32, right: 480, top: 8, bottom: 220 });
    expect(box.box).toEqual({ x: 215, y: 75, width: 70, height: 70 });
    expect(box.label).toEqual({ x: 250, y: 70, anchor: 'middle' });
    const high = markPixels({ kind: 'box', x: [-0.35, 0.35], y: [0.6, 1] }, plane, planeY, { left: 32, right: 480, top: 8, bottom: 220 });
    expect(high.label.y).toBeGreaterThan(high.box.y + high.box.height);
    // near the right edge a 30-character label (~216 px) is pulled in to end at the plot's edge
    const edge = markPixels({ kind: 'box', x: [2, 2.2], y: [0, 0.2] }, plane, planeY, { left: 32, right: 480, top: 8, bottom: 220 }, 30);
    expect(edge.label.x).toBeCloseTo(480 - 0.6 * 12 * 15, 9);
  });
});
