// 2×2 matrices as [a, b, c, d] = [[a, b], [c, d]]: the Gaussian algebra of docs/math.md#closed-forms-and-the-crossing-map in closed form.

export type Mat2 = [number, number, number, number];
export type Vec2 = [number, number];


export function mul(p: Mat2, q: Mat2): Mat2 {
  return [p[0] * q[0] + p[1] * q[2], p[0] * q[1] + p[1] * q[3], p[2] * q[0] + p[3] * q[2], p[2] * q[1] + p[3] * q[3]];
}

export function apply(m: Mat2, v: Vec2): Vec2 {
  return [m[0] * v[0] + m[1] * v[1], m[2] * v[0] + m[3] * v[1]];
}

export function det(m: Mat2): number {
  return m[0] * m[3] - m[1] * m[2];
}

export function trace(m: Mat2): number {
  return m[0] + m[3];
}

export function inverse(m: Mat2): Mat2 {
  const d = det(m);
  return [m[3] / d, -m[1] / d, -m[2] / d, m[0] / d];
}

/** Principal square root of a symmetric positive semi-definite 2×2: (M + √det I)/√(tr + 2√det). */
export function sqrtSpd(m: Mat2): Mat2 {
  const s = Math.sqrt(Math.max(0, det(m)));
  const t = Math.sqrt(Math.max(1e-300, trace(m) + 2 * s));
  return [(m[0] + s) / t, m[1] / t, m[2] / t, (m[3] + s) / t];
}

export function rotation(phi: number): Mat2 {
  const c = Math.cos(phi), s = Math.sin(phi);
  return [c, -s, s, c];
}

/** Covariance from standard deviations and correlation. */
export function covariance(sx: number, sy: number, rho: number): Mat2 {
  return [sx * sx, rho * sx * sy, rho * sx * sy, sy * sy];
}
