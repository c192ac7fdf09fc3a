// The toy sources and targets of docs/math.md#worlds-and-couplings, and a set of the user's own points. Each draw is a pure
// function of one RNG key, so a training set, a fresh cloud or a reference sample can be rebuilt
// anywhere from the seed.
import { pcg4d, boxMuller, toUniform, toIndex } from './rng';
import { covariance, type Mat2, type Vec2 } from './linalg2';

/**
 * The toy sources and targets of docs/math.md#worlds-and-couplings and `points`, the user's own points (the config table's
 * `source` / `target` values).
 */
export const DISTRIBUTIONS = ['gaussian', 'mixture', 'moons', 'rings', 'checker', 'points'] as const;
export type DistributionKind = (typeof DISTRIBUTIONS)[number];

/** A distribution: a shape placed at `mean` and scaled by `std` (for a Gaussian, N(mean, Σ)). */
export interface DistributionSpec {
  kind: DistributionKind;
  mean: Vec2;
  /** standard deviations along x and y (the scale of non-Gaussian shapes) */
  std: Vec2;
  /** correlation of the Gaussian (ignored by the other shapes) */
  rho: number;
  /** `points`: the user's points, flat [x, y, x, y, …] (empty: the standard Gaussian stands in) */
  points?: readonly number[];
  /** `points`: std of the Gaussian jitter added to the picked point, before placement */
  jitter?: number;
}

/** Whether `spec` draws from a non-empty set of user points. */
export function hasPoints(spec: DistributionSpec): boolean {
  return spec.kind === 'points' && (spec.points?.length ?? 0) >= 2;
}

export function gaussianCovariance(spec: DistributionSpec): Mat2 {
  return covariance(spec.std[0], spec.std[1], spec.rho);
}

/** One point of `spec` for key (seed, stream, step, index). */
export function samplePoint(spec: DistributionSpec, seed: number, stream: number, step: number, index: number): Vec2 {
  const [w0, w1, w2, w3] = pcg4d(seed, stream, step, index);
  const [n0, n1] = boxMuller(w0, w1);
  const [sx, sy] = spec.std;
  const [mx, my] = spec.mean;
  const kind = spec.kind === 'points' && !hasPoints(spec) ? 'gaussian' : spec.kind;
  switch (kind) {
    case 'points': {
      // one of the points, picked uniformly, plus jitter: a smooth density around the data
      const pts = spec.points!, i = toIndex(w2, pts.length >> 1), j = spec.jitter ?? 0;
      return [mx + sx * (pts[2 * i] + j * n0), my + sy * (pts[2 * i + 1] + j * n1)];
    }
    case 'gaussian': {
      // Cholesky factor of [[sx², ρ sx sy], [ρ sx sy, sy²]]
      const rho = Math.max(-0.99, Math.min(0.99, spec.rho));
      return [mx + sx * n0, my + sy * (rho * n0 + Math.sqrt(1 - rho * rho) * n1)];
    }
    case 'mixture': {
      // eight Gaussians on a circle of radius 2, each with std 0.2
      const angle = (2 * Math.PI * toIndex(w2, 8)) / 8;
      return [mx + sx * (2 * Math.cos(angle) + 0.2 * n0), my + sy * (2 * Math.sin(angle) + 0.2 * n1)];
    }
    case 'moons': {
      const angle = Math.PI * toUniform(w2);
      const upper = (w3 & 1) === 0;
      const px = upper ? Math.cos(angle) : 1 - Math.cos(angle);
      const py = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
      return [mx + sx * 1.5 * (px - 0.5 + 0.08 * n0), my + sy * 1.5 * (py - 0.25 + 0.08 * n1)];
    }
    case 'rings': {
      const angle = 2 * Math.PI * toUniform(w2);
      const radius = (w3 & 1) === 0 ? 1 : 2;
      return [mx + sx * (radius * Math.cos(angle) + 0.08 * n0), my + sy * (radius * Math.sin(angle) + 0.08 * n1)];
    }
    case 'checker': {
      // 4 × 4 board on [−2, 2]²; the point falls on a dark square
      const u = 4 * toUniform(w2);
      const col = Math.floor(u);
      const row = 2 * toIndex(w3, 2) + (col % 2);
      const v = row + toUniform(w1 ^ w3);
      return [mx + sx * (u - 2), my + sy * (v - 2)];
    }
  }
}

/** n points as an interleaved Float64Array [x0, y0, x1, y1, …]. */
export function sampleCloud(spec: DistributionSpec, n: number, seed: number, stream: number, step = 0): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [x, y] = samplePoint(spec, seed, stream, step, i);
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}
