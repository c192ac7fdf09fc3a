// Pure layout and scales of the two-chart curve plot (gradient variance over loss, both log y) that
// the gradient-variance panel and the compare view share: one place for the margins, the split,
// the x axis that grows with the run and the log-y ranges.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';

type Scale = ScaleContinuousNumeric<number, number>;

/** `gap`: the band between the charts, which holds the loss chart's title and the change markers' labels. */
export const CURVE_MARGIN = { top: 22, right: 12, bottom: 26, left: 50, gap: 40 } as const;
/** Share of the plot height given to the gradient-variance chart (the loss gets the rest). */
export const TOP_SHARE = 0.58;

/** Pixel ranges [top, bottom] of the two charts. */
export interface CurveLayout {
  top: readonly [number, number];
  bottom: readonly [number, number];
}

export interface CurveScales {
  x: Scale;
  yTop: Scale;
  yBottom: Scale;
}

export function curveLayout(height: number): CurveLayout {
  const M = CURVE_MARGIN;
  const inner = Math.max(20, height - M.top - M.bottom - M.gap);
  const topH = inner * TOP_SHARE;
  return { top: [M.top, M.top + topH], bottom: [M.top + topH + M.gap, height - M.bottom] };
}

/** The x axis grows with the run (15 % ahead of the last step, at least 50), up to the step the run trains to. */
export function growingXMax(lastStep: number, targetSteps: number): number {
  const ahead = Math.max(50, lastStep * 1.15);
  return targetSteps > 0 && lastStep <= targetSteps ? Math.min(targetSteps, ahead) : ahead;
}

/** Scales of both charts: x over [0, growingXMax], log y over the given extents, nice and clamped. */
export function curveScales(width: number, layout: CurveLayout, lastStep: number, targetSteps: number,
  topExtent: [number, number], bottomExtent: [number, number]): CurveScales {
  const M = CURVE_MARGIN;
  const x = scaleLinear().domain([0, growingXMax(lastStep, targetSteps)]).range([M.left, Math.max(M.left + 10, width - M.right)]);
  const yTop = scaleLog().domain(topExtent).range([layout.top[1], layout.top[0]]).nice().clamp(true);
  const yBottom = scaleLog().domain(bottomExtent).range([layout.bottom[1], layout.bottom[0]]).nice().clamp(true);
  return { x, yTop, yBottom };
}
