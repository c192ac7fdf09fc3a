// weightGrad.wgsl: the batch gradient of every layer, split over S chunks of the batch, plus the
// exact per-sample gradient norms. Mirrors src/math/mlp.ts backward() (grad: Σ_i δ_l,i a_{l−1},iᵀ
// and Σ_i δ_l,i, before the 1/B that adamStep applies; ‖g_i‖² by sampleNorm.wgsl sampleGradNormSq()).
// One dispatch, two kinds of workgroup (job = flattened workgroup id):
//  - job < net.gradJobs: a TILE × TILE tile of dW_l = Σ_{i ∈ chunk s} δ_l,i a_{l−1},iᵀ (gemm.wgsl,
//    k = sample) → gradPartials[s · P + offset]; tiles of column 0 also sum db_l over the chunk.
//    Every element is summed in sample order by one thread, and adamStep adds the S chunks in
//    order: deterministic, no atomics.
//  - otherwise: (TILE/4)² samples, one per thread: perSample[i].y = ‖g_i‖², then a tree over the
//    workgroup → statsPartials[job − gradJobs] = (Σ ‖g_i‖², Σ ℓ_i).
// Reads acts, deltas, perSample.x; writes perSample.y, gradPartials, statsPartials.
// Dispatch flattened 2-D over gradJobs + statsJobs workgroups × models, (TILE/4) × (TILE/4) threads.

@group(1) @binding(0) var<storage, read> acts: array<f32>;
@group(1) @binding(1) var<storage, read> deltas: array<f32>;
@group(1) @binding(2) var<storage, read_write> perSample: array<vec4<f32>>;
@group(1) @binding(3) var<storage, read_write> gradPartials: array<f32>;
@group(1) @binding(4) var<storage, read_write> statsPartials: array<vec2<f32>>;

var<workgroup> red: array<vec2<f32>, (TILE / 4u) * (TILE / 4u)>;

// A(m = output o, k = sample i) = δ_l[i][m0 + m], B(k = i, n) = a_{l−1}[i][n0 + n]: m, n contiguous
const GEMM_K_CONTIGUOUS: bool = false;
var<private> mDim: u32;
var<private> nDim: u32;
var<private> withBias: bool;
var<private> bias: f32;

fn readA(m: u32, i: u32) -> f32 { return deltas[baseA + i * mDim + m]; }
fn readB(n: u32, i: u32) -> f32 { return acts[baseB + i * nDim + n]; }

/** db_l: the threads of column tile 0 sum their output's δ over the slice (in sample order). */
fn onSlice(li: u32) {
  if (withBias) {
    for (var kk = 0u; kk < KT; kk++) { bias += tileA[tileAt(kk, li)]; }
  }
}

fn gradTile(job: u32, model: u32, lid: vec3<u32>, li: u32) {
  var l = 0u;
  for (var j = 1u; j < net.layerCount; j++) {
    if (job >= net.layers[j].firstJob) { l = j; }
  }
  let L = net.layers[l];
  let local = job - L.firstJob;
  let tiles = L.tilesM * L.tilesN;
  let s = local / tiles;
  let tm = (local % tiles) / L.tilesN;
  let tn = (local % tiles) % L.tilesN;
  let M = L.fanOut;
  let N = L.fanIn;
  let m0 = tm * TILE;
  let n0 = tn * TILE;
  let iBegin = s * net.chunk;
  let iEnd = min(net.rows, iBegin + net.chunk);
  let base = modelBase(model);
  baseA = base.deltas + L.deltaOff + m0;
  baseB = base.acts + L.inOff + n0;
  extentA = M - m0;
  extentB = N - n0;
  mDim = M;
  nDim = N;
  withBias = tn == 0u && li < TILE;
  bias = 0.0;
  var acc: array<vec4<f32>, 4>;
  gemmLoop(&acc, iBegin, iEnd, lid.x, lid.y, li);
  let partials = (model * net.splitCount + s) * net.paramCount;
  let q = TILE / 4u;
  for (var r = 0u; r < 4u; r++) {
    let m = m0 + lid.y + r * q;
    for (var c = 0u; c < 4u; c++) {
      let n = n0 + lid.x + c * q;
      if (m < M && n < N) { gradPartials[partials + L.w + m * N + n] = acc[r][c]; }
    }
  }
  if (withBias && m0 + li < M) { gradPartials[partials + L.b + m0 + li] = bias; }
}

fn sampleStats(job: u32, model: u32, li: u32) {
  let i = job * gemmThreads() + li;
  let sb = modelBase(model).rows;
  var v = vec2<f32>(0.0);
  if (i < net.rows) {
    let normSq = sampleGradNormSq(i, model);
    perSample[sb + i].y = normSq;
    v = vec2<f32>(normSq, perSample[sb + i].x);
  }
  red[li] = v;
  workgroupBarrier();
  for (var h = gemmThreads() / 2u; h > 0u; h >>= 1u) {
    if (li < h) { red[li] += red[li + h]; }
    workgroupBarrier();
  }
  if (li == 0u && job < net.statsJobs) { statsPartials[model * net.statsJobs + job] = red[0]; }
}

@compute @workgroup_size(TILE / 4, TILE / 4)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let job = wid.x + wid.y * nwg.x;
  if (job < net.gradJobs) {
    gradTile(job, wid.z, lid, li);
  } else {
    sampleStats(job - net.gradJobs, wid.z, li);
  }
}
