// outputLoss.wgsl: the linear output layer, the loss and the first two backward steps.
// Mirrors src/math/trainStep.ts batchGradient() (ℓ_i = ‖v_i − u_i‖², dOut = 2(v_i − u_i)) and
// src/math/mlp.ts forward() for the last layer and backward() for it: δ_{L} = dOut,
// δ_{L−1} = (W_Lᵀ δ_L) ⊙ act'(z_{L−1}).
// Reads theta, samples (u_t), acts (a_{L−1}), zs (z_{L−1}); writes deltas (δ_L, δ_{L−1}),
// perSample[i] = (ℓ_i, 0, 0, 0) (the other fields are filled by weightGrad and gradDotMean).
// Dispatch ceil(B / ROWS) × 1 × models, WG threads: phase 1 LANES = WG / ROWS threads per sample
// (strided partial dot products, added in lane order), phase 2 the workgroup walks (sample, k)
// with k fastest (coalesced).

override ROWS: u32 = 16;
override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> theta: array<f32>;
@group(1) @binding(1) var<storage, read> samples: array<vec4<f32>>;
@group(1) @binding(2) var<storage, read> acts: array<f32>;
@group(1) @binding(3) var<storage, read> zs: array<f32>;
@group(1) @binding(4) var<storage, read_write> deltas: array<f32>;
@group(1) @binding(5) var<storage, read_write> perSample: array<vec4<f32>>;

var<workgroup> partial: array<vec2<f32>, WG>;
var<workgroup> dOut: array<vec2<f32>, ROWS>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let L = net.layers[net.layerCount - 1u];
  let P = net.layers[net.layerCount - 2u];
  let model = wid.z;
  let tb = model * net.paramCount;
  let ab = model * net.actsStride;
  let zb = model * net.zsStride;
  let db = model * net.deltasStride;
  let sb = model * net.rows;
  let row0 = wid.x * ROWS;
  let K = L.fanIn;
  let lanes = WG / ROWS;
  // no early returns: every thread must reach the barriers
  let rowA = row0 + lid.x / lanes;
  var v = vec2<f32>(0.0);
  if (rowA < net.rows) {
    for (var k = lid.x % lanes; k < K; k += lanes) {
      let a = acts[ab + L.inOff + rowA * K + k];
      v += vec2<f32>(theta[tb + L.w + k], theta[tb + L.w + K + k]) * a;
    }
  }
  partial[lid.x] = v;
  workgroupBarrier();
  let i = row0 + lid.x;
  if (lid.x < ROWS && i < net.rows) {
    var out = vec2<f32>(theta[tb + L.b], theta[tb + L.b + 1u]);
    for (var j = 0u; j < lanes; j++) { out += partial[lid.x * lanes + j]; }
    let r = out - samples[sb + i].xy;
    let d = 2.0 * r;
    deltas[db + L.deltaOff + 2u * i] = d.x;
    deltas[db + L.deltaOff + 2u * i + 1u] = d.y;
    perSample[sb + i] = vec4<f32>(r.x * r.x + r.y * r.y, 0.0, 0.0, 0.0);
    dOut[lid.x] = d;
  }
  workgroupBarrier();
  let n = min(ROWS, net.rows - row0);
  for (var e = lid.x; e < n * K; e += WG) {
    let rr = e / K;
    let k = e % K;
    let g = dOut[rr];
    let back = g.x * theta[tb + L.w + k] + g.y * theta[tb + L.w + K + k];
    let row = (row0 + rr) * K + k;
    deltas[db + P.deltaOff + row] = back * actDeriv(zs[zb + P.zOff + row]);
  }
}
