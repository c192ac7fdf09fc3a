// One training batch (docs/math.md#interpolants-σ): for sample i of step s, key (seed, Stream.batch, s, i) gives
// t (word 0), the pair index (word 1) and ε (words 2, 3 by Box–Muller). Mirrored by shaders/rowPass.wgsl drawRows().
import { pcg4d, toUniform, toIndex, boxMuller, Stream } from './rng';
import { interpolate, interpolantTime, type InterpolantKind } from './interpolants';
import { writeInput } from './mlp';
import type { PairSet } from './couplings';

export interface Batch {
  size: number;
  /** network input, size × inputDim */
  input: Float64Array;
  /** regression target u_t, size × 2 */
  target: Float64Array;
  /** t per sample (after clipping) */
  t: Float64Array;
  /** pair index per sample */
  pairIndex: Uint32Array;
}

export interface BatchSpec {
  seed: number;
  step: number;
  size: number;
  kind: InterpolantKind;
  sigma: number;
  fourier: number;
}

export function sampleBatch(pairs: PairSet, spec: BatchSpec): Batch {
  const dim = 3 + 2 * spec.fourier;
  const input = new Float64Array(spec.size * dim);
  const target = new Float64Array(spec.size * 2);
  const t = new Float64Array(spec.size);
  const pairIndex = new Uint32Array(spec.size);
  for (let i = 0; i < spec.size; i++) {
    const [w0, w1, w2, w3] = pcg4d(spec.seed, Stream.batch, spec.step, i);
    const ti = interpolantTime(spec.kind, toUniform(w0));
    const k = toIndex(w1, pairs.n);
    const [ex, ey] = boxMuller(w2, w3);
    const s = interpolate(spec.kind, spec.sigma, ti,
      pairs.x0[2 * k], pairs.x0[2 * k + 1], pairs.x1[2 * k], pairs.x1[2 * k + 1], ex, ey);
    writeInput(input, i * dim, s.xt, s.yt, ti, spec.fourier);
    target[2 * i] = s.ux;
    target[2 * i + 1] = s.uy;
    t[i] = ti;
    pairIndex[i] = k;
  }
  return { size: spec.size, input, target, t, pairIndex };
}
