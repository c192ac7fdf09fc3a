// Pure drawing of the per-t-bin gradient variance as bars (log y); empty bins are skipped.
import type { ScaleBand, ScaleContinuousNumeric } from 'd3';

export function drawBars(ctx: CanvasRenderingContext2D, values: readonly number[], x: ScaleBand<number>, y: ScaleContinuousNumeric<number, number>, color: string): void {
  const base = y.range()[0];
  ctx.save();
  ctx.fillStyle = color;
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || v <= 0) return;
    const x0 = x(i);
    if (x0 === undefined) return;
    const top = y(v);
    ctx.fillRect(x0, top, x.bandwidth(), Math.max(1, base - top));
  });
  ctx.restore();
}
