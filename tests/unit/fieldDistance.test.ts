// Closed-form overlays (docs/math.md#closed-forms-and-the-crossing-map): the analytic OT / rotated-OT fields as ODE fields, their straight
// trajectories, and the mean squared distance between fields over (x, t) samples.
import { describe, expect, it } from 'vitest';
import { closedFormPairings, fieldDistance, gridSamples, linearField, linearTrajectoryPoint, mlpField } from '../../src/math/fieldDistance';
import { integrate } from '../../src/math/ode';
import { initParams } from '../../src/math/mlp';
import type { DistributionSpec } from '../../src/math/distributions';
import { expectClose } from './expectClose';

const SOURCE: DistributionSpec = { kind: 'gaussian', mean: [0, 0], std: [1, 1], rho: 0 };
const TARGET: DistributionSpec = { kind: 'gaussian', mean: [1.5, -0.5], std: [0.6, 1.4], rho: 0.3 };

describe('closed-form fields and fieldDistance()', () => {
  const pairings = closedFormPairings(SOURCE, TARGET, Math.PI / 2)!;
  const samples = gridSamples(-3, 3, 12);

  it('closedFormPairings() is null unless both ends are Gaussian', () => {
    expect(closedFormPairings({ ...SOURCE, kind: 'moons' }, TARGET, 1)).toBeNull();
    expect(closedFormPairings(SOURCE, { ...TARGET, kind: 'rings' }, 1)).toBeNull();
  });

  it('the distance of a closed-form field to itself is exactly 0 over all 5 × 144 samples', () => {
    for (const p of [pairings.ot, pairings.rotated]) {
      const d = fieldDistance(linearField(p), linearField(p), samples);
      expect(d.meanSq).toBe(0);
      expect(d.used).toBe(5 * 144);
      expect(d.skipped).toBe(0);
    }
  });

  it('OT against rotated φ = π/2 is > 0.5 (the fields differ), and symmetric', () => {
    const ab = fieldDistance(linearField(pairings.ot), linearField(pairings.rotated), samples);
    const ba = fieldDistance(linearField(pairings.rotated), linearField(pairings.ot), samples);
    expect(ab.meanSq).toBeGreaterThan(0.5);
    expectClose(ab.meanSq, ba.meanSq, { rel: 1e-12 });
  });

  it('rotated φ = 0 coincides with OT when Σ0 = I (distance < 1e-20)', () => {
    const zero = closedFormPairings(SOURCE, TARGET, 0)!;
    expect(fieldDistance(linearField(zero.rotated), linearField(pairings.ot), samples).meanSq).toBeLessThan(1e-20);
  });

  it('RK4 on the closed-form field (32 steps) carries each x0 to its partner μ1 + M(x0 − μ0), within 1e-6', () => {
    for (const p of [pairings.ot, pairings.rotated]) {
      const start = Float64Array.from([0.3, -1.2, 1.1, 0.4, -0.7, 2]);
      const end = integrate(linearField(p), start, 3, { method: 'rk4', steps: 32, direction: 'forward' }).end;
      for (let i = 0; i < 3; i++) {
        expectClose([end[2 * i], end[2 * i + 1]], linearTrajectoryPoint(p, [start[2 * i], start[2 * i + 1]], 1), { abs: 1e-6 });
      }
    }
  });

  it('the φ = π collision at t = ½ (A = I) is skipped as NaN, not averaged in', () => {
    const flip = closedFormPairings(SOURCE, SOURCE, Math.PI)!;
    const d = fieldDistance(linearField(flip.rotated), linearField(flip.ot), gridSamples(-2, 2, 4, [0.25, 0.5]));
    expect(d.skipped).toBe(16);
    expect(d.used).toBe(16);
    expect(Number.isFinite(d.meanSq)).toBe(true);
  });

  it('mlpField() of an untrained network is at a finite, positive distance from the OT field', () => {
    const shape = { width: 16, depth: 2, activation: 'silu' as const, fourier: 0 };
    const d = fieldDistance(mlpField(shape, initParams(shape, 1)), linearField(pairings.ot), samples);
    expect(d.meanSq).toBeGreaterThan(0);
    expect(Number.isFinite(d.meanSq)).toBe(true);
  });
});
