// sampleNorm.wgsl: the exact per-sample gradient norm from the kept δ's and activations (library:
// no bindings, no entry point); mirrors the sampleGradNormSq sum of src/math/mlp.ts backward().
// The including kernel declares acts and deltas (weightGrad.wgsl; stepLoop.wgsl through rowPass.wgsl).

/** ‖g_i‖² = Σ_l ‖δ_l,i‖² (‖a_{l−1},i‖² + 1), layers last to first as backward() accumulates. */
fn sampleGradNormSq(i: u32, model: u32) -> f32 {
  let base = modelBase(model);
  var normSq = 0.0;
  for (var l = net.layerCount; l > 0u; l--) {
    let L = net.layers[l - 1u];
    var dd = 0.0;
    var aa = 1.0; // the "+1" is the bias input
    for (var o = 0u; o < L.fanOut; o++) {
      let d = deltas[base.deltas + L.deltaOff + i * L.fanOut + o];
      dd += d * d;
    }
    for (var k = 0u; k < L.fanIn; k++) {
      let a = acts[base.acts + L.inOff + i * L.fanIn + k];
      aa += a * a;
    }
    normSq += dd * aa;
  }
  return normSq;
}
