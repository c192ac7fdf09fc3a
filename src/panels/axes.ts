// D3 axes drawn into SVG groups (they read the scale, never own it; colour is currentColor). Every
// panel draws its axes through drawAxis(), so tick counts, formats and placement read alike, and
// every label is in the reader's locale (src/format/format.ts, docs/i18n.md#numbers).
import { axisBottom, axisLeft, axisRight, select, type ScaleContinuousNumeric } from 'd3';
import { formatDecade, formatTick } from '../format/format';

type Scale = ScaleContinuousNumeric<number, number>;

/** Which ticks an axis shows: a count, or explicit values, and a label format (default: the spacing's decimals). */
export interface AxisTicks {
  count?: number;
  values?: readonly number[];
  format?: (v: number) => string;
}

const SIDES = {
  bottom: { make: axisBottom, at: (o: number) => `translate(0,${o})` },
  left: { make: axisLeft, at: (o: number) => `translate(${o},0)` },
  right: { make: axisRight, at: (o: number) => `translate(${o},0)` },
} as const;

/** Draws an axis of `scale` on `side` into `g`, `offset` pixels from the origin (y for bottom, x for left/right). */
export function drawAxis(side: keyof typeof SIDES, g: SVGGElement | null, scale: Scale, offset: number, ticks: AxisTicks = {}): void {
  if (!g) return;
  const { make, at } = SIDES[side];
  const count = ticks.count ?? 5;
  const axis = make(scale).ticks(count);
  if (ticks.values) axis.tickValues([...ticks.values]);
  const shown = ticks.values ?? scale.ticks(count);
  const step = shown.length > 1 ? Math.abs(shown[1] - shown[0]) : 1;
  const format = ticks.format ?? ((v: number) => formatTick(v, step));
  axis.tickFormat((v) => format(Number(v)));
  select(g).attr('transform', at(offset)).call(axis);
}

export function drawAxisBottom(g: SVGGElement | null, scale: Scale, y: number, ticks = 5, format?: (v: number) => string): void {
  drawAxis('bottom', g, scale, y, { count: ticks, format });
}

export function drawAxisLeft(g: SVGGElement | null, scale: Scale, x: number, ticks = 5, format?: (v: number) => string): void {
  drawAxis('left', g, scale, x, { count: ticks, format });
}

/** Log-axis tick labels: 1e-3, 0.01, 0.1, 1, 10, 100, 1e3 (other ticks unlabelled). */
export const logTick = formatDecade;
