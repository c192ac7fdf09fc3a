// mlp.ts (AssemblyScript → WebAssembly, 128-bit SIMD): one training step of the velocity MLP
// on a batch, f32; mirrors src/math/mlp.ts forward()/backward()/sampleGradDotMean() and
// src/math/adam.ts adamUpdate(). Built by scripts/buildWasm.mjs; driven by src/engine/wasm/wasmMlp.ts.
//
// Nothing is allocated here: the driver lays out memory and writes a plan (i32 words, PLAN_*)
// that every entry point reads, so several instances on one shared memory (worker threads) run
// the same plan on different slices. Every row length is padded to a multiple of 4 floats with
// zeros (padded weights, biases and inputs are 0, and act(0) = 0 for every activation), so the
// SIMD loops never need a scalar tail and padding never changes a result.
//
// Determinism: the batch is cut into chunks of CHUNK rows and the chunks into a fixed number of
// slices; each slice sums its chunks in order into its own gradient, and reduce() adds the slices
// in order. Which thread runs a slice does not change any number.

// ---- plan words (offsets in i32 units from the plan pointer) ----
const PLAN_LAYERS = 0;     // number of layers L (hidden + output)
const PLAN_BATCH = 1;      // batch size B
const PLAN_SLICES = 2;     // number of slices S
const PLAN_ACT = 3;        // activation id (src/math/activations.ts ACTIVATION_ID)
const PLAN_TARGET = 4;     // ptr: targets, B × 2
const PLAN_LOSS = 5;       // ptr: per-sample loss ℓ_i, B
const PLAN_NORMSQ = 6;     // ptr: per-sample ‖g_i‖², B
const PLAN_DOT = 7;        // ptr: per-sample g_i·ḡ, B
const PLAN_SLICEGRAD = 8;  // ptr: S gradients in the padded layout, each PADDED floats
const PLAN_PADDED = 9;     // floats in the padded parameter layout
const PLAN_THETA = 10;     // ptr: θ in the padded layout (W_l outP × inP, then b_l outP)
const PLAN_MEANGRAD = 11;  // ptr: ḡ in the padded layout
const PLAN_LAYER0 = 16;    // first layer record
// layer record words
const L_IN = 0;       // inP: padded fan-in
const L_OUT = 1;      // outP: padded fan-out
const L_FANIN = 2;    // true fan-in
const L_FANOUT = 3;   // true fan-out
const L_W = 4;        // float offset of W_l in the padded layout
const L_B = 5;        // float offset of b_l in the padded layout
const L_FLATW = 6;    // float offset of W_l in the flat layout of src/math/mlp.ts
const L_FLATB = 7;    // float offset of b_l in the flat layout
const L_WT = 8;       // ptr: Wᵀ (inP × outP), rebuilt by pack()
const L_A = 9;        // ptr: layer input a_{l−1}, B4 × inP (layer 0: the network input)
const L_Z = 10;       // ptr: layer output: a_l (hidden) or v (output layer), B4 × outP
const L_DACT = 11;    // ptr: act'(z_l), B4 × outP (hidden layers)
const L_DELTA = 12;   // ptr: δ_l = ∂ℓ_i/∂z_l, B4 × outP
const L_WORDS = 16;

/** Rows per chunk: a multiple of the 4-row register block; a chunk's activations stay in L1/L2. */
export const CHUNK: i32 = 64;

@inline function word(plan: usize, k: i32): i32 { return load<i32>(plan + (<usize>k << 2)); }
@inline function layerWord(plan: usize, l: i32, k: i32): i32 { return word(plan, PLAN_LAYER0 + l * L_WORDS + k); }
@inline function ptr(plan: usize, k: i32): usize { return <usize>word(plan, k); }
@inline function layerPtr(plan: usize, l: i32, k: i32): usize { return <usize>layerWord(plan, l, k); }
@inline function at(base: usize, index: i32): usize { return base + (<usize>index << 2); }

// ---- activations (mirror src/math/activations.ts) ----
const GELU_K: f32 = 0.7978845608028654; // √(2/π)

