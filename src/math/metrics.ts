// What is measured (docs/design.md#what-is-measured): gradient-variance trace, memorization, distances, straightness.
import { pcg4d, boxMuller, Stream } from './rng';
import type { Mat2, Vec2 } from './linalg2';

/**
 * Trace of the covariance of per-sample gradients (docs/design.md#what-is-measured):
 * V = B/(B−1) · ((1/B) Σ‖g_i‖² − ‖ḡ‖²), from Σ‖g_i‖² and ‖ḡ‖².
 */
export function gradVarTrace(sumSampleNormSq: number, meanGradNormSq: number, batch: number): number {
  if (batch < 2) return 0;
  return (batch / (batch - 1)) * (sumSampleNormSq / batch - meanGradNormSq);
}

export const T_BINS = 10;

/** Bin of t in [0, 1] among T_BINS equal bins. Mirrored in shaders (tBin()). */
export function tBin(t: number): number {
  return Math.min(T_BINS - 1, Math.max(0, Math.floor(t * T_BINS)));
}

/**
 * Per-t-bin mean of ‖g_i − ḡ‖² = ‖g_i‖² − 2 g_i·ḡ + ‖ḡ‖²: how far the samples of each t bin pull
 * from the batch gradient. Σ_b n_b·value_b / (B − 1) equals the trace V. Empty bins give NaN.
 */
export function gradVarByT(t: ArrayLike<number>, sampleNormSq: ArrayLike<number>, sampleDotMean: ArrayLike<number>, meanGradNormSq: number): Float64Array {
  const sum = new Float64Array(T_BINS), count = new Float64Array(T_BINS);
  for (let i = 0; i < t.length; i++) {
    const b = tBin(t[i]);
    sum[b] += sampleNormSq[i] - 2 * sampleDotMean[i] + meanGradNormSq;
    count[b] += 1;
  }
  return sum.map((s, b) => (count[b] > 0 ? s / count[b] : NaN));
}

export interface Reproduction {
  /** share of pairs whose endpoint's nearest training x1 is its own partner */
  rate: number;
  /** chance level 1/N */
  chance: number;
  /** mean ‖endpoint − own partner‖ */
  partnerDistance: number;
}

/** Pair reproduction of docs/design.md#what-is-measured for the first `queries` pairs (endpoints[i] ↔ x1[i]). */
export function pairReproduction(endpoints: ArrayLike<number>, x1: ArrayLike<number>, n: number, queries = n): Reproduction {
  let hits = 0, dist = 0;
  const q = Math.min(queries, n);
  for (let i = 0; i < q; i++) {
    const ex = endpoints[2 * i], ey = endpoints[2 * i + 1];
    let best = Infinity, bestJ = -1;
    for (let j = 0; j < n; j++) {
      const d = (x1[2 * j] - ex) ** 2 + (x1[2 * j + 1] - ey) ** 2;
      if (d < best) { best = d; bestJ = j; }
    }
    if (bestJ === i) hits++;
    dist += Math.hypot(x1[2 * i] - ex, x1[2 * i + 1] - ey);
  }
  return { rate: q > 0 ? hits / q : 0, chance: 1 / n, partnerDistance: q > 0 ? dist / q : 0 };
}

/**
 * Sliced Wasserstein-2 distance between two equal-size clouds: √(mean over `projections`
 * random directions of the 1-D W2² between the sorted projections). Directions from `seed`.
 */
export function slicedWasserstein(a: ArrayLike<number>, b: ArrayLike<number>, n: number, projections: number, seed: number): number {
  const pa = new Float64Array(n), pb = new Float64Array(n);
  let total = 0, used = 0;
  for (let k = 0; k < projections; k++) {
    const [w0, w1] = pcg4d(seed, Stream.slice, 0, k);
    const [g0, g1] = boxMuller(w0, w1);
    const norm = Math.hypot(g0, g1);
    if (!(norm > 0)) continue;
    const dx = g0 / norm, dy = g1 / norm;
    for (let i = 0; i < n; i++) {
      pa[i] = a[2 * i] * dx + a[2 * i + 1] * dy;
      pb[i] = b[2 * i] * dx + b[2 * i + 1] * dy;
    }
    pa.sort(); pb.sort();
    let s = 0;
    for (let i = 0; i < n; i++) s += (pa[i] - pb[i]) ** 2;
    total += s / n;
    used++;
  }
  return used > 0 ? Math.sqrt(total / used) : NaN;
}

/** Mean and covariance (1/n) of a cloud. */
export function fitGaussian(xy: ArrayLike<number>, n: number): { mean: Vec2; cov: Mat2 } {
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += xy[2 * i]; my += xy[2 * i + 1]; }
  mx /= n; my /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xy[2 * i] - mx, dy = xy[2 * i + 1] - my;
    sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
  }
  return { mean: [mx, my], cov: [sxx / n, sxy / n, sxy / n, syy / n] };
}

/** Mean ‖x̂1 − x0‖² over n paths: the transport cost of the learned flow. */
export function transportCost(start: ArrayLike<number>, end: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (end[2 * i] - start[2 * i]) ** 2 + (end[2 * i + 1] - start[2 * i + 1]) ** 2;
  return n > 0 ? s / n : 0;
}

/**
 * Straightness of docs/design.md#what-is-measured: mean over paths and steps of ‖(x̂1 − x0) − v(x_t, t)‖², with v taken
 * as the displacement of each integration step divided by its length. 0 for straight paths.
 */
export function straightness(path: ArrayLike<number>, steps: number, n: number): number {
  if (steps < 1 || n < 1) return 0;
  const last = steps * n * 2;
  let s = 0;
  for (let k = 0; k < steps; k++) {
    for (let i = 0; i < n; i++) {
      const a = k * n * 2 + 2 * i, b = a + n * 2;
      const chordX = path[last + 2 * i] - path[2 * i], chordY = path[last + 2 * i + 1] - path[2 * i + 1];
      const vx = (path[b] - path[a]) * steps, vy = (path[b + 1] - path[a + 1]) * steps;
      s += (chordX - vx) ** 2 + (chordY - vy) ** 2;
    }
  }
  return s / (steps * n);
}
