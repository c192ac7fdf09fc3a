// loopGrad.wgsl: ḡ = (1/B) Σ_i ∂ℓ_i/∂θ of the last step the loop path took (stepLoop.wgsl keeps no
// gradient buffer), from that step's acts and deltas, before gradDotMean and gradVarBins need it;
// the same sums in the same order as the step's own Adam update (batchGrad.wgsl). Mirrors
// src/math/trainStep.ts batchGradient() (its mean gradient).
// Reads acts, deltas; writes grad. Dispatch flattened 2-D over ceil(P / WG) workgroups × models.

override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> acts: array<f32>;
@group(1) @binding(1) var<storage, read> deltas: array<f32>;
@group(1) @binding(2) var<storage, read_write> grad: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let model = wid.z;
  let k = (wid.x + wid.y * nwg.x) * WG + li;
  if (k < net.paramCount) { grad[modelBase(model).params + k] = batchGradAt(k, model) * net.invRows; }
}
