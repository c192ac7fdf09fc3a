// Where a chapter's "what to look for" mark sits on the data (docs/design.md#the-story), in data units, and
// its pixel geometry in the plot: the panel only draws it. Pure, so the placement is unit-tested.
import type { MarkTarget } from '../story/chapters';

/** The columns of the curve buffer a curve mark reads (src/state/curves.ts). */
export interface CurveColumns {
  length: number;
  columns: { step: ArrayLike<number>; gradVar: ArrayLike<number>; gradVarEma: ArrayLike<number>; loss: ArrayLike<number>; lossEma: ArrayLike<number> };
}

/** The level a curve holds now: a band from `low` to `high` over [`from`, `to`] steps around `value`. */
export interface LevelAnchor {
  kind: 'level';
  curve: 'gradVar' | 'loss';
  /** the step the band starts: the last σ change, else the start of the recent window */
  from: number;
  to: number;
  value: number;
  low: number;
  high: number;
  /** the step σ last changed, if it did (the band then shows the level since that marker) */
  sigmaChange: number | null;
}

/** A box in data units of a plane panel. */
export interface BoxAnchor {
  kind: 'box';
  x: readonly [number, number];
  y: readonly [number, number];
}

export type MarkAnchor = LevelAnchor | BoxAnchor;

/** One σ of the sweep: its final pair reproduction (the mean over seeds), its std over the seeds (0 or absent for one), and chance, 1/N. */
export interface SweepRate { sigma: number; reproduction: number; chance: number; std?: number }

/**
 * The σ sweep's phase transition: the box (σ in x, reproduction 0…1 in y) over which reproduction
 * falls below halfway from its peak to chance, its ±1 std band included: from the last σ before the
 * band's lower edge first dips below halfway to the first σ where its upper edge is below it too.
 * With one seed (no band) that is the two adjacent σ around the drop. Null without such a drop.
 */
export function sweepTransition(points: readonly SweepRate[]): BoxAnchor | null {
  const sorted = points.filter((p) => Number.isFinite(p.reproduction)).sort((a, b) => a.sigma - b.sigma);
  if (sorted.length < 2) return null;
  const peak = Math.max(...sorted.map((p) => p.reproduction));
  const mid = (peak + sorted[0].chance) / 2;
  const sd = (p: SweepRate) => (Number.isFinite(p.std) ? p.std! : 0);
  const meanDrop = sorted.findIndex((p, i) => i > 0 && sorted[i - 1].reproduction >= mid && p.reproduction < mid);
  if (meanDrop < 0) return null;
  let start = meanDrop - 1;
  while (start > 0 && sorted[start].reproduction - sd(sorted[start]) < mid) start--;
  let end = meanDrop;
  while (end < sorted.length - 1 && sorted[end].reproduction + sd(sorted[end]) >= mid) end++;
  return { kind: 'box', x: [sorted[start].sigma, sorted[end].sigma], y: [0, 1] };
}

/**
 * A ReFlow measure over the rounds (x = round, y = its values): the box from round 0 to the last
 * round and from the lowest to the highest value, so "each round keeps the pairing" reads as a
 * flat band. Null before round 0 has finished.
 */
export function roundsBand(values: readonly number[]): BoxAnchor | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return { kind: 'box', x: [0, values.length - 1], y: [Math.min(...finite), Math.max(...finite)] };
}

/** What a mark can be anchored on: the run's curves and σ markers, the sweep's results, the ReFlow rounds. */
export interface MarkData {
  curves: CurveColumns;
  markers: readonly { step: number; key: string }[];
  sweep?: readonly SweepRate[];
  /** the ReFlow history's value per round of the target's metric */
  rounds?: readonly number[];
}

/** Points of the recent window a level mark spans when σ has not changed. */
export const LEVEL_WINDOW = 16;

/**
 * The anchor of `target` on the data: a curve's current level (band of the raw values over the
 * last LEVEL_WINDOW points, or since the last σ change when that is nearer), or a plane region's
 * box, the sweep's transition or the rounds' band. Null while there is nothing to mark (no finite
 * point yet) or the target is not drawn on data.
 */
