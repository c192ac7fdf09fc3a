// finalizeStep.wgsl: closes one training step: sums the partials in a fixed order and writes its
// metrics record through sumAndCloseStep() (stepRecord.wgsl; mirrors src/math/metrics.ts
// gradVarTrace()).
// Reads statsPartials (Σ‖g_i‖², Σℓ_i per workgroup), gsqPartials (‖ḡ‖² per workgroup);
// writes records[step − baseStep], state[model].step += 1, state[model].meanGradNormSq.
// Dispatch 1 × 1 × models, WG threads.

override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> statsPartials: array<vec2<f32>>;
@group(1) @binding(1) var<storage, read> gsqPartials: array<f32>;
@group(1) @binding(2) var<storage, read_write> records: array<u32>;
@group(1) @binding(3) var<storage, read_write> state: array<TrainState>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let model = wid.z;
  let sp = model * net.statsJobs;
  let gp = model * net.adamJobs;
  var s = vec3<f32>(0.0);
  for (var j = li; j < net.statsJobs; j += WG) { s = vec3<f32>(s.xy + statsPartials[sp + j], s.z); }
  for (var j = li; j < net.adamJobs; j += WG) { s.z += gsqPartials[gp + j]; }
  sumAndCloseStep(model, li, s);
}