// e^x on 4 lanes (Cephes expf: range reduction by ln 2, degree-5 polynomial; relative error
// ~2e-7 on [−87, 88], inputs clamped there); the same lanes give the same bits on every machine.
@inline function exp4(x: v128): v128 {
  x = f32x4.min(f32x4.max(x, f32x4.splat(-87.0)), f32x4.splat(88.0));
  const n = f32x4.floor(f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504088896341)), f32x4.splat(0.5)));
  x = f32x4.sub(f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375))), f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let y = f32x4.splat(1.9875691500e-4);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, f32x4.mul(x, x)), x), f32x4.splat(1));
  const pow2n = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, pow2n);
}

/**
 * a = act(z) in place over `count` floats (a multiple of 4), and act'(z) into `d` when `keep`.
 * SiLU runs 4 lanes at a time with one e^−z for both; the others share one tanh per element.
 */
function activate(id: i32, z: usize, d: usize, count: i32, keep: bool): void {
  if (id == 0) {
    const one = f32x4.splat(1);
    for (let k = 0; k < count; k += 4) {
      const zk = v128.load(at(z, k));
      const s = f32x4.div(one, f32x4.add(one, exp4(f32x4.neg(zk))));
      v128.store(at(z, k), f32x4.mul(zk, s));
      if (keep) v128.store(at(d, k), f32x4.mul(s, f32x4.add(one, f32x4.mul(zk, f32x4.sub(one, s)))));
    }
    return;
  }
  for (let k = 0; k < count; k++) {
    const zk = load<f32>(at(z, k));
    let a: f32, da: f32;
    if (id == 1) { a = zk > 0 ? zk : 0; da = zk > 0 ? 1 : 0; }
    else if (id == 2) { const t = Mathf.tanh(zk); a = t; da = 1 - t * t; }
    else {
      const t = Mathf.tanh(GELU_K * (zk + 0.044715 * zk * zk * zk));
      a = 0.5 * zk * (1 + t);
      da = 0.5 * (1 + t) + 0.5 * zk * (1 - t * t) * GELU_K * (1 + 3 * 0.044715 * zk * zk);
    }
    store<f32>(at(z, k), a);
    if (keep) store<f32>(at(d, k), da);
  }
}

// ---- the two matrix kernels (4 × 8 register blocks, k innermost) ----

/**
 * C[m, n] = init[n] + Σ_k X[m, k] · Y[k, n] for m < M (multiple of 4), n < N (multiple of 4);
 * X is M × K (row stride ldx), Y is K × N (row stride N), C is M × N. init = 0 when bias is 0.
 * Columns in blocks of 8 outermost, so a K × 8 strip of Y stays in L1 while the rows stream.
 */
