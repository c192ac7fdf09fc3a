// rowPass.wgsl: forward, loss and backward of one tile of ROWS training samples by WG threads, all
// layers in one go (library: no entry point). Every step of it is row-local, so one workgroup
// needs no other workgroup's results; layers hand over through storage (acts, zs, deltas, which
// weightGrad and gradDotMean read next) behind a storageBarrier.
// Mirrors src/math/batch.ts sampleBatch() (drawRows), src/math/mlp.ts forward() (layer0Forward of
// layer0.wgsl, hiddenForward) and backward() (hiddenBackward), src/math/trainStep.ts
// batchGradient() (outputRows: ℓ_i = ‖v_i − u_i‖², dOut = 2(v_i − u_i)).
// Declares the row buffers its two kernels (trainRows.wgsl, stepLoop.wgsl) bind alike, at group-1
// bindings 0 and 3–7; each kernel declares theta and state at 1–2 itself (read-only in trainRows,
// written by stepLoop's Adam update and closeStep) and puts rng.wgsl and layer0.wgsl (xin, ROWS,
// WG) before this file.

@group(1) @binding(0) var<storage, read> pairs: array<vec4<f32>>; // (x0, y0, x1, y1) per pair
@group(1) @binding(3) var<storage, read_write> acts: array<f32>;
@group(1) @binding(4) var<storage, read_write> zs: array<f32>;
@group(1) @binding(5) var<storage, read_write> samples: array<vec4<f32>>;
@group(1) @binding(6) var<storage, read_write> deltas: array<f32>;
@group(1) @binding(7) var<storage, read_write> perSample: array<vec4<f32>>;

var<workgroup> partial: array<vec2<f32>, WG>;
var<workgroup> dOut: array<vec2<f32>, ROWS>;

/** Orders the storage writes of one phase before the reads of the next (same workgroup). */
fn phaseBarrier() {
  storageBarrier();
  workgroupBarrier();
}

/** Rows row0… of the batch: x_t into xin and acts, samples[i] = (u_t, t, pair index); mirrors sampleBatch(). */
fn drawRows(row0: u32, lid: u32, model: u32) {
  let i = row0 + lid;
  if (lid < ROWS && i < net.rows) {
    // models of one seed draw the same t, pair and ε (common random numbers); only their σ differs
    let w = pcg4d(seedOf(model), STREAM_BATCH, state[model].step, i);
    let t = interpolantTime(live.interpolant, toUniform(w.x));
    let k = toIndex(w.y, live.pairCount);
    let eps = boxMuller(w.z, w.w);
    let pair = pairs[pairBaseOf(model) + k];
    let s = interpolate(live.interpolant, sigmaOf(model), t, pair.xy, pair.zw, eps);
    let base = modelBase(model);
    let inOff = base.acts + net.layers[0].inOff;
    for (var j = 0u; j < net.inputDim; j++) {
      let f = inputFeature(s.xt, t, j);
      xin[lid * MAX_INPUT + j] = f;
      acts[inOff + i * net.inputDim + j] = f;
    }
    samples[base.rows + i] = vec4<f32>(s.ut, t, f32(k));
  }
}

/** Hidden layer l ≥ 1 on rows row0…: z = b + W a_{l−1} (k in order), a = act(z); mirrors forward(). */
fn hiddenForward(l: u32, row0: u32, lid: u32, model: u32) {
  let L = net.layers[l];
  let base = modelBase(model);
  let n = min(ROWS, net.rows - row0);
  for (var e = lid; e < n * L.fanOut; e += WG) {
    let i = row0 + e / L.fanOut;
    let o = e % L.fanOut;
    var z = theta[base.params + L.b + o];
    for (var k = 0u; k < L.fanIn; k++) {
      z += theta[base.params + L.w + o * L.fanIn + k] * acts[base.acts + L.inOff + i * L.fanIn + k];
    }
    zs[base.zs + L.zOff + i * L.fanOut + o] = z;
    acts[base.acts + L.outOff + i * L.fanOut + o] = act(z);
  }
}

