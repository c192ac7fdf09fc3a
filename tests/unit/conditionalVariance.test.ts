// Conditional target variance Var[u_t | x_t ≈ x, t] (docs/design.md#what-is-measured) on hand-checkable pairings.
import { describe, expect, it } from 'vitest';
import { cellOf, conditionalVariance, meanConditionalVariance, type ConditionalVarianceGrid, type GridSpec } from '../../src/math/conditionalVariance';
import { makePairs, type PairSet, type WorldSpec } from '../../src/math/couplings';
import { expectClose } from './expectClose';

/** The variance of the cell holding point (x, y), NaN outside the grid or in an empty cell. */
function varianceAt(result: ConditionalVarianceGrid, x: number, y: number): number {
  const g = result.grid;
  const ci = cellOf(x, g.xMin, g.xMax, g.size), cj = cellOf(y, g.yMin, g.yMax, g.size);
  return ci < 0 || cj < 0 ? NaN : result.variance[cj * g.size + ci];
}

const GAUSS = { kind: 'gaussian' as const, mean: [0, 0] as [number, number], std: [1, 1] as [number, number], rho: 0 };
const world = (phi: number, pairs = 2048): WorldSpec => ({ source: GAUSS, target: GAUSS, coupling: 'rotated', phi, pairs, userPairs: [] });
const GRID: GridSpec = { xMin: -4, xMax: 4, yMin: -4, yMax: 4, size: 32 };
const det = (pairs: PairSet, t: number, grid = GRID) => conditionalVariance(pairs, { t, kind: 'deterministic', sigma: 0, grid, seed: 1 });

describe('conditionalVariance()', () => {
  // x1 = −x0 (φ = π, Σ0 = Σ1 = I): x_t = (1 − 2t) x0, u_t = −2 x0. At t = ½ every line passes
  // through 0, where u_t = −2 x0 has covariance 4 I: trace 8.
  const flip = makePairs(world(Math.PI), 7);

  it('x1 = −x0 at t = ½: every x_t lands in the centre cell, whose variance is tr Cov(2 x0) ≈ 8 (within 15 %, 2048 pairs)', () => {
    const r = det(flip, 0.5);
    const centre = varianceAt(r, 1e-9, 1e-9);
    // x_t = (1 − 2t) x0 is exactly 0 (or a rounding error of a few 1e-16) for every pair
    expect(r.weight.reduce((a, b) => a + b, 0)).toBe(2048);
    expect(Math.max(...r.weight)).toBe(2048);
    expectClose(centre, 8, { rel: 0.15 });
    expect(r.maxVariance).toBe(centre);
    // one cell holds every sample: its variance is the total one
    expectClose(r.totalVariance, centre, { rel: 1e-12 });
  });

  it('x1 = −x0 at t = 0.2: no cell holds more than 0.4, 20× below the centre at t = ½', () => {
    // x_t = 0.6 x0 and u_t = −(2/0.6) x_t: within a cell of width 0.25, u_t varies by ~0.83, so
    // the variance per cell is ~2 · 0.83²/12 ≈ 0.12 (cells with ≥ 2 samples)
    const r = det(flip, 0.2);
    expect(r.maxVariance).toBeGreaterThan(0);
    expect(r.maxVariance).toBeLessThan(0.4);
    expect(meanConditionalVariance(r)).toBeLessThan(0.2);
  });

  it('rotated φ = π/2 (lines cross in space, never at the same time): max cell variance < 0.5 at every t, mean < 0.25, against E‖u‖² = 4', () => {
    // x_t = ((1 − t) I + t R) x0 is invertible at every t (det = (1 − t)² + t² ≥ ½), so u_t is a
    // smooth function of x_t and only the cell width leaves a variance
    const pairs = makePairs(world(Math.PI / 2), 3);
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      const r = det(pairs, t);
      expect(r.maxVariance, `t = ${t}`).toBeLessThan(0.5);
      expect(meanConditionalVariance(r), `t = ${t}`).toBeLessThan(0.25);
      // the total tr Cov(u_t) = E‖(R − I) x0‖² = 4 whatever the grid
      expectClose(r.totalVariance, 4, { rel: 0.1 });
    }
  });

  it('a finer grid shrinks the φ = π/2 variance (it is a binning artefact) but not the φ = π collision at t = ½', () => {
    const pairs = makePairs(world(Math.PI / 2), 3);
    const coarse = meanConditionalVariance(det(pairs, 0.5, { ...GRID, size: 16 }));
    const fine = meanConditionalVariance(det(pairs, 0.5, { ...GRID, size: 64 }));
    expect(fine).toBeLessThan(coarse / 4);
    expectClose(meanConditionalVariance(det(flip, 0.5, { ...GRID, size: 64 })), 8, { rel: 0.15 });
  });

  it('σ > 0 spreads x_t by σ ε and raises the variance off the collision: constant σ = 0.5 at t = 0.2 gives a mean above the σ = 0 value', () => {
    const noisy = conditionalVariance(flip, { t: 0.2, kind: 'constant', sigma: 0.5, grid: GRID, seed: 1, draws: 4 });
    expect(meanConditionalVariance(noisy)).toBeGreaterThan(2 * meanConditionalVariance(det(flip, 0.2)));
    // weights count pairs, not pairs × draws: the in-grid total stays ≤ 2048
    expect(noisy.weight.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2048);
  });

  it('the same seed gives the same grid; the ε draws depend on the seed', () => {
    const opts = { t: 0.3, kind: 'bridge' as const, sigma: 0.3, grid: GRID, draws: 2 };
    const a = conditionalVariance(flip, { ...opts, seed: 5 }), b = conditionalVariance(flip, { ...opts, seed: 5 });
    const c = conditionalVariance(flip, { ...opts, seed: 6 });
    expect(a.variance).toEqual(b.variance);
    expect(a.weight).not.toEqual(c.weight);
  });

  it('kernel weighting (bandwidth 0.15) keeps the collision: centre variance ≈ 8 at t = ½, weighted mean < 1 at t = 0.2', () => {
    // at t = 0.2, u_t = −(2/0.6) x_t varies by 3.33 per unit of x_t: a kernel of std h averages a
    // variance of about 2 · (3.33 h)² = 0.5 for h = 0.15
    const opts = { kind: 'deterministic' as const, sigma: 0, grid: GRID, seed: 1, bandwidth: 0.15 };
    expectClose(varianceAt(conditionalVariance(flip, { ...opts, t: 0.5 }), 0, 0), 8, { rel: 0.15 });
    expect(meanConditionalVariance(conditionalVariance(flip, { ...opts, t: 0.2 }))).toBeLessThan(1);
  });

  it('hostile input never throws: NaN t, zero grid size, NaN pairs, empty set', () => {
    const bad: PairSet = { n: 2, x0: Float64Array.from([NaN, 0, 1, 1]), x1: Float64Array.from([0, 0, Infinity, 0]) };
    const r = conditionalVariance(bad, { t: NaN, kind: 'constant', sigma: NaN, grid: { ...GRID, size: 0 }, seed: 1 });
    expect(r.grid.size).toBe(1);
    expect(r.outside).toBe(2);
    expect(Number.isNaN(r.variance[0])).toBe(true);
    const empty = det({ n: 0, x0: new Float64Array(0), x1: new Float64Array(0) }, 0.5);
    expect(empty.maxVariance).toBe(0);
    expect(Number.isNaN(meanConditionalVariance(empty))).toBe(true);
  });
});
