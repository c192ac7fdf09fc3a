// finalizeStep.wgsl: closes one training step: sums the partials in a fixed order and writes its
// metrics record; mirrors src/math/metrics.ts gradVarTrace() and the loss of trainStep.ts.
// Reads statsPartials (Σ‖g_i‖², Σℓ_i per workgroup), gsqPartials (‖ḡ‖² per workgroup);
// writes records[slot] = (step, loss, gradVar, ‖ḡ‖², σ, Σ‖g_i‖², 0, 0) with slot = step − baseStep,
// state[model].step += 1, state[model].meanGradNormSq. Dispatch 1 × 1 × models, WG threads.

override WG: u32 = 256;
const RECORD_WORDS: u32 = 8u;

@group(1) @binding(0) var<storage, read> statsPartials: array<vec2<f32>>;
@group(1) @binding(1) var<storage, read> gsqPartials: array<f32>;
@group(1) @binding(2) var<storage, read_write> records: array<u32>;
@group(1) @binding(3) var<storage, read_write> state: array<TrainState>;

var<workgroup> red: array<vec3<f32>, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let model = wid.z;
  let sp = model * net.statsJobs;
  let gp = model * net.adamJobs;
  var s = vec3<f32>(0.0);
  for (var j = li; j < net.statsJobs; j += WG) { s = vec3<f32>(s.xy + statsPartials[sp + j], s.z); }
  for (var j = li; j < net.adamJobs; j += WG) { s.z += gsqPartials[gp + j]; }
  red[li] = s;
  workgroupBarrier();
  for (var h = WG / 2u; h > 0u; h >>= 1u) {
    if (li < h) { red[li] += red[li + h]; }
    workgroupBarrier();
  }
  if (li != 0u) { return; }
  let total = red[0];
  let B = f32(net.rows);
  let loss = total.y * net.invRows;
  let meanGradNormSq = total.z;
  var gradVar = 0.0;
  if (net.rows >= 2u) { gradVar = (B / (B - 1.0)) * (total.x / B - meanGradNormSq); }
  let step = state[model].step;
  let slot = step - live.baseStep;
  if ((slot + 1u) * RECORD_WORDS <= net.recordStride) {
    let o = model * net.recordStride + slot * RECORD_WORDS;
    records[o] = step + 1u;
    records[o + 1u] = bitcast<u32>(loss);
    records[o + 2u] = bitcast<u32>(gradVar);
    records[o + 3u] = bitcast<u32>(meanGradNormSq);
    records[o + 4u] = bitcast<u32>(sigmaOf(model));
    records[o + 5u] = bitcast<u32>(total.x);
    records[o + 6u] = 0u;
    records[o + 7u] = 0u;
  }
  state[model].step = step + 1u;
  state[model].meanGradNormSq = meanGradNormSq;
}
