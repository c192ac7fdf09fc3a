// Pure drawing of training curves on a canvas with d3-shape's line().context(ctx): the raw series
// thin and faint, its EMA on top; points that are not finite or not positive (log scale) leave gaps.
import { line, type ScaleContinuousNumeric } from 'd3';
import type { CurveBuffer } from '../state/curves';

type Scale = ScaleContinuousNumeric<number, number>;
export type Column = 'loss' | 'lossEma' | 'gradVar' | 'gradVarEma';

export interface SeriesStyle {
  color: string;
  width: number;
  alpha: number;
}

export function drawSeries(ctx: CanvasRenderingContext2D, curves: CurveBuffer, column: Column, x: Scale, y: Scale, style: SeriesStyle): void {
  const steps = curves.columns.step, values = curves.columns[column];
  const index = Array.from({ length: curves.length }, (_, i) => i);
  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.globalAlpha = style.alpha;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  line<number>()
    .x((i) => x(steps[i]))
    .y((i) => y(values[i]))
    .defined((i) => Number.isFinite(values[i]) && values[i] > 0)
    .context(ctx)(index);
  ctx.stroke();
  ctx.restore();
}

/** [min, max] of the positive finite values of some columns, widened to whole decades if flat. */
export function logExtent(curves: CurveBuffer, columns: Column[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const c of columns) {
    const v = curves.columns[c];
    for (let i = 0; i < curves.length; i++) {
      if (Number.isFinite(v[i]) && v[i] > 0) { lo = Math.min(lo, v[i]); hi = Math.max(hi, v[i]); }
    }
  }
  if (!Number.isFinite(lo)) return [1e-3, 1];
  if (hi / lo < 10) { const mid = Math.sqrt(lo * hi); lo = mid / 4; hi = mid * 4; }
  return [lo, hi];
}
