// adamStep.wgsl: one Adam update per parameter, after summing the S chunk partials of the batch
// gradient in chunk order; mirrors src/math/adam.ts adamUpdate() with learningRate() computed
// here from the GPU step counter (K steps per submit need no CPU round trip).
// Reads state[model].step, gradPartials; writes theta, moments (per model m at [0, P), v at
// [P, 2P)), grad (ḡ, kept for the per-bin values), gsqPartials[job] = Σ ḡ_k² over the workgroup
// (tree, fixed order). Dispatch flattened 2-D over ceil(P / WG) workgroups × models, WG threads.

override WG: u32 = 256;

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
  let pb = model * P;
  let mb = 2u * model * P;
  var gsq = 0.0;
  // no early return: every thread must reach the reduction's barriers
  if (k < P) {
    var g = 0.0;
    for (var s = 0u; s < net.splitCount; s++) { g += gradPartials[(model * net.splitCount + s) * P + k]; }
    g *= net.invRows;
    grad[pb + k] = g;
    let step = state[model].step;
    let lr = learningRate(step);
    let c1 = 1.0 - pow(live.beta1, f32(step + 1u));
    let c2 = 1.0 - pow(live.beta2, f32(step + 1u));
    let m = live.beta1 * moments[mb + k] + (1.0 - live.beta1) * g;
    let v = live.beta2 * moments[mb + P + k] + (1.0 - live.beta2) * g * g;
    moments[mb + k] = m;
    moments[mb + P + k] = v;
    let update = (m / c1) / (sqrt(v / c2) + live.eps);
    theta[pb + k] = theta[pb + k] - lr * (update + live.weightDecay * theta[pb + k]);
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
