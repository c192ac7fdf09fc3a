// From a RunConfig to the pure descriptions src/math/ works with.
import type { RunConfig } from './runConfig';
import type { DistributionSpec } from '../math/distributions';
import type { WorldSpec } from '../math/couplings';
import type { MlpShape } from '../math/mlp';

export function sourceSpec(c: RunConfig): DistributionSpec {
  return { kind: c.source, mean: [c.srcMx, c.srcMy], std: [c.srcSx, c.srcSy], rho: c.srcRho, points: c.sourcePoints, jitter: c.pointJitter };
}

export function targetSpec(c: RunConfig): DistributionSpec {
  return { kind: c.target, mean: [c.tgtMx, c.tgtMy], std: [c.tgtSx, c.tgtSy], rho: c.tgtRho, points: c.targetPoints, jitter: c.pointJitter };
}

export function worldSpec(c: RunConfig): WorldSpec {
  return { source: sourceSpec(c), target: targetSpec(c), coupling: c.coupling, phi: c.phi, pairs: c.pairs, userPairs: c.userPairs };
}

export function mlpShape(c: RunConfig): MlpShape {
  return { width: c.width, depth: c.depth, activation: c.activation, fourier: c.fourier };
}

/** The interpolant's σ as trained: the deterministic kind ignores the slider (docs/math.md#interpolants-σ). */
export function effectiveSigma(c: RunConfig): number {
  return c.interpolant === 'deterministic' ? 0 : c.sigma;
}
