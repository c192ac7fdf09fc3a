// forwardHidden.wgsl: one hidden layer l ≥ 1 of the MLP on all rows, as a tiled matrix product
// Z = A_{l−1} W_lᵀ + b_l, a_l = act(Z) (gemm.wgsl). Mirrors src/math/mlp.ts forward() for l ≥ 1.
// Layer from sel.layer. Reads theta, acts (a_{l−1}); writes acts (a_l), zs (z_l unless NO_OFFSET).
// Dispatch ceil(fanOut / TILE) × ceil(rows / TILE) × models, (TILE/4) × (TILE/4) threads.

@group(1) @binding(0) var<storage, read> theta: array<f32>;
@group(1) @binding(1) var<storage, read_write> acts: array<f32>;
@group(1) @binding(2) var<storage, read_write> zs: array<f32>;

// A = rows m0… of a_{l−1}, B = rows n0… of W_l: k (the layer input) contiguous in both
const GEMM_K_CONTIGUOUS: bool = true;
var<private> kDim: u32;

fn readA(m: u32, k: u32) -> f32 { return acts[baseA + m * kDim + k]; }
fn readB(n: u32, k: u32) -> f32 { return theta[baseB + n * kDim + k]; }
fn onSlice(li: u32) {}

@compute @workgroup_size(TILE / 4, TILE / 4)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = net.layers[sel.layer];
  let base = modelBase(wid.z);
  let M = net.rows;
  let N = L.fanOut;
  let K = L.fanIn;
  let m0 = wid.y * TILE;
  let n0 = wid.x * TILE;
  baseA = base.acts + L.inOff + m0 * K;
  baseB = base.params + L.w + n0 * K;
  extentA = select(0u, M - m0, m0 < M);
  extentB = select(0u, N - n0, n0 < N);
  kDim = K;
  var acc: array<vec4<f32>, 4>;
  gemmLoop(&acc, 0u, K, lid.x, lid.y, li);
  let q = TILE / 4u;
  for (var r = 0u; r < 4u; r++) {
    let m = m0 + lid.y + r * q;
    for (var c = 0u; c < 4u; c++) {
      let n = n0 + lid.x + c * q;
      if (m < M && n < N) {
        let z = acc[r][c] + theta[base.params + L.b + n];
        if (L.zOff != NO_OFFSET) { zs[base.zs + L.zOff + m * N + n] = z; }
        acts[base.acts + L.outOff + m * N + n] = act(z);
      }
    }
  }
}
