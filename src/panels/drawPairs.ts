// Pure drawing of the pairs panel: source and target clouds, the straight training lines x0 → x1,
// the σ tube (the band where x_t falls: ±2σ for the constant kind, ±2σ√(t(1−t)) for the bridge,
// docs/math.md#interpolants-σ) and the points x_t at the scrubbed t. Thousands of lines go in one batched path.
import type { PairSet } from '../math/couplings';
import type { InterpolantKind } from '../math/interpolants';
import type { PlaneScales } from './planeFrame';
import type { Palette } from './palette';
import type { LayerId } from '../state/viewSlice';
import { ARC_DOTS_MAX, dotPath } from './marks';

/**
 * Pairs up to this many get a tube each; above it the first TUBE_ALL_MAX pairs (a random sample:
 * pairs are drawn at random) get one, so the tubes and their overlap show at any N, and the
 * hovered pair gets its own (drawn in the SVG).
 */
export const TUBE_ALL_MAX = 64;

/** How many pairs of `n` get a tube on the canvas. */
export function tubeCount(n: number): number {
  return Math.min(n, TUBE_ALL_MAX);
}
const BRIDGE_SEGMENTS = 24;

export interface PairsDrawInput {
  pairs: PairSet;
  scales: PlaneScales;
  layers: Record<LayerId, boolean>;
  kind: InterpolantKind;
  /** σ as trained (0 for the deterministic kind) */
  sigma: number;
  tScrub: number;
  palette: Palette;
}

/** Opacity of a line when n lines overlap: dense sets fade so structure stays visible. */
export function lineAlpha(n: number): number {
  return Math.min(0.7, Math.max(0.05, 5 / Math.sqrt(n)));
}

function tube(ctx: CanvasRenderingContext2D, p: PairSet, i: number, d: PairsDrawInput): void {
  const { x, y, unit } = d.scales;
  const ax = p.x0[2 * i], ay = p.x0[2 * i + 1], bx = p.x1[2 * i], by = p.x1[2 * i + 1];
  if (d.kind === 'constant') {
    ctx.lineWidth = 4 * d.sigma * unit;
    ctx.beginPath();
    ctx.moveTo(x(ax), y(ay));
    ctx.lineTo(x(bx), y(by));
    ctx.stroke();
    return;
  }
  const outline = bridgeOutline(ax, ay, bx, by, d.sigma);
  ctx.beginPath();
  for (let k = 0; k < outline.length; k += 2) {
    if (k === 0) ctx.moveTo(x(outline[k]), y(outline[k + 1])); else ctx.lineTo(x(outline[k]), y(outline[k + 1]));
  }
  ctx.closePath();
  ctx.fill();
}

/** The bridge tube of one pair: half-width 2σ√(t(1−t)) along the line's normal; closed polygon (x, y, …). */
export function bridgeOutline(ax: number, ay: number, bx: number, by: number, sigma: number): number[] {
  const len = Math.hypot(bx - ax, by - ay) || 1;
  const nx = -(by - ay) / len, ny = (bx - ax) / len;
  const out: number[] = [];
  for (const side of [1, -1]) {
    for (let k = 0; k <= BRIDGE_SEGMENTS; k++) {
      const t = side === 1 ? k / BRIDGE_SEGMENTS : 1 - k / BRIDGE_SEGMENTS;
      const w = side * 2 * sigma * Math.sqrt(t * (1 - t));
      out.push(ax + t * (bx - ax) + w * nx, ay + t * (by - ay) + w * ny);
    }
  }
  return out;
}

function dots(ctx: CanvasRenderingContext2D, xy: ArrayLike<number>, n: number, d: PairsDrawInput, r: number, at?: (i: number) => [number, number]): void {
  const { x, y } = d.scales;
  const square = n > ARC_DOTS_MAX;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const [px, py] = at ? at(i) : [xy[2 * i], xy[2 * i + 1]];
    dotPath(ctx, x(px), y(py), r, square);
  }
  ctx.fill();
}

export function drawPairs(ctx: CanvasRenderingContext2D, d: PairsDrawInput): void {
  const { pairs: p, scales: { x, y }, layers, palette } = d;
  const n = p.n;
  const r = (n <= 64 ? 3.5 : n <= 1024 ? 2 : 1.2) * palette.weight;
  if (layers.tube && d.sigma > 0 && d.kind !== 'deterministic') {
    const drawn = tubeCount(n);
    ctx.save();
    // inside the axes: a wide tube (σ = 1) must not spill over the tick labels
    const [left, right] = x.range(), [bottom, top] = y.range();
    ctx.beginPath();
    ctx.rect(left, top, right - left, bottom - top);
    ctx.clip();
    ctx.strokeStyle = palette.tube;
    ctx.fillStyle = palette.tube;
    ctx.lineCap = 'round';
    // overlapping tubes darken where they overlap; wide ones stay faint enough to see the lines
    ctx.globalAlpha = Math.min(0.25, 1.2 / Math.sqrt(drawn));
    for (let i = 0; i < drawn; i++) tube(ctx, p, i, d);
    ctx.restore();
  }
  if (layers.lines) {
    ctx.save();
    ctx.strokeStyle = palette.lines;
    ctx.globalAlpha = lineAlpha(n);
    ctx.lineWidth = palette.weight;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      ctx.moveTo(x(p.x0[2 * i]), y(p.x0[2 * i + 1]));
      ctx.lineTo(x(p.x1[2 * i]), y(p.x1[2 * i + 1]));
    }
    ctx.stroke();
    ctx.restore();
  }
  ctx.save();
  ctx.globalAlpha = n > 4096 ? 0.5 : 0.9;
  if (layers.source) { ctx.fillStyle = palette.source; dots(ctx, p.x0, n, d, r); }
  if (layers.target) { ctx.fillStyle = palette.target; dots(ctx, p.x1, n, d, r); }
  if (layers.xt) {
    const t = d.tScrub;
    ctx.fillStyle = palette.xt;
    ctx.globalAlpha = 0.6;
    dots(ctx, p.x0, n, d, Math.max(1, r * 0.6), (i) => [
      (1 - t) * p.x0[2 * i] + t * p.x1[2 * i], (1 - t) * p.x0[2 * i + 1] + t * p.x1[2 * i + 1],
    ]);
  }
  ctx.restore();
}

/** Index of the training line nearest to (px, py) in data units, within `maxDist`; else null. */
export function nearestPair(p: PairSet, px: number, py: number, maxDist: number): number | null {
  let best = maxDist * maxDist, bestI: number | null = null;
  for (let i = 0; i < p.n; i++) {
    const ax = p.x0[2 * i], ay = p.x0[2 * i + 1];
    const dx = p.x1[2 * i] - ax, dy = p.x1[2 * i + 1] - ay;
    const len2 = dx * dx + dy * dy;
    const s = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
    const ex = ax + s * dx - px, ey = ay + s * dy - py;
    const d2 = ex * ex + ey * ey;
    if (d2 < best) { best = d2; bestI = i; }
  }
  return bestI;
}