function gemmNN(c: usize, x: usize, y: usize, bias: usize, M: i32, N: i32, K: i32, ldx: i32): void {
  const rowX = <usize>ldx << 2, rowY = <usize>N << 2;
  let n = 0;
  for (; n + 8 <= N; n += 8) {
    const b0 = bias ? v128.load(at(bias, n)) : f32x4.splat(0);
    const b1 = bias ? v128.load(at(bias, n + 4)) : f32x4.splat(0);
    for (let m = 0; m < M; m += 4) {
      let c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1;
      let px = x + <usize>m * rowX, py = at(y, n);
      for (let k = 0; k < K; k++) {
        const y0 = v128.load(py), y1 = v128.load(py, 16);
        const x0 = v128.load32_splat(px), x1 = v128.load32_splat(px + rowX);
        const x2 = v128.load32_splat(px + 2 * rowX), x3 = v128.load32_splat(px + 3 * rowX);
        c00 = f32x4.add(c00, f32x4.mul(x0, y0)); c01 = f32x4.add(c01, f32x4.mul(x0, y1));
        c10 = f32x4.add(c10, f32x4.mul(x1, y0)); c11 = f32x4.add(c11, f32x4.mul(x1, y1));
        c20 = f32x4.add(c20, f32x4.mul(x2, y0)); c21 = f32x4.add(c21, f32x4.mul(x2, y1));
        c30 = f32x4.add(c30, f32x4.mul(x3, y0)); c31 = f32x4.add(c31, f32x4.mul(x3, y1));
        px += 4; py += rowY;
      }
      const pc = c + (<usize>(m * N + n) << 2);
      v128.store(pc, c00); v128.store(pc, c01, 16);
      v128.store(pc + rowY, c10); v128.store(pc + rowY, c11, 16);
      v128.store(pc + 2 * rowY, c20); v128.store(pc + 2 * rowY, c21, 16);
      v128.store(pc + 3 * rowY, c30); v128.store(pc + 3 * rowY, c31, 16);
    }
  }
  for (; n < N; n += 4) {
    const b0 = bias ? v128.load(at(bias, n)) : f32x4.splat(0);
    for (let m = 0; m < M; m += 4) {
      let c0 = b0, c1 = b0, c2 = b0, c3 = b0;
      let px = x + <usize>m * rowX, py = at(y, n);
      for (let k = 0; k < K; k++) {
        const y0 = v128.load(py);
        c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(px), y0));
        c1 = f32x4.add(c1, f32x4.mul(v128.load32_splat(px + rowX), y0));
        c2 = f32x4.add(c2, f32x4.mul(v128.load32_splat(px + 2 * rowX), y0));
        c3 = f32x4.add(c3, f32x4.mul(v128.load32_splat(px + 3 * rowX), y0));
        px += 4; py += rowY;
      }
      const pc = c + (<usize>(m * N + n) << 2);
      v128.store(pc, c0); v128.store(pc + rowY, c1); v128.store(pc + 2 * rowY, c2); v128.store(pc + 3 * rowY, c3);
    }
  }
}

/**
 * C[m, n] += Σ_k X[k, m] · Y[k, n]: the weight gradient dW[o, i] += Σ_rows δ[r, o] · a[r, i].
 * X is K × M (row stride M), Y is K × N (row stride N), C is M × N; M, N multiples of 4.
 */
function gemmTN(c: usize, x: usize, y: usize, M: i32, N: i32, K: i32): void {
  const rowX = <usize>M << 2, rowY = <usize>N << 2;
  let n = 0;
  for (; n + 8 <= N; n += 8) {
    for (let m = 0; m < M; m += 4) {
      const pc = c + (<usize>(m * N + n) << 2);
      let c00 = v128.load(pc), c01 = v128.load(pc, 16);
      let c10 = v128.load(pc + rowY), c11 = v128.load(pc + rowY, 16);
      let c20 = v128.load(pc + 2 * rowY), c21 = v128.load(pc + 2 * rowY, 16);
      let c30 = v128.load(pc + 3 * rowY), c31 = v128.load(pc + 3 * rowY, 16);
      let px = at(x, m), py = at(y, n);
      for (let k = 0; k < K; k++) {
        const y0 = v128.load(py), y1 = v128.load(py, 16);
        const x0 = v128.load32_splat(px), x1 = v128.load32_splat(px, 4);
        const x2 = v128.load32_splat(px, 8), x3 = v128.load32_splat(px, 12);
        c00 = f32x4.add(c00, f32x4.mul(x0, y0)); c01 = f32x4.add(c01, f32x4.mul(x0, y1));
        c10 = f32x4.add(c10, f32x4.mul(x1, y0)); c11 = f32x4.add(c11, f32x4.mul(x1, y1));
        c20 = f32x4.add(c20, f32x4.mul(x2, y0)); c21 = f32x4.add(c21, f32x4.mul(x2, y1));
        c30 = f32x4.add(c30, f32x4.mul(x3, y0)); c31 = f32x4.add(c31, f32x4.mul(x3, y1));
        px += rowX; py += rowY;
      }
      v128.store(pc, c00); v128.store(pc, c01, 16);
      v128.store(pc + rowY, c10); v128.store(pc + rowY, c11, 16);
      v128.store(pc + 2 * rowY, c20); v128.store(pc + 2 * rowY, c21, 16);
      v128.store(pc + 3 * rowY, c30); v128.store(pc + 3 * rowY, c31, 16);
    }
  }
  for (; n < N; n += 4) {
    for (let m = 0; m < M; m += 4) {
      const pc = c + (<usize>(m * N + n) << 2);
      let c0 = v128.load(pc), c1 = v128.load(pc + rowY), c2 = v128.load(pc + 2 * rowY), c3 = v128.load(pc + 3 * rowY);
      let px = at(x, m), py = at(y, n);
      for (let k = 0; k < K; k++) {
        const y0 = v128.load(py);
        c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(px), y0));
        c1 = f32x4.add(c1, f32x4.mul(v128.load32_splat(px, 4), y0));
        c2 = f32x4.add(c2, f32x4.mul(v128.load32_splat(px, 8), y0));
        c3 = f32x4.add(c3, f32x4.mul(v128.load32_splat(px, 12), y0));
        px += rowX; py += rowY;
      }
      v128.store(pc, c0); v128.store(pc + rowY, c1); v128.store(pc + 2 * rowY, c2); v128.store(pc + 3 * rowY, c3);
    }
  }
}