/**
 * The linear output layer, the loss and δ_{L−1}, δ_{L−2}: LANES = WG / ROWS threads per sample
 * form strided partial dot products (added in lane order), then the workgroup walks (sample, k).
 */
fn outputRows(row0: u32, lid: u32, model: u32) {
  let L = net.layers[net.layerCount - 1u];
  let P = net.layers[net.layerCount - 2u];
  let base = modelBase(model);
  let K = L.fanIn;
  let lanes = WG / ROWS;
  let rowA = row0 + lid / lanes;
  var v = vec2<f32>(0.0);
  if (rowA < net.rows) {
    for (var k = lid % lanes; k < K; k += lanes) {
      let a = acts[base.acts + L.inOff + rowA * K + k];
      v += vec2<f32>(theta[base.params + L.w + k], theta[base.params + L.w + K + k]) * a;
    }
  }
  partial[lid] = v;
  workgroupBarrier();
  let i = row0 + lid;
  if (lid < ROWS && i < net.rows) {
    var out = vec2<f32>(theta[base.params + L.b], theta[base.params + L.b + 1u]);
    for (var j = 0u; j < lanes; j++) { out += partial[lid * lanes + j]; }
    let r = out - samples[base.rows + i].xy;
    let d = 2.0 * r;
    deltas[base.deltas + L.deltaOff + 2u * i] = d.x;
    deltas[base.deltas + L.deltaOff + 2u * i + 1u] = d.y;
    // ‖g_i‖² and g_i·ḡ are filled by weightGrad and gradDotMean
    perSample[base.rows + i] = vec4<f32>(r.x * r.x + r.y * r.y, 0.0, 0.0, 0.0);
    dOut[lid] = d;
  }
  workgroupBarrier();
  let n = min(ROWS, net.rows - row0);
  for (var e = lid; e < n * K; e += WG) {
    let rr = e / K;
    let k = e % K;
    let g = dOut[rr];
    let back = g.x * theta[base.params + L.w + k] + g.y * theta[base.params + L.w + K + k];
    let row = (row0 + rr) * K + k;
    deltas[base.deltas + P.deltaOff + row] = back * actDeriv(zs[base.zs + P.zOff + row]);
  }
}

/** δ_{l−1} = (δ_l W_l) ⊙ act'(z_{l−1}) on rows row0… (k in order); mirrors the `next` loop of backward(). */
fn hiddenBackward(l: u32, row0: u32, lid: u32, model: u32) {
  let L = net.layers[l];
  let P = net.layers[l - 1u];
  let base = modelBase(model);
  let n = min(ROWS, net.rows - row0);
  for (var e = lid; e < n * L.fanIn; e += WG) {
    let i = row0 + e / L.fanIn;
    let c = e % L.fanIn;
    var s = 0.0;
    for (var k = 0u; k < L.fanOut; k++) {
      s += deltas[base.deltas + L.deltaOff + i * L.fanOut + k] * theta[base.params + L.w + k * L.fanIn + c];
    }
    deltas[base.deltas + P.deltaOff + i * L.fanIn + c] = s * actDeriv(zs[base.zs + P.zOff + i * L.fanIn + c]);
  }
}

/** The whole row pass of rows row0… (row0 < net.rows; uniform across the workgroup). */
fn trainRows(row0: u32, lid: u32, model: u32) {
  drawRows(row0, lid, model);
  workgroupBarrier();
  layer0Forward(row0, lid, model);
  phaseBarrier();
  for (var l = 1u; l + 1u < net.layerCount; l++) {
    hiddenForward(l, row0, lid, model);
    phaseBarrier();
  }
  outputRows(row0, lid, model);
  phaseBarrier();
  for (var l = net.layerCount - 2u; l >= 1u; l--) {
    hiddenBackward(l, row0, lid, model);
    phaseBarrier();
  }
}
