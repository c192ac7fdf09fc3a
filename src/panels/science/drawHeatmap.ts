// Pure drawing of the conditional target variance grid (src/math/conditionalVariance.ts) as a heat
// map on log colour, the interpolant positions x_t at the same t, and a ring on the largest cell.
import { interpolateViridis, type ScaleLinear } from 'd3';
import type { ConditionalVarianceGrid } from '../../math/conditionalVariance';
import type { PairSet } from '../../math/couplings';

/** Colour range: VARIANCE_DECADES below the top; smaller values take the low end. */
export const VARIANCE_DECADES = 3;

/**
 * [lo, hi] of the colour scale (lo > 0): the top is the total variance tr Cov(u_t) (or the largest
 * cell, if above), so the colour reads "share of the target's spread left at this x" and the
 * crossing in space (small everywhere) looks different from the collision (one cell at the top).
 */
export function varianceDomain(r: ConditionalVarianceGrid): [number, number] {
  const top = Math.max(r.totalVariance, r.maxVariance);
  const hi = top > 0 ? top : 1;
  return [hi / 10 ** VARIANCE_DECADES, hi];
}

/** Colour of variance v on the log domain [lo, hi]; empty cells (NaN) get null. */
export function varianceColor(v: number, [lo, hi]: [number, number]): string | null {
  if (!Number.isFinite(v)) return null;
  const u = v <= lo ? 0 : (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo) || 1);
  return interpolateViridis(Math.min(1, Math.max(0, u)));
}

export interface HeatmapScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

export interface HeatmapOptions {
  /** positions x_t of the pairs at the grid's t (no noise), drawn as dots; null = none */
  pairs?: PairSet | null;
  /** most dots drawn */
  maxDots?: number;
  dotColor?: string;
  ringColor?: string;
  weight?: number;
}

/** Index of the cell with the largest finite variance, or −1. */
export function maxCell(r: ConditionalVarianceGrid): number {
  let best = -1, bestV = -Infinity;
  r.variance.forEach((v, c) => { if (Number.isFinite(v) && v > bestV) { bestV = v; best = c; } });
  return best;
}

export function drawHeatmap(ctx: CanvasRenderingContext2D, r: ConditionalVarianceGrid, s: HeatmapScales, opts: HeatmapOptions = {}): void {
  const g = r.grid;
  const domain = varianceDomain(r);
  const cw = (g.xMax - g.xMin) / g.size, ch = (g.yMax - g.yMin) / g.size;
  ctx.save();
  for (let j = 0; j < g.size; j++) {
    for (let i = 0; i < g.size; i++) {
      const color = varianceColor(r.variance[j * g.size + i], domain);
      if (!color) continue;
      const x0 = s.x(g.xMin + i * cw), x1 = s.x(g.xMin + (i + 1) * cw);
      const y0 = s.y(g.yMin + (j + 1) * ch), y1 = s.y(g.yMin + j * ch);
      ctx.fillStyle = color;
      // +0.5 px closes the hairline seams between cells
      ctx.fillRect(x0, y0, x1 - x0 + 0.5, y1 - y0 + 0.5);
    }
  }
  const weight = opts.weight ?? 1;
  const pairs = opts.pairs;
  if (pairs && pairs.n > 0) {
    const t = r.t, count = Math.min(pairs.n, opts.maxDots ?? 4000);
    ctx.fillStyle = opts.dotColor ?? '#fff';
    ctx.globalAlpha = 0.55;
    for (let k = 0; k < count; k++) {
      const x = (1 - t) * pairs.x0[2 * k] + t * pairs.x1[2 * k], y = (1 - t) * pairs.x0[2 * k + 1] + t * pairs.x1[2 * k + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      ctx.fillRect(s.x(x) - weight, s.y(y) - weight, 2 * weight, 2 * weight);
    }
    ctx.globalAlpha = 1;
  }
  const c = maxCell(r);
  if (c >= 0) {
    const i = c % g.size, j = Math.floor(c / g.size);
    const cx = s.x(g.xMin + (i + 0.5) * cw), cy = s.y(g.yMin + (j + 0.5) * ch);
    const radius = Math.max(8, Math.abs(s.x(g.xMin + cw) - s.x(g.xMin)));
    ctx.strokeStyle = opts.ringColor ?? '#f00';
    ctx.lineWidth = 2 * weight;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}