/** Σ of the squares of a row of n floats (n a multiple of 4), lanes added in a fixed order. */
@inline function rowNormSq(p: usize, n: i32): f32 {
  let acc = f32x4.splat(0);
  for (let k = 0; k < n; k += 4) { const v = v128.load(at(p, k)); acc = f32x4.add(acc, f32x4.mul(v, v)); }
  return f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
}

/** Σ a[k]·b[k] over n floats (n a multiple of 4). */
@inline function rowDot(a: usize, b: usize, n: i32): f32 {
  let acc = f32x4.splat(0);
  for (let k = 0; k < n; k += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(at(a, k)), v128.load(at(b, k))));
  return f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
}

// ---- per-chunk passes ----

/** Rows [r0, r0 + rows) of every layer: z = W a + b, a' = act(z), and act'(z) when `keep` (forward()). */
function forwardChunk(plan: usize, r0: i32, rows: i32, keep: bool): void {
  const L = word(plan, PLAN_LAYERS), act = word(plan, PLAN_ACT), theta = ptr(plan, PLAN_THETA);
  for (let l = 0; l < L; l++) {
    const inP = layerWord(plan, l, L_IN), outP = layerWord(plan, l, L_OUT);
    const a = at(layerPtr(plan, l, L_A), r0 * inP), z = at(layerPtr(plan, l, L_Z), r0 * outP);
    gemmNN(z, a, layerPtr(plan, l, L_WT), at(theta, layerWord(plan, l, L_B)), rows, outP, inP, inP);
    if (l == L - 1) break; // the output layer is linear
    activate(act, z, at(layerPtr(plan, l, L_DACT), r0 * outP), rows * outP, keep);
  }
}

/** Loss ℓ_i = ‖v_i − u_i‖² and δ_L = ∂ℓ_i/∂v_i = 2(v_i − u_i); padded rows get δ = 0. */
function lossChunk(plan: usize, r0: i32, rows: i32): void {
  const L = word(plan, PLAN_LAYERS), B = word(plan, PLAN_BATCH);
  const v = layerPtr(plan, L - 1, L_Z), delta = layerPtr(plan, L - 1, L_DELTA); // outP = 4
  const target = ptr(plan, PLAN_TARGET), loss = ptr(plan, PLAN_LOSS);
  for (let i = r0; i < r0 + rows; i++) {
    const d = at(delta, 4 * i);
    if (i >= B) { v128.store(d, f32x4.splat(0)); continue; }
    const rx = load<f32>(at(v, 4 * i)) - load<f32>(at(target, 2 * i));
    const ry = load<f32>(at(v, 4 * i + 1)) - load<f32>(at(target, 2 * i + 1));
    store<f32>(at(loss, i), rx * rx + ry * ry);
    v128.store(d, f32x4(2 * rx, 2 * ry, 0, 0));
  }
}

/**
 * Backward over the rows of one chunk (backward()): per-sample ‖g_i‖² = Σ_l ‖δ_l,i‖²(‖a_l−1,i‖² + 1),
 * dW_l += δ_lᵀ a_l−1 and db_l += Σ δ_l into `grad`, then δ_l−1 = (δ_l W_l) ⊙ act'(z_l−1).
 */
