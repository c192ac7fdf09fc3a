// Learned field against the closed forms of docs/math.md#closed-forms-and-the-crossing-map: the analytic fields of the OT and rotated-OT
// pairings as ODE fields, their straight trajectories, and the mean squared distance between two
// fields over a grid of (x, t) samples.
import { linearPairingField, otMatrix, rotatedMatrix } from './theory';
import { gaussianCovariance, type DistributionSpec } from './distributions';
import { velocity, type MlpShape, type Params } from './mlp';
import { apply, type Mat2, type Vec2 } from './linalg2';
import type { Field } from './ode';

/** A linear (Gaussian-world) pairing x1 = μ1 + M (x0 − μ0). */
export interface LinearPairing {
  m: Mat2;
  mu0: Vec2;
  mu1: Vec2;
}

/** The OT and rotated-OT pairings between two Gaussians, or null unless both are Gaussian. */
export function closedFormPairings(source: DistributionSpec, target: DistributionSpec, phi: number): { ot: LinearPairing; rotated: LinearPairing } | null {
  if (source.kind !== 'gaussian' || target.kind !== 'gaussian') return null;
  const c0 = gaussianCovariance(source), c1 = gaussianCovariance(target);
  const mu0: Vec2 = [source.mean[0], source.mean[1]], mu1: Vec2 = [target.mean[0], target.mean[1]];
  return { ot: { m: otMatrix(c0, c1), mu0, mu1 }, rotated: { m: rotatedMatrix(c0, c1, phi), mu0, mu1 } };
}

/** The closed-form field of a linear pairing as an ODE field (NaN where the lines collide). */
export function linearField(p: LinearPairing): Field {
  return (xy, t, n) => {
    const out = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const v = linearPairingField(p.m, p.mu0, p.mu1, [xy[2 * i], xy[2 * i + 1]], t);
      out[2 * i] = v[0]; out[2 * i + 1] = v[1];
    }
    return out;
  };
}

/** The learned MLP field v_θ as an ODE field. */
export function mlpField(shape: MlpShape, theta: Params): Field {
  return (xy, t, n) => velocity(shape, theta, xy, t, n);
}

/** Where a pairing takes x0 at time t: the straight line (1 − t) x0 + t (μ1 + M (x0 − μ0)). */
export function linearTrajectoryPoint(p: LinearPairing, x0: Vec2, t: number): Vec2 {
  const e = apply(p.m, [x0[0] - p.mu0[0], x0[1] - p.mu0[1]]);
  return [(1 - t) * x0[0] + t * (p.mu1[0] + e[0]), (1 - t) * x0[1] + t * (p.mu1[1] + e[1])];
}

/** Points and times on which two fields are compared. */
export interface FieldSamples {
  /** n points, interleaved xy */
  xy: Float64Array;
  n: number;
  /** the times; every point is evaluated at every time */
  times: number[];
}

/**
 * A G × G grid over [lo, hi]² (cell centres) at `times`. The default times stay away from t = 0
 * and 1 and include ½, where the φ = π pairing collides (those NaN samples are skipped).
 */
export function gridSamples(lo: number, hi: number, size: number, times: number[] = [0.1, 0.3, 0.5, 0.7, 0.9]): FieldSamples {
  const g = Math.max(1, Math.floor(size));
  const xy = new Float64Array(2 * g * g);
  for (let j = 0; j < g; j++) {
    for (let i = 0; i < g; i++) {
      xy[2 * (j * g + i)] = lo + ((i + 0.5) * (hi - lo)) / g;
      xy[2 * (j * g + i) + 1] = lo + ((j + 0.5) * (hi - lo)) / g;
    }
  }
  return { xy, n: g * g, times };
}

export interface FieldDistance {
  /** mean over usable samples of ‖a(x, t) − b(x, t)‖² */
  meanSq: number;
  /** samples compared, and those skipped because a value was not finite */
  used: number;
  skipped: number;
}

/** Mean squared distance between fields a and b over the samples. NaN when no sample is usable. */
export function fieldDistance(a: Field, b: Field, s: FieldSamples): FieldDistance {
  let sum = 0, used = 0, skipped = 0;
  for (const t of s.times) {
    const va = a(s.xy, t, s.n), vb = b(s.xy, t, s.n);
    for (let i = 0; i < s.n; i++) {
      const d = (va[2 * i] - vb[2 * i]) ** 2 + (va[2 * i + 1] - vb[2 * i + 1]) ** 2;
      if (Number.isFinite(d)) { sum += d; used++; } else skipped++;
    }
  }
  return { meanSq: used > 0 ? sum / used : NaN, used, skipped };
}
