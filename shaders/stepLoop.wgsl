// stepLoop.wgsl: live.loopSteps whole training steps in ONE dispatch, one workgroup per model, for
// small runs (batch ≤ LOOP_MAX_BATCH, width ≤ LOOP_MAX_WIDTH in src/engine/gpuLayout.ts), where a
// step is too little work to pay for 4 dispatches. Each step: the row pass over every tile of the
// batch (rowPass.wgsl trainRows), then per parameter the batch gradient summed in sample order
// (batchGrad.wgsl) and
// its Adam update (adamUpdate.wgsl), per sample ‖g_i‖² (sampleNorm.wgsl), then the sums over the
// workgroup close the step (stepRecord.wgsl sumAndCloseStep, as finalizeStep does). Mirrors
// src/math/trainStep.ts batchGradient() and src/math/adam.ts adamUpdate(), step after step, as
// src/engine/cpuTrainer.ts runs them.
// θ, moments and the work rows stay in storage: θ of the largest small model (width 64, depth 3:
// 8 770 floats, 35 KiB) exceeds the 16 KiB maxComputeWorkgroupStorageSize default. Phases hand
// over through storageBarrier (one workgroup: every reader sees every earlier write).
// Reads pairs; reads and writes state, theta, moments; writes acts, zs, samples, deltas,
// perSample (ℓ_i, ‖g_i‖², 0, 0), records. ḡ is not kept: loopGrad.wgsl rebuilds the last step's
// from its acts and deltas when the per-bin values are wanted, so the kernel binds 10 storage
// buffers, the most Chrome offers on common GPUs (maxStorageBuffersPerShaderStage).
// Dispatch 1 × 1 × models, WG threads.

// pairs at binding 0 and acts … perSample at 3–7: rowPass.wgsl
@group(1) @binding(1) var<storage, read_write> theta: array<f32>;
@group(1) @binding(2) var<storage, read_write> state: array<TrainState>;
@group(1) @binding(8) var<storage, read_write> moments: array<f32>;
@group(1) @binding(9) var<storage, read_write> records: array<u32>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let model = wid.z;
  let base = modelBase(model);
  for (var s = 0u; s < live.loopSteps; s++) {
    for (var row0 = 0u; row0 < net.rows; row0 += ROWS) {
      trainRows(row0, li, model);
    }
    var sums = vec3<f32>(0.0);
    for (var k = li; k < net.paramCount; k += WG) {
      let g = batchGradAt(k, model) * net.invRows;
      adamUpdate(k, model, g);
      sums.z += g * g;
    }
    for (var i = li; i < net.rows; i += WG) {
      let normSq = sampleGradNormSq(i, model);
      perSample[base.rows + i].y = normSq;
      sums = vec3<f32>(sums.x + normSq, sums.y + perSample[base.rows + i].x, sums.z);
    }
    sumAndCloseStep(model, li, sums);
    // the next step reads the new θ and step counter
    phaseBarrier();
  }
}