function backwardChunk(plan: usize, r0: i32, rows: i32, grad: usize): void {
  const L = word(plan, PLAN_LAYERS), B = word(plan, PLAN_BATCH);
  const theta = ptr(plan, PLAN_THETA), normSq = ptr(plan, PLAN_NORMSQ);
  const end = min(r0 + rows, B);
  for (let i = r0; i < end; i++) store<f32>(at(normSq, i), 0);
  for (let l = L - 1; l >= 0; l--) {
    const inP = layerWord(plan, l, L_IN), outP = layerWord(plan, l, L_OUT);
    const a = at(layerPtr(plan, l, L_A), r0 * inP), delta = at(layerPtr(plan, l, L_DELTA), r0 * outP);
    for (let i = 0; i < end - r0; i++) {
      const dd = rowNormSq(at(delta, i * outP), outP), aa = rowNormSq(at(a, i * inP), inP) + 1;
      const p = at(normSq, r0 + i);
      store<f32>(p, load<f32>(p) + dd * aa);
    }
    gemmTN(at(grad, layerWord(plan, l, L_W)), delta, a, outP, inP, rows);
    const gb = at(grad, layerWord(plan, l, L_B));
    for (let o = 0; o < outP; o += 4) {
      let acc = v128.load(at(gb, o));
      for (let i = 0; i < rows; i++) acc = f32x4.add(acc, v128.load(at(delta, i * outP + o)));
      v128.store(at(gb, o), acc);
    }
    if (l == 0) break;
    // δ_l−1 = (δ_l · W_l) ⊙ act'(z_l−1); W_l (outP × inP) is the K × N operand
    const prev = at(layerPtr(plan, l - 1, L_DELTA), r0 * inP), dact = at(layerPtr(plan, l - 1, L_DACT), r0 * inP);
    gemmNN(prev, delta, at(theta, layerWord(plan, l, L_W)), 0, rows, inP, outP, outP);
    const count = rows * inP;
    for (let k = 0; k < count; k += 4) v128.store(at(prev, k), f32x4.mul(v128.load(at(prev, k)), v128.load(at(dact, k))));
  }
}

@inline function sliceChunks(plan: usize, slice: i32): i32 {
  const chunks = (word(plan, PLAN_BATCH) + CHUNK - 1) / CHUNK;
  return <i32>((<i64>chunks * slice) / word(plan, PLAN_SLICES));
}

/** Rows [r0, r0 + rows) of chunk c: rows padded to a multiple of 4 (the padded rows are zero input). */
@inline function chunkRows(plan: usize, c: i32): i32 {
  const B = word(plan, PLAN_BATCH);
  return (min(CHUNK, B - c * CHUNK) + 3) & ~3;
}

/** Forward, loss and backward of every chunk of slice `slice`; its gradient is the ordered sum of its chunks. */
export function trainSlice(plan: usize, slice: i32): void {
  const padded = word(plan, PLAN_PADDED);
  const grad = ptr(plan, PLAN_SLICEGRAD) + (<usize>slice * <usize>padded << 2);
  memory.fill(grad, 0, <usize>padded << 2);
  const c1 = sliceChunks(plan, slice + 1);
  for (let c = sliceChunks(plan, slice); c < c1; c++) {
    const r0 = c * CHUNK, rows = chunkRows(plan, c);
    forwardChunk(plan, r0, rows, true);
    lossChunk(plan, r0, rows);
    backwardChunk(plan, r0, rows, grad);
  }
}

/** The network's output for the first `rows` rows (a multiple of 4) of the input buffer: velocity() for the ODE. */
export function forwardRows(plan: usize, rows: i32): void {
  for (let r0 = 0; r0 < rows; r0 += CHUNK) forwardChunk(plan, r0, min(CHUNK, rows - r0), false);
}

