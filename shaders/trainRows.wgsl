// trainRows.wgsl: the batch draw, forward pass, loss and backward pass of a training step for
// every layer in one dispatch (rowPass.wgsl trainRows(); mirrors src/math/trainStep.ts
// batchGradient() up to the weight gradients). Replaces one dispatch per layer and direction.
// Reads pairs, theta, state[model].step; writes acts (X, a_0 … a_{L−2}), zs, samples
// (u_t, t, pair index), deltas (δ_0 … δ_{L−1}), perSample[i] = (ℓ_i, 0, 0, 0).
// Dispatch ceil(B / ROWS) × 1 × models, WG threads; the workgroup owns rows wid.x · ROWS…

// pairs at binding 0 and acts … perSample at 3–7: rowPass.wgsl
@group(1) @binding(1) var<storage, read> theta: array<f32>;
@group(1) @binding(2) var<storage, read> state: array<TrainState>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  // no early return: the row pass has barriers; the grid has exactly ceil(B / ROWS) tiles
  trainRows(wid.x * ROWS, lid.x, wid.z);
}
