// curveScales.ts: the layout and scales shared by the gradient-variance panel and the compare view.
import { describe, expect, it } from 'vitest';
import { CURVE_MARGIN, curveLayout, curveScales, growingXMax } from '../../src/panels/curveScales';

describe('curveScales', () => {
  it('growingXMax(last, target) runs 15 % ahead of the run, at least 50, and stops at the target', () => {
    expect(growingXMax(0, 1000)).toBe(50);
    expect(growingXMax(400, 1000)).toBeCloseTo(460, 9);
    expect(growingXMax(900, 1000)).toBe(1000);
    // past the target (steps lowered mid-run) or with no target, the axis keeps growing
    expect(growingXMax(1200, 1000)).toBeCloseTo(1380, 9);
    expect(growingXMax(400, 0)).toBeCloseTo(460, 9);
  });

  it('curveLayout(h) gives the top chart 58 % of the inner height, a gap, then the loss chart', () => {
    const l = curveLayout(400);
    const inner = 400 - CURVE_MARGIN.top - CURVE_MARGIN.bottom - CURVE_MARGIN.gap;
    expect(l.top[0]).toBe(CURVE_MARGIN.top);
    expect(l.top[1]).toBeCloseTo(CURVE_MARGIN.top + 0.58 * inner, 9);
    expect(l.bottom[0]).toBeCloseTo(l.top[1] + CURVE_MARGIN.gap, 9);
    expect(l.bottom[1]).toBe(400 - CURVE_MARGIN.bottom);
    // a plot squeezed to nothing keeps a 20 px inner height instead of inverting
    const tiny = curveLayout(10);
    expect(tiny.top[1] - tiny.top[0]).toBeCloseTo(0.58 * 20, 9);
  });

  it('curveScales maps steps onto the width and log values onto each chart, nice and clamped', () => {
    const layout = curveLayout(400);
    const s = curveScales(600, layout, 400, 1000, [2e-3, 0.5], [0.03, 3]);
    const [x0, x1] = s.x.domain();
    expect(x0).toBe(0);
    expect(x1).toBeCloseTo(460, 9);
    expect(s.x(0)).toBe(CURVE_MARGIN.left);
    expect(s.x(x1)).toBeCloseTo(600 - CURVE_MARGIN.right, 9);
    expect(s.yTop.domain()).toEqual([1e-3, 1]); // nice() widens to whole decades
    expect(s.yBottom.domain()).toEqual([0.01, 10]);
    expect(s.yTop(1)).toBeCloseTo(layout.top[0], 9);
    expect(s.yTop(1e-3)).toBeCloseTo(layout.top[1], 9);
    expect(s.yBottom(1e-9)).toBeCloseTo(layout.bottom[1], 9); // clamped, not off the chart
  });
});