/** ḡ[k] = (Σ_s slice_s[k]) · scale for k in [k0, k1) (multiples of 4), slices added in order. */
export function reduceSlices(plan: usize, k0: i32, k1: i32, scale: f32): void {
  const S = word(plan, PLAN_SLICES), padded = word(plan, PLAN_PADDED);
  const base = ptr(plan, PLAN_SLICEGRAD), out = ptr(plan, PLAN_MEANGRAD);
  const f = f32x4.splat(scale);
  for (let k = k0; k < k1; k += 4) {
    let acc = v128.load(at(base, k));
    for (let s = 1; s < S; s++) acc = f32x4.add(acc, v128.load(at(base, s * padded + k)));
    v128.store(at(out, k), f32x4.mul(acc, f));
  }
}

/**
 * g_i·ḡ = Σ_l δ_l,iᵀ(Ḡ_l a_l−1,i + b̄_l) for the rows of slice `slice` (sampleGradDotMean());
 * needs the δ's and activations of the last trainSlice and ḡ from reduceSlices. `scratch` holds
 * CHUNK × (widest outP) floats for this slice alone; `gt` is Ḡᵀ per layer (transposeMeanGrad()).
 */
export function dotSlice(plan: usize, slice: i32, scratch: usize, gtBase: usize): void {
  const L = word(plan, PLAN_LAYERS), B = word(plan, PLAN_BATCH);
  const mean = ptr(plan, PLAN_MEANGRAD), dot = ptr(plan, PLAN_DOT);
  const c1 = sliceChunks(plan, slice + 1);
  for (let c = sliceChunks(plan, slice); c < c1; c++) {
    const r0 = c * CHUNK, rows = chunkRows(plan, c), end = min(r0 + rows, B);
    for (let i = r0; i < end; i++) store<f32>(at(dot, i), 0);
    let gt = gtBase;
    for (let l = 0; l < L; l++) {
      const inP = layerWord(plan, l, L_IN), outP = layerWord(plan, l, L_OUT);
      const a = at(layerPtr(plan, l, L_A), r0 * inP), delta = at(layerPtr(plan, l, L_DELTA), r0 * outP);
      gemmNN(scratch, a, gt, at(mean, layerWord(plan, l, L_B)), rows, outP, inP, inP);
      for (let i = 0; i < end - r0; i++) {
        const p = at(dot, r0 + i);
        store<f32>(p, load<f32>(p) + rowDot(at(delta, i * outP), at(scratch, i * outP), outP));
      }
      gt += <usize>(inP * outP) << 2;
    }
  }
}

/** Ḡ_lᵀ (inP × outP) for every layer, one after another from `gtBase` (input of dotSlice). */
export function transposeMeanGrad(plan: usize, gtBase: usize): void {
  const L = word(plan, PLAN_LAYERS), mean = ptr(plan, PLAN_MEANGRAD);
  let gt = gtBase;
  for (let l = 0; l < L; l++) {
    const inP = layerWord(plan, l, L_IN), outP = layerWord(plan, l, L_OUT), w = at(mean, layerWord(plan, l, L_W));
    for (let o = 0; o < outP; o++) for (let i = 0; i < inP; i++) store<f32>(at(gt, i * outP + o), load<f32>(at(w, o * inP + i)));
    gt += <usize>(inP * outP) << 2;
  }
}

// ---- layouts and Adam ----

/** Flat θ (src/math/mlp.ts layout) → padded θ and Wᵀ per layer; padding is written as 0. */
export function pack(plan: usize, flat: usize): void {
  const L = word(plan, PLAN_LAYERS), theta = ptr(plan, PLAN_THETA);
  memory.fill(theta, 0, <usize>word(plan, PLAN_PADDED) << 2);
  for (let l = 0; l < L; l++) {
    const inP = layerWord(plan, l, L_IN), outP = layerWord(plan, l, L_OUT);
    const fanIn = layerWord(plan, l, L_FANIN), fanOut = layerWord(plan, l, L_FANOUT);
    const w = at(theta, layerWord(plan, l, L_W)), b = at(theta, layerWord(plan, l, L_B));
    const fw = at(flat, layerWord(plan, l, L_FLATW)), fb = at(flat, layerWord(plan, l, L_FLATB));
    const wt = layerPtr(plan, l, L_WT);
    memory.fill(wt, 0, <usize>(inP * outP) << 2);
    for (let o = 0; o < fanOut; o++) {
      for (let i = 0; i < fanIn; i++) {
        const value = load<f32>(at(fw, o * fanIn + i));
        store<f32>(at(w, o * inP + i), value);
        store<f32>(at(wt, i * outP + o), value);
      }
      store<f32>(at(b, o), load<f32>(at(fb, o)));
    }
  }
}

