// ReFlow (docs/math.md#worlds-and-couplings): the next round's training pairs are (x0_i, ODE_k(x0_i)), the
// training x0's and where the current flow takes them. Pure: endpoints in, a new PairSet out.
import type { PairSet } from './couplings';

export interface ReflowPairs {
  pairs: PairSet;
  /** endpoints that were not finite (a diverged flow): those pairs keep their previous x1 */
  kept: number;
}

/**
 * New pairs from the previous ones and the flow's endpoints of their x0's (n × 2, same order).
 * A non-finite endpoint keeps the previous partner rather than poison the next round with NaN;
 * missing endpoints (a short array) count as non-finite.
 */
export function reflowPairs(previous: PairSet, endpoints: ArrayLike<number>): ReflowPairs {
  const n = previous.n;
  const x0 = previous.x0.slice(0, 2 * n);
  const x1 = new Float64Array(2 * n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const ex = 2 * i < endpoints.length ? endpoints[2 * i] : NaN;
    const ey = 2 * i + 1 < endpoints.length ? endpoints[2 * i + 1] : NaN;
    if (Number.isFinite(ex) && Number.isFinite(ey)) {
      x1[2 * i] = ex; x1[2 * i + 1] = ey;
    } else {
      x1[2 * i] = previous.x1[2 * i]; x1[2 * i + 1] = previous.x1[2 * i + 1];
      kept++;
    }
  }
  return { pairs: { n, x0, x1 }, kept };
}

/** Mean ‖x1 − x0‖² over the pairs: the transport cost of the coupling the next round trains on. */
export function pairCost(pairs: PairSet): number {
  let s = 0;
  for (let i = 0; i < pairs.n; i++) {
    s += (pairs.x1[2 * i] - pairs.x0[2 * i]) ** 2 + (pairs.x1[2 * i + 1] - pairs.x0[2 * i + 1]) ** 2;
  }
  return pairs.n > 0 ? s / pairs.n : 0;
}
