import { describe, expect, it } from 'vitest';
import { backward, forward, initParams, mlpLayout, type MlpShape } from '../../src/math/mlp';
import { batchGradient } from '../../src/math/trainStep';
import { sampleBatch, type Batch } from '../../src/math/batch';
import { makePairs } from '../../src/math/couplings';
import { tBin, T_BINS } from '../../src/math/metrics';
import { defaultConfig } from '../../src/engine/runConfig';
import { worldSpec } from '../../src/engine/world';
import { expectClose } from './expectClose';

const SHAPE: MlpShape = { width: 12, depth: 2, activation: 'silu', fourier: 1 };
const B = 48;

function setup(): { theta: Float64Array; batch: Batch } {
  const config = { ...defaultConfig(), pairs: 32, coupling: 'rotated' as const };
  const pairs = makePairs(worldSpec(config), 7);
  const batch = sampleBatch(pairs, { seed: 7, step: 3, size: B, kind: 'constant', sigma: 0.3, fourier: SHAPE.fourier });
  return { theta: Float64Array.from(initParams(SHAPE, 7)), batch };
}

/** g_i = ∇θ ℓ_i by a backward pass on a batch of one sample (the brute force the identity replaces). */
function perSampleGradients(theta: Float64Array, batch: Batch): Float64Array[] {
  const dim = mlpLayout(SHAPE).inputDim;
  const out: Float64Array[] = [];
  for (let i = 0; i < batch.size; i++) {
    const input = batch.input.slice(i * dim, (i + 1) * dim);
    const cache = forward(SHAPE, theta, input, 1);
    const v = cache.a.at(-1)!;
    const dOut = Float64Array.from([2 * (v[0] - batch.target[2 * i]), 2 * (v[1] - batch.target[2 * i + 1])]);
    out.push(backward(SHAPE, theta, cache, dOut, 1).grad);
  }
  return out;
}

const normSq = (g: Float64Array) => g.reduce((s, x) => s + x * x, 0);

function meanOf(gs: Float64Array[]): Float64Array {
  const mean = new Float64Array(gs[0].length);
  for (const g of gs) for (let k = 0; k < g.length; k++) mean[k] += g[k] / gs.length;
  return mean;
}

describe('per-sample gradient variance', () => {
  it('backward() sampleGradNormSq = Σ_l ‖δ‖²(‖a‖² + 1) equals ‖g_i‖² of brute-force per-sample gradients within rel 1e-10', () => {
    const { theta, batch } = setup();
    const cache = forward(SHAPE, theta, batch.input, B);
    const v = cache.a.at(-1)!;
    const dOut = v.map((x, k) => 2 * (x - batch.target[k]));
    const { sampleGradNormSq } = backward(SHAPE, theta, cache, dOut, 1 / B);
    expectClose(sampleGradNormSq, perSampleGradients(theta, batch).map(normSq), { rel: 1e-10 });
  });

  it('batchGradient().gradVar equals the trace of the explicit covariance of brute-force g_i (1/(B−1)) within rel 1e-9', () => {
    const { theta, batch } = setup();
    const gs = perSampleGradients(theta, batch);
    const mean = meanOf(gs);
    let trace = 0;
    for (const g of gs) for (let k = 0; k < g.length; k++) trace += (g[k] - mean[k]) ** 2 / (B - 1);
    const res = batchGradient(SHAPE, theta, batch, false);
    expectClose(res.gradVar, trace, { rel: 1e-9 });
    expectClose(res.grad, mean, { rel: 1e-9, abs: 1e-12 });
    expect(trace).toBeGreaterThan(1e-3); // a real spread, not 0 = 0
  });

  it('gradVarByT() gives each t bin the mean ‖g_i − ḡ‖² of brute force, and Σ_b n_b·value_b/(B−1) = V', () => {
    const { theta, batch } = setup();
    const gs = perSampleGradients(theta, batch);
    const mean = meanOf(gs);
    const sum = new Float64Array(T_BINS), count = new Float64Array(T_BINS);
    gs.forEach((g, i) => {
      let d = 0;
      for (let k = 0; k < g.length; k++) d += (g[k] - mean[k]) ** 2;
      sum[tBin(batch.t[i])] += d;
      count[tBin(batch.t[i])] += 1;
    });
    const res = batchGradient(SHAPE, theta, batch, true);
    const bins = res.gradVarByT!;
    let recombined = 0;
    for (let b = 0; b < T_BINS; b++) {
      if (count[b] === 0) { expect(bins[b]).toBeNaN(); continue; }
      expectClose(bins[b], sum[b] / count[b], { rel: 1e-8 });
      recombined += (count[b] * bins[b]) / (B - 1);
    }
    expect(count.filter((c) => c > 0).length).toBeGreaterThanOrEqual(8); // most bins are exercised
    expectClose(recombined, res.gradVar, { rel: 1e-9 });
  });
});
