// odeOutput.wgsl: the linear output layer at the stage point (k_j = v_θ(y_j, t_j)) and, after the
// last stage, the step's update. Mirrors src/math/mlp.ts forward() (last layer) and
// src/math/ode.ts odeStep(): Euler x + h k1, Heun x + (h/2)(k1 + k2),
// RK4 x + (h/6)(k1 + 2 k2 + 2 k3 + k4); the new state is also stored as path row s + 1.
// Stage from `stage` (dynamic offset). Reads theta, acts (a_{L−1}), ode (x, k); writes ode
// (k_j; x after the last stage), path[pathRow · n + i] (per model (steps + 1) · n points).
// Dispatch ceil(n / WG) × 1 × models, WG threads (one particle each).

override WG: u32 = 64;

@group(1) @binding(0) var<storage, read> theta: array<f32>;
@group(1) @binding(1) var<storage, read> acts: array<f32>;
@group(1) @binding(2) var<storage, read_write> ode: array<vec2<f32>>;
@group(1) @binding(3) var<storage, read_write> path: array<vec2<f32>>;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  let n = net.rows;
  if (i >= n) { return; }
  let model = gid.z;
  let base = modelBase(model);
  let ob = model * 5u * n;
  let L = net.layers[net.layerCount - 1u];
  let K = L.fanIn;
  var v = vec2<f32>(theta[base.params + L.b], theta[base.params + L.b + 1u]);
  for (var k = 0u; k < K; k++) {
    let a = acts[base.acts + L.inOff + i * K + k];
    v += vec2<f32>(theta[base.params + L.w + k], theta[base.params + L.w + K + k]) * a;
  }
  let j = stage.stage;
  if (j + 1u < stage.stages) {
    ode[ob + (1u + j) * n + i] = v;
    return;
  }
  let x = ode[ob + i];
  let h = stage.h;
  var next: vec2<f32>;
  switch stage.method {
    case 0u: { next = x + h * v; }
    case 1u: { next = x + (h / 2.0) * (ode[ob + n + i] + v); }
    default: {
      next = x + (h / 6.0) * (ode[ob + n + i] + 2.0 * ode[ob + 2u * n + i] + 2.0 * ode[ob + 3u * n + i] + v);
    }
  }
  ode[ob + i] = next;
  path[model * (stage.steps + 1u) * n + stage.pathRow * n + i] = next;
}
