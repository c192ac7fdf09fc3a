// Stamp shapes of the pair drawing tool (docs/design.md#drawing-pairs): ready-made
// sets of user pairs, flat [x0, y0, x1, y1, …] like RunConfig.userPairs. Pure; the random cloud
// draws from the counter RNG keyed by the seed (docs/design.md#randomness-is-explicit), so a stamp is reproducible.
import { normal2, Stream } from './rng';

export const STAMP_KINDS = ['circle', 'bundles', 'cloud'] as const;
export type StampKind = (typeof STAMP_KINDS)[number]; // named in the picker by panels:draw.stamps.<kind>

/**
 * n points on a circle of `radius`, each paired with its antipode (x1 = −x0): every line passes
 * the centre at t = ½, the paper's "all lines intersect" toy (docs/design.md#what-the-app-shows).
 */
export function circleStamp(n: number, radius = 2): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const x = radius * Math.cos(a), y = radius * Math.sin(a);
    out.push(x, y, -x, -y);
  }
  return out;
}

/**
 * Two bundles of parallel lines that cross in an X (docs/math.md#worlds-and-couplings): the upper-left
 * bundle goes to the lower right, the lower-left one to the upper right; n/2 lines each, spread
 * evenly over BUNDLE_SPREAD across the bundle.
 */
/** Width of a bundle (data units): its lines keep apart, the two bundles still cross. */
const BUNDLE_SPREAD = 0.8;

export function bundlesStamp(n: number, half = 2): number[] {
  const out: number[] = [];
  const per = Math.max(1, Math.ceil(n / 2));
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / 2);
    const offset = per > 1 ? (k / (per - 1) - 0.5) * BUNDLE_SPREAD : 0;
    if (i % 2 === 0) out.push(-half, 1 + offset, half, -1 + offset);
    else out.push(-half, -1 + offset, half, 1 + offset);
  }
  return out;
}

/** n independent pairs x0, x1 ~ N(0, scale² I), from (seed, Stream.stamp, 0, i). */
export function cloudStamp(n: number, seed: number, scale = 1.5): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = normal2(seed, Stream.stamp, 0, 2 * i);
    const [c, d] = normal2(seed, Stream.stamp, 0, 2 * i + 1);
    out.push(scale * a, scale * b, scale * c, scale * d);
  }
  return out;
}

/** The stamp of `kind` with n pairs (seed only matters for the cloud). */
export function stampPairs(kind: StampKind, n: number, seed: number): number[] {
  const count = Math.max(1, Math.floor(n));
  switch (kind) {
    case 'circle': return circleStamp(count);
    case 'bundles': return bundlesStamp(count);
    case 'cloud': return cloudStamp(count, seed);
    default: {
      const never: never = kind;
      throw new Error(`invalid stamp: ${String(never)}`);
    }
  }
}
