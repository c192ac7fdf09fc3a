// adamStep.wgsl: one Adam update per parameter, after summing the S chunk partials of the batch
// gradient in chunk order; adamUpdate() (adamUpdate.wgsl) mirrors src/math/adam.ts adamUpdate()
// with learningRate() at the GPU step counter (K steps per submit need no CPU round trip).
// Reads state[model].step, gradPartials; writes theta, moments (per model m at [0, P), v at
// [P, 2P)), grad (ḡ, kept for the per-bin values), gsqPartials[job] = Σ ḡ_k² over the workgroup
// (tree, fixed order). Dispatch flattened 2-D over ceil(P / WG) workgroups × models, WG threads.

override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> state: array<TrainState>;
@group(1) @binding(1) var<storage, read> gradPartials: array<f32>;
@group(1) @binding(2) var<storage, read_write> theta: array<f32>;
@group(1) @binding(3) var<storage, read_write> moments: array<f32>;
@group(1) @binding(4) var<storage, read_write> grad: array<f32>;
@group(1) @binding(5) var<storage, read_write> gsqPartials: array<f32>;

var<workgroup> red: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let job = wid.x + wid.y * nwg.x;
  let model = wid.z;
  let P = net.paramCount;
  let k = job * WG + li;
  var gsq = 0.0;
  // no early return: every thread must reach the reduction's barriers
  if (k < P) {
    var g = 0.0;
    for (var s = 0u; s < net.splitCount; s++) { g += gradPartials[(model * net.splitCount + s) * P + k]; }
    g *= net.invRows;
    grad[modelBase(model).params + k] = g;
    adamUpdate(k, model, g);
    gsq = g * g;
  }
  red[li] = gsq;
  workgroupBarrier();
  for (var h = WG / 2u; h > 0u; h >>= 1u) {
    if (li < h) { red[li] += red[li + h]; }
    workgroupBarrier();
  }
  if (li == 0u && job < net.adamJobs) { gsqPartials[model * net.adamJobs + job] = red[0]; }
}
