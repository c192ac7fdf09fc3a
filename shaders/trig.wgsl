// trig.wgsl: sin and cos of a whole number of turns, accurate to ~1e-7 everywhere (library).
// WGSL only promises |error| ≤ 2^-11 for the built-in sin/cos (SwiftShader is at ~1.5e-4), too
// coarse for CPU parity of Box–Muller normals, Fourier features and the cosine schedule. The
// argument is in turns so the reduction is exact: f = fract(turns), quadrant q = round(4f),
// r = f − q/4 ∈ [−1/8, 1/8] (Sterbenz: no rounding), then Taylor series on x = 2πr ∈ [−π/4, π/4]
// (truncation < 1e-9) and the quadrant rotation.

const TWO_PI_TURN: f32 = 6.283185307179586;

/** (sin 2π·turns, cos 2π·turns). */
fn sinCosTurns(turns: f32) -> vec2<f32> {
  let f = fract(turns);
  let q = floor(4.0 * f + 0.5);
  let x = TWO_PI_TURN * (f - 0.25 * q);
  let x2 = x * x;
  let s = x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0)))));
  let c = 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0)))));
  switch (u32(q) & 3u) {
    case 0u: { return vec2<f32>(s, c); }
    case 1u: { return vec2<f32>(c, -s); }
    case 2u: { return vec2<f32>(-s, -c); }
    default: { return vec2<f32>(-c, s); }
  }
}