/** Padded ḡ → flat gradient (src/math/mlp.ts layout). */
export function unpackMeanGrad(plan: usize, flat: usize): void {
  const L = word(plan, PLAN_LAYERS), mean = ptr(plan, PLAN_MEANGRAD);
  for (let l = 0; l < L; l++) {
    const inP = layerWord(plan, l, L_IN);
    const fanIn = layerWord(plan, l, L_FANIN), fanOut = layerWord(plan, l, L_FANOUT);
    const w = at(mean, layerWord(plan, l, L_W)), b = at(mean, layerWord(plan, l, L_B));
    const fw = at(flat, layerWord(plan, l, L_FLATW)), fb = at(flat, layerWord(plan, l, L_FLATB));
    for (let o = 0; o < fanOut; o++) {
      memory.copy(at(fw, o * fanIn), at(w, o * inP), <usize>fanIn << 2);
      store<f32>(at(fb, o), load<f32>(at(b, o)));
    }
  }
}

/** Σ_k g[k]² over n floats, in 4 interleaved lanes added at the end (fixed order). */
export function sumSquares(p: usize, n: i32): f64 {
  let s: f64 = 0;
  for (let k = 0; k < n; k++) { const g = <f64>load<f32>(at(p, k)); s += g * g; }
  return s;
}

/**
 * One Adam update of n parameters in place (adamUpdate()): c1, c2 are the bias corrections
 * 1 − β^step, computed by the caller in f64.
 */
export function adam(theta: usize, m: usize, v: usize, grad: usize, n: i32, lr: f32, beta1: f32, beta2: f32, eps: f32, c1: f32, c2: f32, weightDecay: f32): void {
  const b1 = f32x4.splat(beta1), b2 = f32x4.splat(beta2), nb1 = f32x4.splat(1 - beta1), nb2 = f32x4.splat(1 - beta2);
  const ic1 = f32x4.splat(c1), ic2 = f32x4.splat(c2), e = f32x4.splat(eps), rate = f32x4.splat(lr), wd = f32x4.splat(weightDecay);
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const g = v128.load(at(grad, k));
    const mk = f32x4.add(f32x4.mul(b1, v128.load(at(m, k))), f32x4.mul(nb1, g));
    const vk = f32x4.add(f32x4.mul(b2, v128.load(at(v, k))), f32x4.mul(f32x4.mul(nb2, g), g));
    v128.store(at(m, k), mk);
    v128.store(at(v, k), vk);
    const update = f32x4.div(f32x4.div(mk, ic1), f32x4.add(f32x4.sqrt(f32x4.div(vk, ic2)), e));
    const th = v128.load(at(theta, k));
    v128.store(at(theta, k), f32x4.sub(th, f32x4.mul(rate, f32x4.add(update, f32x4.mul(wd, th)))));
  }
  for (; k < n; k++) {
    const g = load<f32>(at(grad, k));
    const mk = beta1 * load<f32>(at(m, k)) + (1 - beta1) * g;
    const vk = beta2 * load<f32>(at(v, k)) + (1 - beta2) * g * g;
    store<f32>(at(m, k), mk);
    store<f32>(at(v, k), vk);
    const update = (mk / c1) / (Mathf.sqrt(vk / c2) + eps);
    const th = load<f32>(at(theta, k));
    store<f32>(at(theta, k), th - lr * (update + weightDecay * th));
  }
}

/** First free byte after the module's static data: the driver allocates from here. */
export function heapBase(): usize {
  return __heap_base;
}
