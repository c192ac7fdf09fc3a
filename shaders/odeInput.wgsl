// odeInput.wgsl: the point at which one ODE stage evaluates the learned field, and layer 0 there.
// Mirrors src/math/ode.ts odeStep() (stage point x + hc · k_{j−1}: axpy) and src/math/mlp.ts
// velocity()/writeInput() + forward() layer 0 (layer0.wgsl).
// Stage from `stage` (dynamic offset). Reads theta, ode (per model 5n points: x at [0, n), k_j at
// [(1 + j)·n, …)); writes acts (input rows X and a_0). zs is bound but not written (NO_OFFSET).
// Dispatch ceil(n / ROWS) × 1 × models, WG threads (the first ROWS build one input row each).

@group(1) @binding(0) var<storage, read> theta: array<f32>;
@group(1) @binding(1) var<storage, read> ode: array<vec2<f32>>;
@group(1) @binding(2) var<storage, read_write> acts: array<f32>;
@group(1) @binding(3) var<storage, read_write> zs: array<f32>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let model = wid.z;
  let row0 = wid.x * ROWS;
  let i = row0 + lid.x;
  let n = net.rows;
  let ob = model * 5u * n;
  // no early return: every thread must reach the barrier before layer0Forward
  if (lid.x < ROWS && i < n) {
    var y = ode[ob + i];
    if (stage.stage > 0u) { y = y + stage.hc * ode[ob + stage.stage * n + i]; }
    let inOff = modelBase(model).acts + net.layers[0].inOff;
    for (var j = 0u; j < net.inputDim; j++) {
      let f = inputFeature(y, stage.t, j);
      xin[lid.x * MAX_INPUT + j] = f;
      acts[inOff + i * net.inputDim + j] = f;
    }
  }
  workgroupBarrier();
  layer0Forward(row0, lid.x, model);
}
