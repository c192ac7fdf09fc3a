// adamUpdate.wgsl: one Adam update of parameter k (library: no bindings, no entry point); mirrors
// src/math/adam.ts adamUpdate(), with learningRate() (common.wgsl) at the GPU step counter.
// The including kernel declares state, theta and moments (adamStep.wgsl, stepLoop.wgsl).

/** θ_k ← θ_k − lr (m̂ / (√v̂ + ε) + λ θ_k) for mean gradient g; moments m at [0, P), v at [P, 2P). */
fn adamUpdate(k: u32, model: u32, g: f32) {
  let P = net.paramCount;
  let pb = modelBase(model).params;
  let mb = 2u * model * P;
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
}
