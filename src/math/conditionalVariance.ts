// Conditional target variance of docs/design.md#what-is-measured: Var[u_t | x_t ≈ x, t] on a G × G grid, estimated from
// the training pairs. Where the interpolant lines of different pairs meet at the same t, u_t
// takes several values at one x_t: no field can fit them all, and the regression can only
// average (this is what a non-memorizing field must do). Lines that cross in space at different
// times leave it small at every t.
import { pcg4d, boxMuller, Stream } from './rng';
import { interpolate, interpolantTime, type InterpolantKind } from './interpolants';
import type { PairSet } from './couplings';

/** RNG stream of the ε draws of this estimate. */
export const COND_VAR_STREAM = Stream.condVar;

/** The plane region and resolution of the grid: cell (i, j) covers x ∈ [x0 + i·w, x0 + (i+1)·w), row j likewise in y. */
export interface GridSpec {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** cells per side G */
  size: number;
}

export interface ConditionalVarianceOptions {
  t: number;
  kind: InterpolantKind;
  sigma: number;
  grid: GridSpec;
  seed: number;
  /** ε draws per pair when the interpolant is noisy (σ > 0); 1 draw otherwise */
  draws?: number;
  /** Gaussian kernel bandwidth h in plane units; 0 or absent = plain histogram */
  bandwidth?: number;
  /** cells with less (kernel) weight than this report NaN variance */
  minWeight?: number;
}

export interface ConditionalVarianceGrid {
  grid: GridSpec;
  t: number;
  /** per cell: tr Cov[u_t | cell] = Var(u_x) + Var(u_y); NaN where the weight is below minWeight. Row-major, row j = y bin */
  variance: Float64Array;
  /** per cell: total (kernel) weight of the samples, i.e. the count for a histogram */
  weight: Float64Array;
  /** per cell: mean u_t, interleaved (x, y) */
  meanU: Float64Array;
  /** largest finite variance over the cells (0 if none) */
  maxVariance: number;
  /**
   * tr Cov(u_t) over every sample in the grid, ignoring x_t: the variance a field that knew
   * nothing of x_t would face. A cell near it holds the whole spread of u_t (a collision).
   */
  totalVariance: number;
  /** samples that fell outside the grid (histogram) */
  outside: number;
}

export const DEFAULT_DRAWS = 4;
/** Default minimum weight: two samples make the first variance. */
export const DEFAULT_MIN_WEIGHT = 2;
/** Kernel support in bandwidths: weights beyond 3h are < 1.2 % and are dropped. */
const KERNEL_REACH = 3;

/** Cell index of coordinate v along an axis [lo, hi) split in `size` bins, or −1 outside. */
export function cellOf(v: number, lo: number, hi: number, size: number): number {
  if (!(v >= lo && v < hi)) return -1;
  return Math.min(size - 1, Math.floor(((v - lo) / (hi - lo)) * size));
}

/** Centre of cell i along an axis [lo, hi) split in `size` bins. */
export function cellCentre(i: number, lo: number, hi: number, size: number): number {
  return lo + ((i + 0.5) * (hi - lo)) / size;
}

