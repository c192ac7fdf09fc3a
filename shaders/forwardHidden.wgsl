// forwardHidden.wgsl: one hidden layer l ≥ 1 of the MLP on all rows, as a tiled matrix product
// Z = A_{l−1} W_lᵀ + b_l, a_l = act(Z) (gemm.wgsl). Mirrors src/math/mlp.ts forward() for l ≥ 1.
// Layer from sel.layer. Reads theta, acts (a_{l−1}); writes acts (a_l), zs (z_l unless NO_OFFSET).
// Dispatch ceil(fanOut / TILE) × ceil(rows / TILE) × models, (TILE/4) × (TILE/4) threads.

@group(1) @binding(0) var<storage, read> theta: array<f32>;
@group(1) @binding(1) var<storage, read_write> acts: array<f32>;
@group(1) @binding(2) var<storage, read_write> zs: array<f32>;

// this workgroup's operands: A = rows m0… of a_{l−1}, B = rows n0… of W_l (both k contiguous)
var<private> aBase: u32;
var<private> bBase: u32;
var<private> rowsA: u32;
var<private> rowsB: u32;
var<private> kDim: u32;

fn loadA(e: u32, k0: u32, kEnd: u32) -> f32 {
  let x = e / KT;
  let k = k0 + e % KT;
  if (k < kEnd && x < rowsA) { return acts[aBase + x * kDim + k]; }
  return 0.0;
}

fn loadB(e: u32, k0: u32, kEnd: u32) -> f32 {
  let x = e / KT;
  let k = k0 + e % KT;
  if (k < kEnd && x < rowsB) { return theta[bBase + x * kDim + k]; }
  return 0.0;
}

fn slotA(e: u32) -> u32 { return tileAt(e % KT, e / KT); }
fn slotB(e: u32) -> u32 { return tileAt(e % KT, e / KT); }
fn onSlice(li: u32) {}

@compute @workgroup_size(TILE / 4, TILE / 4)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = net.layers[sel.layer];
  let tb = wid.z * net.paramCount;
  let ab = wid.z * net.actsStride;
  let zb = wid.z * net.zsStride;
  let M = net.rows;
  let N = L.fanOut;
  let K = L.fanIn;
  let m0 = wid.y * TILE;
  let n0 = wid.x * TILE;
  aBase = ab + L.inOff + m0 * K;
  bBase = tb + L.w + n0 * K;
  rowsA = select(0u, M - m0, m0 < M);
  rowsB = select(0u, N - n0, n0 < N);
  kDim = K;
  var acc: array<vec4<f32>, 4>;
  gemmLoop(&acc, 0u, K, lid.x, lid.y, li);
  let q = TILE / 4u;
  for (var r = 0u; r < 4u; r++) {
    let m = m0 + lid.y + r * q;
    for (var c = 0u; c < 4u; c++) {
      let n = n0 + lid.x + c * q;
      if (m < M && n < N) {
        let z = acc[r][c] + theta[tb + L.b + n];
        if (L.zOff != NO_OFFSET) { zs[zb + L.zOff + m * N + n] = z; }
        acts[ab + L.outOff + m * N + n] = act(z);
      }
    }
  }
}
