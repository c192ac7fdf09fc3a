// batchForward.wgsl: draws one training batch and runs layer 0 on it.
// Mirrors src/math/batch.ts sampleBatch() (key (seed, Stream.batch, step, i): t from word 0,
// clipped by interpolantTime, pair index word 1 % N, ε by Box–Muller of words 2, 3; interpolate())
// and the l = 0 iteration of src/math/mlp.ts forward() (layer0.wgsl).
// Every model draws the same t, pair and ε (common random numbers); only its σ differs.
// Reads pairs, theta, state[model].step; writes acts (input rows X and a_0), zs (z_0),
// samples[i] = (u_t, t, pair index). Dispatch ceil(B / ROWS) × 1 × models, WG threads (the first
// ROWS draw one sample each, then all run layer 0).

@group(1) @binding(0) var<storage, read> pairs: array<vec4<f32>>; // (x0, y0, x1, y1) per pair
@group(1) @binding(1) var<storage, read> theta: array<f32>;
@group(1) @binding(2) var<storage, read> state: array<TrainState>;
@group(1) @binding(3) var<storage, read_write> acts: array<f32>;
@group(1) @binding(4) var<storage, read_write> zs: array<f32>;
@group(1) @binding(5) var<storage, read_write> samples: array<vec4<f32>>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let model = wid.z;
  let row0 = wid.x * ROWS;
  let i = row0 + lid.x;
  // no early return: every thread must reach the barrier before layer0Forward
  if (lid.x < ROWS && i < net.rows) {
    let w = pcg4d(live.seed, STREAM_BATCH, state[model].step, i);
    let t = interpolantTime(live.interpolant, toUniform(w.x));
    let k = toIndex(w.y, live.pairCount);
    let eps = boxMuller(w.z, w.w);
    let pair = pairs[k];
    let s = interpolate(live.interpolant, sigmaOf(model), t, pair.xy, pair.zw, eps);
    let inOff = model * net.actsStride + net.layers[0].inOff;
    for (var j = 0u; j < net.inputDim; j++) {
      let f = inputFeature(s.xt, t, j);
      xin[lid.x * MAX_INPUT + j] = f;
      acts[inOff + i * net.inputDim + j] = f;
    }
    samples[model * net.rows + i] = vec4<f32>(s.ut, t, f32(k));
  }
  workgroupBarrier();
  layer0Forward(row0, lid.x, model);
}
