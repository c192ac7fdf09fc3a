// backwardHidden.wgsl: one backward step through hidden layer l ≥ 1, as a tiled matrix product
// δ_{l−1} = (δ_l W_l) ⊙ act'(z_{l−1}) (gemm.wgsl). Mirrors the `next` loop of src/math/mlp.ts
// backward(). Layer from sel.layer. Reads theta (W_l), zs (z_{l−1}), deltas (δ_l); writes
// deltas (δ_{l−1}). Dispatch ceil(fanIn / TILE) × ceil(rows / TILE) × models, (TILE/4)² threads.

@group(1) @binding(0) var<storage, read> theta: array<f32>;
@group(1) @binding(1) var<storage, read> zs: array<f32>;
@group(1) @binding(2) var<storage, read_write> deltas: array<f32>;

// A = rows m0… of δ_l (k = output of layer l, contiguous); B = W_l[k][n0…] (n contiguous)
var<private> aBase: u32;
var<private> bBase: u32;
var<private> rowsA: u32;
var<private> colsB: u32;
var<private> kDim: u32;
var<private> nDim: u32;

fn loadA(e: u32, k0: u32, kEnd: u32) -> f32 {
  let x = e / KT;
  let k = k0 + e % KT;
  if (k < kEnd && x < rowsA) { return deltas[aBase + x * kDim + k]; }
  return 0.0;
}

fn loadB(e: u32, k0: u32, kEnd: u32) -> f32 {
  let k = k0 + e / TILE;
  let x = e % TILE;
  if (k < kEnd && x < colsB) { return theta[bBase + k * nDim + x]; }
  return 0.0;
}

fn slotA(e: u32) -> u32 { return tileAt(e % KT, e / KT); }
fn slotB(e: u32) -> u32 { return tileAt(e / TILE, e % TILE); }
fn onSlice(li: u32) {}

@compute @workgroup_size(TILE / 4, TILE / 4)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = net.layers[sel.layer];
  let P = net.layers[sel.layer - 1u];
  let tb = wid.z * net.paramCount;
  let zb = wid.z * net.zsStride;
  let db = wid.z * net.deltasStride;
  let M = net.rows;
  let N = L.fanIn;
  let K = L.fanOut;
  let m0 = wid.y * TILE;
  let n0 = wid.x * TILE;
  aBase = db + L.deltaOff + m0 * K;
  bBase = tb + L.w + n0;
  rowsA = select(0u, M - m0, m0 < M);
  colsB = select(0u, N - n0, n0 < N);
  kDim = K;
  nDim = N;
  var acc: array<vec4<f32>, 4>;
  gemmLoop(&acc, 0u, K, lid.x, lid.y, li);
  let q = TILE / 4u;
  for (var r = 0u; r < 4u; r++) {
    let m = m0 + lid.y + r * q;
    for (var c = 0u; c < 4u; c++) {
      let n = n0 + lid.x + c * q;
      if (m < M && n < N) {
        deltas[db + P.deltaOff + m * N + n] = acc[r][c] * actDeriv(zs[zb + P.zOff + m * N + n]);
      }
    }
  }
}
