// Couplings π of docs/math.md#worlds-and-couplings: how the finite training set of N pairs (x0, x1) is formed from the seed.
import { gaussianCovariance, samplePoint, type DistributionSpec } from './distributions';
import { pcg4d, boxMuller, Stream } from './rng';
import { apply, type Mat2 } from './linalg2';
import { otMatrix, rotatedMatrix } from './theory';

/** The couplings π of docs/math.md#worlds-and-couplings (the config table's `coupling` values; ReFlow replaces the pairs of any). */
export const COUPLINGS = ['independent', 'ot', 'rotated', 'cross', 'user'] as const;
export type CouplingKind = (typeof COUPLINGS)[number];

export interface WorldSpec {
  source: DistributionSpec;
  target: DistributionSpec;
  coupling: CouplingKind;
  /** rotation angle of the rotated coupling, radians */
  phi: number;
  /** number of training pairs N */
  pairs: number;
  /** user-drawn pairs, flat [x0, y0, x1, y1, …]; used by the 'user' coupling */
  userPairs: number[];
}

/** The training set: N pairs, interleaved xy. */
export interface PairSet {
  n: number;
  x0: Float64Array;
  x1: Float64Array;
}

/** Matrix of a linear (Gaussian-world) coupling, or null for the others. Uses the specs' mean/cov. */
export function couplingMatrix(world: WorldSpec): Mat2 | null {
  const c0 = gaussianCovariance(world.source), c1 = gaussianCovariance(world.target);
  if (world.coupling === 'ot') return otMatrix(c0, c1);
  if (world.coupling === 'rotated') return rotatedMatrix(c0, c1, world.phi);
  return null;
}

// The "X" of docs/math.md#worlds-and-couplings: cluster A (upper left) ↔ D (lower right), B (lower left) ↔ C (upper right).
const CROSS_CENTERS = { a: [-2, 1], b: [-2, -1], c: [2, 1], d: [2, -1] } as const;
const CROSS_STD = 0.25;

function crossPair(seed: number, index: number): [number, number, number, number] {
  const [w0, w1, w2, w3] = pcg4d(seed, Stream.source, 0, index);
  const [n0, n1] = boxMuller(w0, w1);
  const [n2, n3] = boxMuller(w2, w3);
  const upper = index % 2 === 0;
  const from = upper ? CROSS_CENTERS.a : CROSS_CENTERS.b;
  const to = upper ? CROSS_CENTERS.d : CROSS_CENTERS.c;
  return [from[0] + CROSS_STD * n0, from[1] + CROSS_STD * n1, to[0] + CROSS_STD * n2, to[1] + CROSS_STD * n3];
}

/** Builds the N training pairs of `world` from `seed`. */
export function makePairs(world: WorldSpec, seed: number): PairSet {
  const userCount = Math.floor(world.userPairs.length / 4);
  const n = world.coupling === 'user' && userCount > 0 ? userCount : world.pairs;
  const x0 = new Float64Array(2 * n), x1 = new Float64Array(2 * n);
  const m = couplingMatrix(world);
  const mu0 = world.source.mean, mu1 = world.target.mean;
  for (let i = 0; i < n; i++) {
    let p: [number, number, number, number];
    if (world.coupling === 'user' && userCount > 0) {
      p = [world.userPairs[4 * i], world.userPairs[4 * i + 1], world.userPairs[4 * i + 2], world.userPairs[4 * i + 3]];
    } else if (world.coupling === 'cross' || world.coupling === 'user') {
      p = crossPair(seed, i);
    } else {
      const a = samplePoint(world.source, seed, Stream.source, 0, i);
      const b = m
        ? apply(m, [a[0] - mu0[0], a[1] - mu0[1]]).map((v, k) => v + mu1[k])
        : samplePoint(world.target, seed, Stream.target, 0, i);
      p = [a[0], a[1], b[0], b[1]];
    }
    x0[2 * i] = p[0]; x0[2 * i + 1] = p[1];
    x1[2 * i] = p[2]; x1[2 * i + 1] = p[3];
  }
  return { n, x0, x1 };
}
