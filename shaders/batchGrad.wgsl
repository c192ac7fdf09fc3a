// batchGrad.wgsl: the batch gradient of one parameter from a step's stored acts and deltas, summed
// over the samples in order (library: no bindings, no entry point). The including kernel declares
// acts and deltas (stepLoop.wgsl through rowPass.wgsl, loopGrad.wgsl).

/** Σ_i ∂ℓ_i/∂θ_k over the batch in sample order (before the 1/B); mirrors the grad sums of backward(). */
fn batchGradAt(k: u32, model: u32) -> f32 {
  var l = 0u;
  for (var j = 1u; j < net.layerCount; j++) {
    if (k >= net.layers[j].w) { l = j; }
  }
  let L = net.layers[l];
  let base = modelBase(model);
  var g = 0.0;
  if (k >= L.b) {
    let o = k - L.b;
    for (var i = 0u; i < net.rows; i++) { g += deltas[base.deltas + L.deltaOff + i * L.fanOut + o]; }
  } else {
    let o = (k - L.w) / L.fanIn;
    let c = (k - L.w) % L.fanIn;
    for (var i = 0u; i < net.rows; i++) {
      g += deltas[base.deltas + L.deltaOff + i * L.fanOut + o] * acts[base.acts + L.inOff + i * L.fanIn + c];
    }
  }
  return g;
}