export function markAnchor(target: MarkTarget, { curves, markers, sweep = [], rounds = [] }: MarkData): MarkAnchor | null {
  if (target.kind === 'region') return { kind: 'box', x: target.x, y: target.y };
  if (target.kind === 'transition') return sweepTransition(sweep);
  if (target.kind === 'rounds') return roundsBand(rounds);
  if (target.kind !== 'curve') return null;
  const { length, columns: c } = curves;
  const raw = c[target.curve], ema = target.curve === 'gradVar' ? c.gradVarEma : c.lossEma;
  let last = length - 1;
  while (last >= 0 && !(ema[last] > 0)) last--;
  if (last < 0) return null;
  const sigmaMarks = markers.filter((m) => m.key === 'sigma' && m.step <= c.step[last]);
  const sigmaChange = sigmaMarks.length > 0 ? sigmaMarks[sigmaMarks.length - 1].step : null;
  let first = Math.max(0, last - LEVEL_WINDOW + 1);
  // After a σ change (marked at the last step of the old σ) the band covers only the new level.
  if (sigmaChange !== null) while (first < last && c.step[first] <= sigmaChange) first++;
  let low = Infinity, high = -Infinity, logSum = 0, n = 0;
  for (let i = first; i <= last; i++) {
    const v = raw[i];
    if (v > 0 && Number.isFinite(v)) { low = Math.min(low, v); high = Math.max(high, v); logSum += Math.log(v); n++; }
  }
  // The level is the geometric mean of the window (the axis is logarithmic); the EMA would lag
  // ~20 steps behind a σ change. With no finite raw point the smoothed value stands in.
  if (n === 0) return { kind: 'level', curve: target.curve, from: c.step[first], to: c.step[last], value: ema[last], low: ema[last], high: ema[last], sigmaChange };
  return { kind: 'level', curve: target.curve, from: c.step[first], to: c.step[last], value: Math.exp(logSum / n), low, high, sigmaChange };
}

/** The plot's inner box in pixels. */
export interface PlotBox { left: number; right: number; top: number; bottom: number }

/** Label font size (px) and its gap to the mark. */
const FONT = 12, GAP = 5;

/**
 * Pixel geometry of a mark: the highlight rectangle, the level line (curves) and the label's
 * baseline, kept inside `plot` (above the highlight when it fits, else below it).
 */
export function markPixels(anchor: MarkAnchor, x: (v: number) => number, y: (v: number) => number, plot: PlotBox, labelChars = 0) {
  // a centred label is kept inside the plot at about 0.6 em per character (bold 12 px)
  const half = Math.min((plot.right - plot.left) / 2, 0.6 * FONT * labelChars / 2);
  const clampX = (v: number) => Math.min(plot.right, Math.max(plot.left, v));
  const clampY = (v: number) => Math.min(plot.bottom, Math.max(plot.top, v));
  const [x0, x1] = anchor.kind === 'level' ? [x(anchor.from), x(anchor.to)] : [x(anchor.x[0]), x(anchor.x[1])];
  const [ya, yb] = anchor.kind === 'level' ? [y(anchor.high), y(anchor.low)] : [y(anchor.y[1]), y(anchor.y[0])];
  const left = clampX(Math.min(x0, x1)), right = clampX(Math.max(x0, x1));
  let top = clampY(Math.min(ya, yb)), bottom = clampY(Math.max(ya, yb));
  if (bottom - top < 4) { const mid = (top + bottom) / 2; top = mid - 2; bottom = mid + 2; }
  const line = anchor.kind === 'level' ? clampY(y(anchor.value)) : null;
  const above = top - GAP, below = bottom + GAP + FONT;
  const labelY = above - FONT >= plot.top ? above : below <= plot.bottom ? below : plot.top + FONT;
  const box = { x: left, y: top, width: Math.max(4, right - left), height: bottom - top };
  // A level label starts at the plot's left edge (the band is at the right, where the run is now).
  const label = anchor.kind === 'level'
    ? { x: plot.left + 6, y: line !== null && line - GAP - FONT >= plot.top ? line - GAP : Math.min(plot.bottom, (line ?? 0) + GAP + FONT), anchor: 'start' as const }
    : { x: Math.min(plot.right - half, Math.max(plot.left + half, (left + right) / 2)), y: labelY, anchor: 'middle' as const };
  return { box, line, label };
}
