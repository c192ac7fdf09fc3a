import { describe, expect, it } from 'vitest';
import { linearPairingField, otMatrix, rotatedMatrix, w2GaussianSq } from '../../src/math/theory';
import { apply, covariance, mul, trace, type Mat2, type Vec2 } from '../../src/math/linalg2';
import { normal2 } from '../../src/math/rng';
import { expectClose } from './expectClose';

const IDENTITY: Mat2 = [1, 0, 0, 1];
const transpose = (m: Mat2): Mat2 => [m[0], m[2], m[1], m[3]];

/** E‖x1 − x0‖² of x1 = μ1 + M (x0 − μ0), x0 ~ N(μ0, Σ0): ‖μ1 − μ0‖² + tr((M − I) Σ0 (M − I)ᵀ). */
function linearTransportCost(m: Mat2, mu0: Vec2, cov0: Mat2, mu1: Vec2): number {
  const d: Mat2 = [m[0] - 1, m[1], m[2], m[3] - 1];
  const dt: Mat2 = [d[0], d[2], d[1], d[3]];
  return (mu1[0] - mu0[0]) ** 2 + (mu1[1] - mu0[1]) ** 2 + trace(mul(mul(d, cov0), dt));
}

/** M Σ Mᵀ */
const push = (m: Mat2, s: Mat2): Mat2 => mul(mul(m, s), transpose(m));

const S0 = covariance(1.3, 0.7, 0.4);
const S1 = covariance(0.6, 1.8, -0.5);
const MU0: Vec2 = [0.5, -1];
const MU1: Vec2 = [2, 1.5];

describe('theory (Gaussian closed forms)', () => {
  const couplings: [string, Mat2][] = [
    ['OT', otMatrix(S0, S1)],
    ['rotated φ = π/2', rotatedMatrix(S0, S1, Math.PI / 2)],
    ['rotated φ = 2', rotatedMatrix(IDENTITY, S1, 2)],
  ];

  for (const [name, m] of couplings) {
    it(`linearPairingField() equals the central difference (x_{t+h} − x_{t−h})/2h of each pair's line at x_t (${name}), within rel 1e-8`, () => {
      const h = 1e-4;
      for (let i = 0; i < 8; i++) {
        const [a, b] = normal2(11, 0, 0, i);
        const x0: Vec2 = [MU0[0] + a, MU0[1] + b];
        const d = apply(m, [x0[0] - MU0[0], x0[1] - MU0[1]]);
        const x1: Vec2 = [MU1[0] + d[0], MU1[1] + d[1]];
        const line = (t: number): Vec2 => [(1 - t) * x0[0] + t * x1[0], (1 - t) * x0[1] + t * x1[1]];
        for (const t of [0.1, 0.35, 0.6, 0.9]) {
          const fd: Vec2 = [(line(t + h)[0] - line(t - h)[0]) / (2 * h), (line(t + h)[1] - line(t - h)[1]) / (2 * h)];
          expectClose(linearPairingField(m, MU0, MU1, line(t), t), fd, { rel: 1e-8, abs: 1e-8 });
        }
      }
    });
  }

  it('linearPairingField() returns NaN where all lines collide (φ = π, A = I, t = ½)', () => {
    const m = rotatedMatrix(IDENTITY, IDENTITY, Math.PI);
    expect(linearPairingField(m, [0, 0], [0, 0], [0.3, 0.2], 0.5).every(Number.isNaN)).toBe(true);
  });

  it('otMatrix() pushes Σ0 onto Σ1 (A Σ0 Aᵀ = Σ1) and is symmetric, within abs 1e-12', () => {
    const a = otMatrix(S0, S1);
    expectClose(push(a, S0), S1, { abs: 1e-12 });
    expectClose(a[1], a[2], { abs: 1e-12 });
    expectClose(push(rotatedMatrix(S0, S1, 1.1), S0), S1, { abs: 1e-12 });
  });

  it('rotatedMatrix() with φ = 0 and Σ0 = I equals the OT matrix Σ1^{1/2}', () => {
    expectClose(rotatedMatrix(IDENTITY, S1, 0), otMatrix(IDENTITY, S1), { abs: 1e-14 });
    expectClose(push(otMatrix(IDENTITY, S1), IDENTITY), S1, { abs: 1e-12 });
  });

  it('w2GaussianSq() is 0 for equal Gaussians, ‖Δμ‖² for a shift, Σ(σ0 − σ1)² on diagonal covariances', () => {
    expectClose(w2GaussianSq(MU0, S0, MU0, S0), 0, { abs: 1e-12 });
    expectClose(w2GaussianSq(MU0, S1, MU1, S1), (MU1[0] - MU0[0]) ** 2 + (MU1[1] - MU0[1]) ** 2, { rel: 1e-12, abs: 1e-12 });
    // the 1-D case on each axis: W2²(N(m, a²), N(n, b²)) = (m − n)² + (a − b)²
    expectClose(w2GaussianSq([0, 1], covariance(2, 0.5, 0), [3, 1], covariance(0.5, 1.5, 0)), 9 + 1.5 ** 2 + 1, { rel: 1e-12 });
    // N(0, I) → N(0, s² I): 2 (1 − s)²
    expectClose(w2GaussianSq([0, 0], IDENTITY, [0, 0], covariance(3, 3, 0)), 2 * 4, { rel: 1e-12 });
  });

  it('the OT map transports at cost W2² and a rotated pairing costs more (linearTransportCost)', () => {
    const ot = linearTransportCost(otMatrix(S0, S1), MU0, S0, MU1);
    expectClose(ot, w2GaussianSq(MU0, S0, MU1, S1), { rel: 1e-12 });
    expect(linearTransportCost(rotatedMatrix(S0, S1, Math.PI / 2), MU0, S0, MU1)).toBeGreaterThan(ot + 0.1);
  });
});
