// The σ axis of the sweep: log scale for σ > 0, with σ = 0 (no noise, the memorizing end) drawn at
// a visible offset to the left of the smallest positive σ, past a break in the axis.
import { scaleLog, type ScaleLogarithmic } from 'd3';
import { formatNumber } from '../../format/format';

export interface SigmaAxis {
  /** pixel x of a σ value (σ = 0 → zeroX) */
  x(sigma: number): number;
  /** log scale of the positive part */
  log: ScaleLogarithmic<number, number>;
  /** pixel x of σ = 0, and where the break sits between it and the log part */
  zeroX: number;
  breakX: number;
  /** whether σ = 0 is among the values */
  hasZero: boolean;
}

/** Gap between σ = 0 and the log part, in pixels. */
export const ZERO_GAP = 36;

/** Axis over `sigmas` in the pixel range [left, right]. */
export function sigmaAxis(sigmas: readonly number[], left: number, right: number): SigmaAxis {
  const positive = sigmas.filter((s) => Number.isFinite(s) && s > 0);
  const hasZero = sigmas.some((s) => s === 0);
  let lo = positive.length ? Math.min(...positive) : 1e-3, hi = positive.length ? Math.max(...positive) : 1;
  if (hi <= lo) { lo /= 3; hi *= 3; }
  // half a decade of padding on each side keeps the end points off the frame
  const pad = Math.sqrt(10);
  const start = hasZero ? left + ZERO_GAP : left;
  const log = scaleLog().domain([lo / pad, hi * pad]).range([start, Math.max(start + 10, right)]).clamp(true);
  const zeroX = left + 8;
  return {
    x: (s: number) => (s > 0 ? log(s) : zeroX),
    log,
    zeroX,
    breakX: (zeroX + start) / 2,
    hasZero,
  };
}

/** σ as a tick label in the reader's locale: "0", "1e-3", "0.03" ("0,03" in German), "1". */
export function sigmaLabel(s: number): string {
  if (s === 0) return formatNumber(0);
  const e = Math.log10(s);
  const decade = Math.abs(e - Math.round(e)) < 1e-9 && (e < -2 || e > 2);
  return decade || s < 0.01 ? formatNumber(s, { notation: 'scientific', maximumFractionDigits: 0 }) : formatNumber(s, { maximumSignificantDigits: 2 });
}
