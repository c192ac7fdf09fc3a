// gemm.wgsl: the shared core of the tiled matrix kernels (forwardHidden for the integration,
// weightGrad). Library: no bindings, no entry point.
// A workgroup of (TILE/4)² threads owns a TILE × TILE block of the output; thread (tx, ty) holds a
// 4 × 4 register block at rows ty + r·TILE/4 and columns tx + c·TILE/4 (strided, so neighbouring
// threads write neighbouring columns). The k dimension streams through workgroup memory KT at a
// time as tileA[kk][m] and tileB[kk][n], rows padded by one float against bank conflicts. The next
// slice is fetched into registers while the current one is multiplied (one global-load latency
// per slice is hidden). A slice is loaded with the operands' contiguous index fastest, so
// neighbouring threads read neighbouring floats. Each kernel says how its operands are stored:
// const GEMM_K_CONTIGUOUS (k runs along memory in both operands, else m and n do), readA(m, k) and
// readB(n, k) read one element, baseA/baseB and extentA/extentB (set before gemmLoop()) place this
// workgroup's operands, and onSlice(li) runs once per slice after the tiles are filled.
// Every output element is summed in k order by one thread: the same bits run to run, no atomics.

override TILE: u32 = 32;
override KT: u32 = 32;
/** Register slots per thread for one slice of one operand: TILE·KT / (TILE/4)² ≤ 16 (KT ≤ TILE). */
const MAX_LOADS: u32 = 16u;

var<workgroup> tileA: array<f32, KT * (TILE + 1u)>;
var<workgroup> tileB: array<f32, KT * (TILE + 1u)>;

// this workgroup's operands: where the kernel's readA/readB start, and how many of the tile's
// rows of A (m) and columns of B (n) lie inside the matrix
var<private> baseA: u32;
var<private> baseB: u32;
var<private> extentA: u32;
var<private> extentB: u32;

/** Index of element (kk, x) of a tile. */
fn tileAt(kk: u32, x: u32) -> u32 {
  return kk * (TILE + 1u) + x;
}

/** (x, kk) of element e of a slice, x the row of A or column of B: the contiguous index fastest. */
fn sliceElement(e: u32) -> vec2<u32> {
  if (GEMM_K_CONTIGUOUS) { return vec2<u32>(e / KT, e % KT); }
  return vec2<u32>(e % TILE, e / TILE);
}

/** Place of element e of a slice in tileA or tileB. */
fn tileSlot(e: u32) -> u32 {
  let xk = sliceElement(e);
  return tileAt(xk.y, xk.x);
}

/** Element e of A's slice that starts at k0 (0 outside the matrix). */
fn loadA(e: u32, k0: u32, kEnd: u32) -> f32 {
  let xk = sliceElement(e);
  let k = k0 + xk.y;
  if (k < kEnd && xk.x < extentA) { return readA(xk.x, k); }
  return 0.0;
}

/** Element e of B's slice that starts at k0 (0 outside the matrix). */
fn loadB(e: u32, k0: u32, kEnd: u32) -> f32 {
  let xk = sliceElement(e);
  let k = k0 + xk.y;
  if (k < kEnd && xk.x < extentB) { return readB(xk.x, k); }
  return 0.0;
}

/** Threads per workgroup. */
fn gemmThreads() -> u32 {
  return (TILE / 4u) * (TILE / 4u);
}

/** acc[r][c] += Σ_kk tileA[kk][ty + r·TILE/4] · tileB[kk][tx + c·TILE/4] over the slice held. */
fn gemmSlice(acc: ptr<function, array<vec4<f32>, 4>>, tx: u32, ty: u32) {
  let q = TILE / 4u;
  for (var kk = 0u; kk < KT; kk++) {
    let base = kk * (TILE + 1u);
    let b = vec4<f32>(tileB[base + tx], tileB[base + tx + q], tileB[base + tx + 2u * q], tileB[base + tx + 3u * q]);
    (*acc)[0] = fma(vec4<f32>(tileA[base + ty]), b, (*acc)[0]);
    (*acc)[1] = fma(vec4<f32>(tileA[base + ty + q]), b, (*acc)[1]);
    (*acc)[2] = fma(vec4<f32>(tileA[base + ty + 2u * q]), b, (*acc)[2]);
    (*acc)[3] = fma(vec4<f32>(tileA[base + ty + 3u * q]), b, (*acc)[3]);
  }
}

/** acc += A[:, kBegin..kEnd) · B[kBegin..kEnd, :] for this workgroup's tile (kBegin, kEnd uniform). */
fn gemmLoop(acc: ptr<function, array<vec4<f32>, 4>>, kBegin: u32, kEnd: u32, tx: u32, ty: u32, li: u32) {
  let loads = TILE * KT / gemmThreads();
  let stride = gemmThreads();
  var ra: array<f32, MAX_LOADS>;
  var rb: array<f32, MAX_LOADS>;
  for (var j = 0u; j < loads; j++) {
    ra[j] = loadA(li + j * stride, kBegin, kEnd);
    rb[j] = loadB(li + j * stride, kBegin, kEnd);
  }
  for (var k0 = kBegin; k0 < kEnd; k0 += KT) {
    for (var j = 0u; j < loads; j++) {
      tileA[tileSlot(li + j * stride)] = ra[j];
      tileB[tileSlot(li + j * stride)] = rb[j];
    }
    workgroupBarrier();
    if (k0 + KT < kEnd) {
      for (var j = 0u; j < loads; j++) {
        ra[j] = loadA(li + j * stride, k0 + KT, kEnd);
        rb[j] = loadB(li + j * stride, k0 + KT, kEnd);
      }
    }
    onSlice(li);
    gemmSlice(acc, tx, ty);
    workgroupBarrier();
  }
}
