// D3 axes drawn into SVG groups (they read the scale, never own it; colour is currentColor).
import { axisBottom, axisLeft, select, type ScaleContinuousNumeric } from 'd3';

type Scale = ScaleContinuousNumeric<number, number>;

export function drawAxisBottom(g: SVGGElement | null, scale: Scale, y: number, ticks = 5, format?: (v: number) => string): void {
  if (!g) return;
  const axis = axisBottom(scale).ticks(ticks);
  if (format) axis.tickFormat((v) => format(Number(v)));
  select(g).attr('transform', `translate(0,${y})`).call(axis);
}

export function drawAxisLeft(g: SVGGElement | null, scale: Scale, x: number, ticks = 5, format?: (v: number) => string): void {
  if (!g) return;
  const axis = axisLeft(scale).ticks(ticks);
  if (format) axis.tickFormat((v) => format(Number(v)));
  select(g).attr('transform', `translate(${x},0)`).call(axis);
}

/** Log-axis tick labels: 1e-3, 0.01, 0.1, 1, 10, 100, 1e3. */
export function logTick(v: number): string {
  const e = Math.round(Math.log10(v));
  if (Math.abs(Math.log10(v) - e) > 1e-6) return '';
  return e >= -2 && e <= 2 ? String(Number(v.toPrecision(1))) : `1e${e}`;
}
