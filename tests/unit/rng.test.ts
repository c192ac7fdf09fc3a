import { describe, expect, it } from 'vitest';
import { boxMuller, normal2, pcg4d, toIndex, toUniform, toUniformOpen, Stream } from '../../src/math/rng';
import { expectClose } from './expectClose';

const N = 100_000;

function stats(xs: Float64Array) {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let m2 = 0, m4 = 0;
  for (const x of xs) { const d = x - mean; m2 += d * d; m4 += d ** 4; }
  m2 /= xs.length; m4 /= xs.length;
  return { mean, variance: m2, kurtosis: m4 / (m2 * m2) };
}

function correlation(a: Float64Array, b: Float64Array): number {
  const sa = stats(a), sb = stats(b);
  let c = 0;
  for (let i = 0; i < a.length; i++) c += (a[i] - sa.mean) * (b[i] - sb.mean);
  return c / a.length / Math.sqrt(sa.variance * sb.variance);
}

/** N uniforms from word `word` of key (seed, stream, step(i), index(i)). */
function uniforms(key: (i: number) => [number, number, number, number], word = 0): Float64Array {
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = toUniform(pcg4d(...key(i))[word]);
  return out;
}

describe('rng', () => {
  it('pcg4d(): the same key gives the same four words, and each key component changes them', () => {
    const base = pcg4d(7, 3, 11, 42);
    expect(pcg4d(7, 3, 11, 42)).toEqual(base);
    for (const key of [[8, 3, 11, 42], [7, 4, 11, 42], [7, 3, 12, 42], [7, 3, 11, 43]] as [number, number, number, number][]) {
      expect(pcg4d(...key)).not.toEqual(base);
    }
    expect(base.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)).toBe(true);
  });

  it('toUniform() lies in [0, 1), toUniformOpen() in (0, 1), toIndex() in [0, n)', () => {
    expect(toUniform(0)).toBe(0);
    expect(toUniform(0xffffffff)).toBeLessThan(1);
    expect(toUniformOpen(0)).toBeGreaterThan(0);
    expect(toUniformOpen(0xffffffff)).toBeLessThan(1);
    expect(toIndex(0xffffffff, 7)).toBeLessThan(7);
    expect(Number.isFinite(boxMuller(0, 0)[0])).toBe(true);
  });

  it('uniform draws have mean 1/2 ± 0.005 and variance 1/12 ± 0.0015 over 1e5 keys', () => {
    // standard errors: mean 0.289/√N = 9e-4, variance 2.4e-4: the bounds are > 5 standard errors
    const s = stats(uniforms((i) => [1, Stream.batch, 0, i]));
    expectClose(s.mean, 0.5, { abs: 0.005 });
    expectClose(s.variance, 1 / 12, { abs: 0.0015 });
  });

  it('normal2() draws have mean 0 ± 0.02, variance 1 ± 0.03, kurtosis 3 ± 0.1 over 1e5 pairs', () => {
    // standard errors over 2e5 draws: mean 2.2e-3, variance 3.2e-3, kurtosis ≈ √(24/2e5) = 0.011
    const xs = new Float64Array(2 * N);
    for (let i = 0; i < N; i++) { const [a, b] = normal2(5, Stream.source, 0, i); xs[2 * i] = a; xs[2 * i + 1] = b; }
    const s = stats(xs);
    expectClose(s.mean, 0, { abs: 0.02 });
    expectClose(s.variance, 1, { abs: 0.03 });
    expectClose(s.kurtosis, 3, { abs: 0.1 });
  });

  it('streams, neighbouring steps, neighbouring indices and the four words are uncorrelated (|corr| < 0.01)', () => {
    // standard error of a correlation over 1e5 draws is 1/√N = 3.2e-3
    const ref = uniforms((i) => [1, Stream.batch, 3, i]);
    const others = {
      'next stream': uniforms((i) => [1, Stream.fresh, 3, i]),
      'next step': uniforms((i) => [1, Stream.batch, 4, i]),
      'next index': uniforms((i) => [1, Stream.batch, 3, i + 1]),
      'next seed': uniforms((i) => [2, Stream.batch, 3, i]),
      'word 1': uniforms((i) => [1, Stream.batch, 3, i], 1),
      'word 3': uniforms((i) => [1, Stream.batch, 3, i], 3),
    };
    for (const [name, xs] of Object.entries(others)) {
      expect(Math.abs(correlation(ref, xs)), name).toBeLessThan(0.01);
    }
    // steps as the fast-moving key component (the batch of consecutive steps for one sample)
    const alongSteps = uniforms((i) => [1, Stream.batch, i, 0]);
    const alongStepsNext = uniforms((i) => [1, Stream.batch, i + 1, 0]);
    expect(Math.abs(correlation(alongSteps, alongStepsNext))).toBeLessThan(0.01);
  });
});
