// gradDotMean.wgsl: g_i · ḡ for every sample of the last batch, from the kept δ's and activations:
// Σ_l δ_l,iᵀ (Ḡ_l a_{l−1},i + b̄_l). Mirrors src/math/mlp.ts sampleGradDotMean().
// Runs after adamStep and finalizeStep of the last step of a step(n) call (grad holds ḡ).
// Reads grad, acts, deltas; writes perSample[i].z. Dispatch flattened 2-D, one workgroup per
// sample, × models; WG threads over the layer outputs, then a tree (fixed order).

override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> grad: array<f32>;
@group(1) @binding(1) var<storage, read> acts: array<f32>;
@group(1) @binding(2) var<storage, read> deltas: array<f32>;
@group(1) @binding(3) var<storage, read_write> perSample: array<vec4<f32>>;

var<workgroup> red: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let i = wid.x + wid.y * nwg.x;
  let base = modelBase(wid.z);
  var s = 0.0;
  if (i < net.rows) {
    for (var l = 0u; l < net.layerCount; l++) {
      let L = net.layers[l];
      for (var o = li; o < L.fanOut; o += WG) {
        var gw = grad[base.params + L.b + o];
        for (var k = 0u; k < L.fanIn; k++) {
          gw += grad[base.params + L.w + o * L.fanIn + k] * acts[base.acts + L.inOff + i * L.fanIn + k];
        }
        s += deltas[base.deltas + L.deltaOff + i * L.fanOut + o] * gw;
      }
    }
  }
  red[li] = s;
  workgroupBarrier();
  for (var h = WG / 2u; h > 0u; h >>= 1u) {
    if (li < h) { red[li] += red[li + h]; }
    workgroupBarrier();
  }
  if (li == 0u && i < net.rows) { perSample[base.rows + i].z = red[0]; }
}
