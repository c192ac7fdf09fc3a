// Pure drawing of the σ sweep: final reproduction rate (left y) and distance to the target (right
// y) against σ, and under each σ a small log-scale curve of that run's gradient variance.
import type { ScaleContinuousNumeric } from 'd3';
import type { SigmaAxis } from './sigmaAxis';
import { dotPath } from '../marks';

type Scale = ScaleContinuousNumeric<number, number>;

/** The figures of one σ the upper plot needs. */
export interface SweepPoint {
  sigma: number;
  reproduction: number;
  chance: number;
  slicedW2: number;
  gaussianW2: number | null;
  /** std over the sweep's seeds (absent or 0 with one seed): a ±1 std band around the line */
  reproductionStd?: number;
  slicedW2Std?: number;
}

export interface SweepColors {
  reproduction: string;
  distance: string;
  gradVar: string;
  ink: string;
  weight: number;
}

function series(ctx: CanvasRenderingContext2D, axis: SigmaAxis, y: Scale, pts: { sigma: number; v: number }[], color: string, weight: number, dash: number[] = []): void {
  const ok = pts.filter((p) => Number.isFinite(p.v)).sort((a, b) => a.sigma - b.sigma);
  if (ok.length === 0) return;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.8 * weight;
  // solid between positive σ; dotted across the axis break to σ = 0
  ctx.setLineDash(dash);
  ctx.beginPath();
  ok.filter((p) => p.sigma > 0).forEach((p, i) => (i === 0 ? ctx.moveTo(axis.x(p.sigma), y(p.v)) : ctx.lineTo(axis.x(p.sigma), y(p.v))));
  ctx.stroke();
  const zero = ok.find((p) => p.sigma === 0), first = ok.find((p) => p.sigma > 0);
  if (zero && first) {
    ctx.setLineDash([2, 3]);
    ctx.beginPath();
    ctx.moveTo(axis.x(0), y(zero.v));
    ctx.lineTo(axis.x(first.sigma), y(first.v));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const p of ok) {
    ctx.beginPath();
    dotPath(ctx, axis.x(p.sigma), y(p.v), 3.2 * weight);
    if (dash.length) ctx.stroke(); else ctx.fill();
  }
}

/** The band value ± std over σ (σ = 0 at its offset), filled faintly; nothing when every std is 0. */
function band(ctx: CanvasRenderingContext2D, axis: SigmaAxis, y: Scale, pts: { sigma: number; v: number; sd: number }[], color: string): void {
  const ok = pts.filter((p) => Number.isFinite(p.v) && Number.isFinite(p.sd)).sort((a, b) => a.sigma - b.sigma);
  if (ok.length === 0 || ok.every((p) => p.sd === 0)) return;
  ctx.fillStyle = color;
  ctx.globalAlpha = 0.18;
  ctx.beginPath();
  ok.forEach((p, i) => (i === 0 ? ctx.moveTo(axis.x(p.sigma), y(p.v + p.sd)) : ctx.lineTo(axis.x(p.sigma), y(p.v + p.sd))));
  for (let i = ok.length - 1; i >= 0; i--) ctx.lineTo(axis.x(ok[i].sigma), y(Math.max(0, ok[i].v - ok[i].sd)));
  ctx.closePath();
  ctx.fill();
  ctx.globalAlpha = 1;
}

/** Reproduction (with its chance level dashed) on `yRate`; sliced W2 (solid) and Gaussian W2 (dashed) on `yDist`; a ±1 std band over seeds around the first two. */
export function drawSweepMetrics(ctx: CanvasRenderingContext2D, points: readonly SweepPoint[], axis: SigmaAxis, yRate: Scale, yDist: Scale, c: SweepColors): void {
  if (points.length === 0) return;
  ctx.save();
  const chance = points[0].chance;
  if (Number.isFinite(chance)) {
    ctx.strokeStyle = c.reproduction;
    ctx.globalAlpha = 0.6;
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = c.weight;
    ctx.beginPath();
    const [x0, x1] = [axis.zeroX - 6, axis.log.range()[1]];
    ctx.moveTo(x0, yRate(chance));
    ctx.lineTo(x1, yRate(chance));
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  band(ctx, axis, yRate, points.map((p) => ({ sigma: p.sigma, v: p.reproduction, sd: p.reproductionStd ?? 0 })), c.reproduction);
  band(ctx, axis, yDist, points.map((p) => ({ sigma: p.sigma, v: p.slicedW2, sd: p.slicedW2Std ?? 0 })), c.distance);
  series(ctx, axis, yRate, points.map((p) => ({ sigma: p.sigma, v: p.reproduction })), c.reproduction, c.weight);
  series(ctx, axis, yDist, points.map((p) => ({ sigma: p.sigma, v: p.slicedW2 })), c.distance, c.weight);
  series(ctx, axis, yDist, points.map((p) => ({ sigma: p.sigma, v: p.gaussianW2 ?? NaN })), c.distance, c.weight, [5, 3]);
  ctx.restore();
}

/** One run's gradient-variance trace: steps and values. */
export interface SweepTrace {
  sigma: number;
  steps: readonly number[];
  values: readonly number[];
}

/** Decade bounds of all positive finite trace values (a shared log y for every small curve). */
export function traceDomain(traces: readonly SweepTrace[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const t of traces) for (const v of t.values) if (Number.isFinite(v) && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!Number.isFinite(lo)) return [1e-2, 1e2];
  const a = 10 ** Math.floor(Math.log10(lo)), b = 10 ** Math.ceil(Math.log10(hi));
  return [a, b > a ? b : a * 10];
}

/**
 * Small curves in the band [top, bottom]: each run's trace in a box centred under its σ, x from
 * step 0 to `stepMax`, log y shared by all runs (domain from traceDomain()).
 */
export function drawSweepTraces(ctx: CanvasRenderingContext2D, traces: readonly SweepTrace[], axis: SigmaAxis, band: { top: number; bottom: number }, stepMax: number, domain: [number, number], c: SweepColors): void {
  if (traces.length === 0) return;
  const xs = traces.map((t) => axis.x(t.sigma)).sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < xs.length; i++) gap = Math.min(gap, xs[i] - xs[i - 1]);
  const half = Math.max(8, Math.min(40, 0.45 * (Number.isFinite(gap) ? gap : 80)));
  const [lo, hi] = domain.map(Math.log10);
  const yOf = (v: number) => band.bottom - ((Math.log10(v) - lo) / (hi - lo || 1)) * (band.bottom - band.top);
  ctx.save();
  for (const t of traces) {
    const cx = axis.x(t.sigma);
    ctx.strokeStyle = c.ink;
    ctx.globalAlpha = 0.2;
    ctx.lineWidth = 1;
    ctx.strokeRect(cx - half, band.top, 2 * half, band.bottom - band.top);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = c.gradVar;
    ctx.lineWidth = 1.2 * c.weight;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < t.steps.length; i++) {
      const v = t.values[i];
      if (!(Number.isFinite(v) && v > 0)) { pen = false; continue; }
      const x = cx - half + (2 * half * t.steps[i]) / Math.max(1, stepMax);
      const y = Math.min(band.bottom, Math.max(band.top, yOf(v)));
      if (pen) ctx.lineTo(x, y); else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.stroke();
  }
  ctx.restore();
}