/** Estimates Var[u_t | x_t ∈ cell, t] from the pairs (and ε draws keyed (seed, COND_VAR_STREAM, draw, pair)). */
export function conditionalVariance(pairs: PairSet, opts: ConditionalVarianceOptions): ConditionalVarianceGrid {
  const g = opts.grid;
  const size = Math.max(1, Math.floor(Number.isFinite(g.size) ? g.size : 1));
  const cells = size * size;
  const w = new Float64Array(cells), su = new Float64Array(2 * cells), suu = new Float64Array(cells);
  const t = interpolantTime(opts.kind, Math.min(1, Math.max(0, Number.isFinite(opts.t) ? opts.t : 0)));
  const sigma = Number.isFinite(opts.sigma) ? Math.max(0, opts.sigma) : 0;
  const noisy = opts.kind !== 'deterministic' && sigma > 0;
  const draws = noisy ? Math.max(1, Math.floor(opts.draws ?? DEFAULT_DRAWS)) : 1;
  const h = opts.bandwidth && opts.bandwidth > 0 ? opts.bandwidth : 0;
  const cw = (g.xMax - g.xMin) / size, ch = (g.yMax - g.yMin) / size;
  let outside = 0;
  const add = (cell: number, weight: number, ux: number, uy: number) => {
    w[cell] += weight;
    su[2 * cell] += weight * ux;
    su[2 * cell + 1] += weight * uy;
    suu[cell] += weight * (ux * ux + uy * uy);
  };
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < pairs.n; i++) {
      let ex = 0, ey = 0;
      if (noisy) {
        const [w0, w1] = pcg4d(opts.seed, COND_VAR_STREAM, d, i);
        [ex, ey] = boxMuller(w0, w1);
      }
      const s = interpolate(opts.kind, noisy ? sigma : 0, t,
        pairs.x0[2 * i], pairs.x0[2 * i + 1], pairs.x1[2 * i], pairs.x1[2 * i + 1], ex, ey);
      if (!Number.isFinite(s.xt + s.yt + s.ux + s.uy)) { outside++; continue; }
      if (h === 0) {
        const ci = cellOf(s.xt, g.xMin, g.xMax, size), cj = cellOf(s.yt, g.yMin, g.yMax, size);
        if (ci < 0 || cj < 0) { outside++; continue; }
        add(cj * size + ci, 1, s.ux, s.uy);
        continue;
      }
      // kernel weights exp(−‖x_t − centre‖² / 2h²) on the cells within KERNEL_REACH·h
      const ri = Math.ceil((KERNEL_REACH * h) / cw), rj = Math.ceil((KERNEL_REACH * h) / ch);
      const fi = Math.floor((s.xt - g.xMin) / cw), fj = Math.floor((s.yt - g.yMin) / ch);
      for (let cj = Math.max(0, fj - rj); cj <= Math.min(size - 1, fj + rj); cj++) {
        const dy = cellCentre(cj, g.yMin, g.yMax, size) - s.yt;
        for (let ci = Math.max(0, fi - ri); ci <= Math.min(size - 1, fi + ri); ci++) {
          const dx = cellCentre(ci, g.xMin, g.xMax, size) - s.xt;
          const k = Math.exp(-(dx * dx + dy * dy) / (2 * h * h));
          if (k > 1e-4) add(cj * size + ci, k, s.ux, s.uy);
        }
      }
    }
  }
  // weights are per draw: a cell's weight counts pairs, so minWeight reads the same for any draw count
  const minWeight = opts.minWeight ?? DEFAULT_MIN_WEIGHT;
  const variance = new Float64Array(cells), meanU = new Float64Array(2 * cells);
  let maxVariance = 0, wAll = 0, sxAll = 0, syAll = 0, suuAll = 0;
  for (let c = 0; c < cells; c++) {
    wAll += w[c]; sxAll += su[2 * c]; syAll += su[2 * c + 1]; suuAll += suu[c];
  }
  const totalVariance = wAll > 0 ? Math.max(0, suuAll / wAll - (sxAll / wAll) ** 2 - (syAll / wAll) ** 2) : 0;
  for (let c = 0; c < cells; c++) {
    const wc = w[c];
    if (!(wc > 0)) { variance[c] = NaN; meanU[2 * c] = NaN; meanU[2 * c + 1] = NaN; continue; }
    const mx = su[2 * c] / wc, my = su[2 * c + 1] / wc;
    meanU[2 * c] = mx; meanU[2 * c + 1] = my;
    w[c] = wc / draws;
    if (w[c] < minWeight) { variance[c] = NaN; continue; }
    const v = Math.max(0, suu[c] / wc - mx * mx - my * my);
    variance[c] = v;
    if (v > maxVariance) maxVariance = v;
  }
  return { grid: { ...g, size }, t, variance, weight: w, meanU, maxVariance, totalVariance, outside };
}


/** Weighted mean of the cell variances (weight = samples in the cell): the average the regression cannot remove. */
export function meanConditionalVariance(result: ConditionalVarianceGrid): number {
  let s = 0, wsum = 0;
  for (let c = 0; c < result.variance.length; c++) {
    const v = result.variance[c];
    if (Number.isFinite(v)) { s += v * result.weight[c]; wsum += result.weight[c]; }
  }
  return wsum > 0 ? s / wsum : NaN;
}
