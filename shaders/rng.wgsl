// rng.wgsl: the counter-based PCG4D hash keyed by (seed, stream, step, index) and its conversions.
// Mirrors src/math/rng.ts bit for bit: pcg4d, toUniform, toUniformOpen, toIndex, and boxMuller
// (same formula; log/sqrt are f32 and sin/cos come from trig.wgsl, so normals agree to ~1e-6, not
// bit for bit). Library: no bindings, no entry point; needs trig.wgsl; kernels are concatenated
// after it (src/engine/gpuShaders.ts).

// The streams of src/math/rng.ts Stream.
const STREAM_INIT: u32 = 1u;
const STREAM_SOURCE: u32 = 2u;
const STREAM_TARGET: u32 = 3u;
const STREAM_BATCH: u32 = 4u;
const STREAM_FRESH: u32 = 5u;

const TWO_POW_M24: f32 = 5.9604644775390625e-8; // 2^-24

/** One key → four 32-bit words (Jarzynski & Olano 2020); u32 arithmetic wraps like Math.imul. */
fn pcg4d(seed: u32, stream: u32, step: u32, index: u32) -> vec4<u32> {
  var v = vec4<u32>(seed, stream, step, index) * 1664525u + vec4<u32>(1013904223u);
  v.x += v.y * v.w;
  v.y += v.z * v.x;
  v.z += v.x * v.y;
  v.w += v.y * v.z;
  v = v ^ (v >> vec4<u32>(16u));
  v.x += v.y * v.w;
  v.y += v.z * v.x;
  v.z += v.x * v.y;
  v.w += v.y * v.z;
  return v;
}

/** Uniform in [0, 1) with 24 bits: exact in f32. */
fn toUniform(bits: u32) -> f32 {
  return f32(bits >> 8u) * TWO_POW_M24;
}

/** Uniform in (0, 1): odd multiples of 2^-24, never 0. */
fn toUniformOpen(bits: u32) -> f32 {
  return f32((bits >> 9u) * 2u + 1u) * TWO_POW_M24;
}

/** Integer in [0, n): modulo of the full word. */
fn toIndex(bits: u32, n: u32) -> u32 {
  return bits % n;
}

/** Box–Muller: two words → two standard normals (r cos 2πu, r sin 2πu), u in turns (trig.wgsl). */
fn boxMuller(bitsA: u32, bitsB: u32) -> vec2<f32> {
  let r = sqrt(-2.0 * log(toUniformOpen(bitsA)));
  let sc = sinCosTurns(toUniform(bitsB));
  return r * vec2<f32>(sc.y, sc.x);
}
