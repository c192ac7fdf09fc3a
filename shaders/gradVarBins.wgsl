// gradVarBins.wgsl: per-t-bin mean of ‖g_i − ḡ‖² = ‖g_i‖² − 2 g_i·ḡ + ‖ḡ‖² over the last batch;
// mirrors src/math/metrics.ts gradVarByT() (and tBin()).
// Reads samples (t), perSample (‖g_i‖², g_i·ḡ), state[model].meanGradNormSq; writes bins[b] =
// (mean, count) (count 0: empty bin, reported as NaN by the host).
// Dispatch 1 × 1 × models, WG threads: thread j sums samples j, j + WG, … into private bins, then
// one tree per bin (fixed order).

override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> samples: array<vec4<f32>>;
@group(1) @binding(1) var<storage, read> perSample: array<vec4<f32>>;
@group(1) @binding(2) var<storage, read> state: array<TrainState>;
@group(1) @binding(3) var<storage, read_write> bins: array<vec2<f32>>;

var<workgroup> red: array<vec2<f32>, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let model = wid.z;
  let sb = modelBase(model).rows;
  var sums: array<f32, T_BINS>;
  var counts: array<f32, T_BINS>;
  let gsq = state[model].meanGradNormSq;
  for (var i = li; i < net.rows; i += WG) {
    let b = tBin(samples[sb + i].z);
    let p = perSample[sb + i];
    sums[b] += p.y - 2.0 * p.z + gsq;
    counts[b] += 1.0;
  }
  for (var b = 0u; b < T_BINS; b++) {
    red[li] = vec2<f32>(sums[b], counts[b]);
    workgroupBarrier();
    for (var h = WG / 2u; h > 0u; h >>= 1u) {
      if (li < h) { red[li] += red[li + h]; }
      workgroupBarrier();
    }
    if (li == 0u) {
      let total = red[0];
      bins[model * T_BINS + b] = vec2<f32>(select(0.0, total.x / total.y, total.y > 0.0), total.y);
    }
    workgroupBarrier();
  }
}
