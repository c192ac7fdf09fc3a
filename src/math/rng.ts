// Counter-based RNG keyed by (seed, stream, step, index): the PCG4D hash of Jarzynski & Olano,
// "Hash Functions for GPU Rendering" (JCGT 2020). Only 32-bit integer multiply, add, xor and
// shift, so shaders/rng.wgsl pcg4d() computes the same bits; no state, so any draw can be recomputed.

/** One key → four independent 32-bit words. Mirrored by pcg4d() in shaders/rng.wgsl. */
export function pcg4d(seed: number, stream: number, step: number, index: number): [number, number, number, number] {
  let x = (Math.imul(seed >>> 0, 1664525) + 1013904223) >>> 0;
  let y = (Math.imul(stream >>> 0, 1664525) + 1013904223) >>> 0;
  let z = (Math.imul(step >>> 0, 1664525) + 1013904223) >>> 0;
  let w = (Math.imul(index >>> 0, 1664525) + 1013904223) >>> 0;
  x = (x + Math.imul(y, w)) >>> 0;
  y = (y + Math.imul(z, x)) >>> 0;
  z = (z + Math.imul(x, y)) >>> 0;
  w = (w + Math.imul(y, z)) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  y = (y ^ (y >>> 16)) >>> 0;
  z = (z ^ (z >>> 16)) >>> 0;
  w = (w ^ (w >>> 16)) >>> 0;
  x = (x + Math.imul(y, w)) >>> 0;
  y = (y + Math.imul(z, x)) >>> 0;
  z = (z + Math.imul(x, y)) >>> 0;
  w = (w + Math.imul(y, z)) >>> 0;
  return [x, y, z, w];
}

const TWO_POW_M24 = 1 / 16777216;

/** Uniform in [0, 1) with 24 bits: exact in f32, so CPU and GPU agree bit for bit. */
export function toUniform(bits: number): number {
  return (bits >>> 8) * TWO_POW_M24;
}

/** Uniform in (0, 1): odd multiples of 2^-24, never 0, safe for log() in Box–Muller. */
export function toUniformOpen(bits: number): number {
  return ((bits >>> 9) * 2 + 1) * TWO_POW_M24;
}

/** Box–Muller: two uniform words → two standard normals. Same formula in shaders/rng.wgsl. */
export function boxMuller(bitsA: number, bitsB: number): [number, number] {
  const r = Math.sqrt(-2 * Math.log(toUniformOpen(bitsA)));
  const angle = 2 * Math.PI * toUniform(bitsB);
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

/** Integer in [0, n): a modulo of the full word; the bias is < n / 2^32 (≤ 1.5e-5 for n ≤ 65 536). */
export function toIndex(bits: number, n: number): number {
  return (bits >>> 0) % n;
}

/** Streams keep unrelated draws apart; the WGSL side uses the same numbers (shaders/rng.wgsl). */
export const Stream = {
  init: 1, // network initial weights
  source: 2, // x0 of the training set and of fresh particles
  target: 3, // x1 of the training set (independent coupling)
  batch: 4, // per-step batch: t, pair index, ε
  fresh: 5, // fresh source particles for generalization metrics
  shuffle: 6, // permutation used by the random-pairing coupling
  slice: 7, // projection directions for the sliced Wasserstein distance
  evalTarget: 8, // reference target samples for distances
  condVar: 9, // ε draws of the conditional-target-variance estimate
  stamp: 10, // the "random cloud" stamp of the pair drawing tool
} as const;

/** Two standard normals for key (seed, stream, step, index). */
export function normal2(seed: number, stream: number, step: number, index: number): [number, number] {
  const [a, b] = pcg4d(seed, stream, step, index);
  return boxMuller(a, b);
}
