// Closed forms of docs/math.md#closed-forms-and-the-crossing-map for Gaussian worlds: the coupling matrices, the field of a linear
// pairing, W2 between Gaussians and the transport cost of a linear map.
import { apply, det, inverse, mul, rotation, sqrtSpd, trace, type Mat2, type Vec2 } from './linalg2';

/** Gaussian OT matrix A with A Σ0 Aᵀ = Σ1: Σ0^{-1/2} (Σ0^{1/2} Σ1 Σ0^{1/2})^{1/2} Σ0^{-1/2}. */
export function otMatrix(cov0: Mat2, cov1: Mat2): Mat2 {
  const r0 = sqrtSpd(cov0);
  const r0inv = inverse(r0);
  return mul(mul(r0inv, sqrtSpd(mul(mul(r0, cov1), r0))), r0inv);
}

/**
 * Matrix M of the rotated pairing x1 = μ1 + M (x0 − μ0): M = Σ1^{1/2} R_φ Σ0^{-1/2}. It pushes
 * N(μ0, Σ0) onto N(μ1, Σ1) for any φ; with Σ0 = I it is A·R_φ of docs/math.md#worlds-and-couplings.
 */
export function rotatedMatrix(cov0: Mat2, cov1: Mat2, phi: number): Mat2 {
  return mul(mul(sqrtSpd(cov1), rotation(phi)), inverse(sqrtSpd(cov0)));
}

/** Field of the pairing x1 = μ1 + M (x0 − μ0): v(x, t) = (M − I) M_t⁻¹ (x − tμ1 − (1−t)μ0) + (μ1 − μ0). */
export function linearPairingField(m: Mat2, mu0: Vec2, mu1: Vec2, x: Vec2, t: number): Vec2 {
  const mt: Mat2 = [(1 - t) + t * m[0], t * m[1], t * m[2], (1 - t) + t * m[3]];
  if (Math.abs(det(mt)) < 1e-12) return [NaN, NaN]; // lines collide: no field exists here
  const r: Vec2 = [x[0] - t * mu1[0] - (1 - t) * mu0[0], x[1] - t * mu1[1] - (1 - t) * mu0[1]];
  const mMinusI: Mat2 = [m[0] - 1, m[1], m[2], m[3] - 1];
  const v = apply(mul(mMinusI, inverse(mt)), r);
  return [v[0] + mu1[0] - mu0[0], v[1] + mu1[1] - mu0[1]];
}

/** Squared W2 between N(m0, S0) and N(m1, S1): ‖m0 − m1‖² + tr(S0 + S1 − 2 (S1^{1/2} S0 S1^{1/2})^{1/2}). */
export function w2GaussianSq(m0: Vec2, s0: Mat2, m1: Vec2, s1: Mat2): number {
  const r1 = sqrtSpd(s1);
  const cross = sqrtSpd(mul(mul(r1, s0), r1));
  const meanPart = (m0[0] - m1[0]) ** 2 + (m0[1] - m1[1]) ** 2;
  return Math.max(0, meanPart + trace(s0) + trace(s1) - 2 * trace(cross));
}

