// stepRecord.wgsl: closes a training step from its three sums (library: no bindings, no entry
// point); mirrors src/math/metrics.ts gradVarTrace() and the loss of src/math/trainStep.ts
// batchGradient(). The including kernel (finalizeStep.wgsl, stepLoop.wgsl) declares records and
// state, sizes WG and runs one workgroup per model. Record words: RECORD_* below, the same names
// as RECORD_FIELDS in src/engine/gpuLayout.ts.

const RECORD_WORDS: u32 = 8u; // 5 fields, 3 zero words: 32-byte records
const RECORD_STEP: u32 = 0u;         // steps taken after this one (u32)
const RECORD_LOSS: u32 = 1u;
const RECORD_GRAD_VAR: u32 = 2u;
const RECORD_MEAN_GRAD_NORM_SQ: u32 = 3u;
const RECORD_SIGMA: u32 = 4u;

var<workgroup> red: array<vec3<f32>, WG>;

/**
 * sums = (Σ‖g_i‖², Σℓ_i, ‖ḡ‖²): writes records[step − baseStep] of `model` (if it fits the
 * records buffer), state[model].meanGradNormSq and state[model].step + 1. One thread per model.
 */
fn closeStep(model: u32, sums: vec3<f32>) {
  let B = f32(net.rows);
  let loss = sums.y * net.invRows;
  let meanGradNormSq = sums.z;
  var gradVar = 0.0;
  if (net.rows >= 2u) { gradVar = (B / (B - 1.0)) * (sums.x / B - meanGradNormSq); }
  let step = state[model].step;
  let slot = step - live.baseStep;
  if ((slot + 1u) * RECORD_WORDS <= net.recordStride) {
    let o = model * net.recordStride + slot * RECORD_WORDS;
    records[o + RECORD_STEP] = step + 1u;
    records[o + RECORD_LOSS] = bitcast<u32>(loss);
    records[o + RECORD_GRAD_VAR] = bitcast<u32>(gradVar);
    records[o + RECORD_MEAN_GRAD_NORM_SQ] = bitcast<u32>(meanGradNormSq);
    records[o + RECORD_SIGMA] = bitcast<u32>(sigmaOf(model));
    for (var w = RECORD_SIGMA + 1u; w < RECORD_WORDS; w++) { records[o + w] = 0u; }
  }
  state[model].step = step + 1u;
  state[model].meanGradNormSq = meanGradNormSq;
}

/**
 * Each thread's partial sums (Σ‖g_i‖², Σℓ_i, ‖ḡ‖²) added over the workgroup by a tree (fixed
 * order: the same bits run to run), then closeStep() on thread 0. Every thread must call it.
 */
fn sumAndCloseStep(model: u32, li: u32, sums: vec3<f32>) {
  red[li] = sums;
  workgroupBarrier();
  for (var h = WG / 2u; h > 0u; h >>= 1u) {
    if (li < h) { red[li] += red[li + h]; }
    workgroupBarrier();
  }
  if (li == 0u) { closeStep(model, red[0]); }
}
