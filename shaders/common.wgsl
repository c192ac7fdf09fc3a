// common.wgsl: structs, group-0 uniforms and pure functions shared by the training and integration
// kernels (library: no entry point). Mirrors src/math/activations.ts (act/actDeriv with the ids of
// ACTIVATION_ID), src/math/interpolants.ts (interpolantTime, interpolate), src/math/mlp.ts
// writeInput (inputFeature), src/math/metrics.ts tBin, src/math/adam.ts learningRate.
// Struct layouts are the field tables of src/engine/gpuLayout.ts (LIVE_FIELDS, NET_FIELDS,
// LAYER_FIELDS; packLive, packNet, odeStageTable), checked by tests/unit/gpuLayout.test.ts.
// Needs trig.wgsl before it.

const MAX_LAYERS: u32 = 8u;
const MAX_INPUT: u32 = 19u; // 3 + 2 × 8 Fourier frequencies (RUN_CONFIG_FIELDS.fourier.max)
const NO_OFFSET: u32 = 0xffffffffu;
const T_CLIP: f32 = 1e-4;
const T_BINS: u32 = 10u;

const MAX_MODELS: u32 = 16u;

/** Settings that change between submits without a rebuild (setLive). */
struct Live {
  interpolant: u32,  // INTERPOLANT_ID
  lr: f32,           // base learning rate
  weightDecay: f32,
  warmup: u32,       // warm-up steps
  schedule: u32,     // 0 constant, 1 cosine
  horizon: u32,      // cosine horizon (config.steps)
  baseStep: u32,     // step count when this submit was encoded: record slot = step − baseStep
  pad3: u32,
  pairCount: u32,    // N: pairs per model
  beta1: f32,
  beta2: f32,
  eps: f32,
  loopSteps: u32,    // steps one stepLoop dispatch takes (stepLoop.wgsl)
  pad0: u32,
  pad1: u32,
  pad2: u32,
  sigmas: array<vec4<f32>, 4>, // effective σ of model m at [m / 4][m % 4] (MAX_MODELS)
  seeds: array<vec4<u32>, 4>,  // seed of model m's batch draws, same indexing
  pairBases: array<vec4<u32>, 4>, // model m's pairs start at pairs[pairBases[m / 4][m % 4]]
}

/** One layer of the MLP and where its rows live in the work buffers. */
struct LayerInfo {
  fanIn: u32,
  fanOut: u32,
  w: u32,         // offset of W_l (fanOut × fanIn, row-major) in θ
  b: u32,         // offset of b_l in θ
  inOff: u32,     // offset of the layer input a_{l−1} in acts (the network input X for l = 0)
  outOff: u32,    // offset of a_l in acts (hidden layers)
  zOff: u32,      // offset of z_l in zs; NO_OFFSET when z is not kept (integration)
  deltaOff: u32,  // offset of δ_l = ∂ℓ/∂z_l in deltas
  firstJob: u32,  // first weight-gradient job of this layer (weightGrad.wgsl)
  tilesN: u32,    // column tiles of dW_l: ceil(fanIn / TILE)
  tilesM: u32,    // row tiles of dW_l: ceil(fanOut / TILE)
  pad: u32,
}

/**
 * The network and the sizes of one pass over `rows` samples (training batch or particle chunk).
 * Several models (a σ sweep) run side by side: model m = workgroup_id.z owns its slice of every
 * per-model buffer at m × (that buffer's stride): θ, grad (paramCount), moments (2·paramCount),
 * gradPartials (splitCount·paramCount), acts/zs/deltas (their strides), samples and perSample
 * (rows), statsPartials (statsJobs), gsqPartials (adamJobs), records (recordStride), bins (T_BINS).
 */
struct Net {
  rows: u32,
  inputDim: u32,
  layerCount: u32,
  activation: u32,  // ACTIVATION_ID
  fourier: u32,
  splitCount: u32,  // S: the batch is cut into S chunks for the dW reduction
  chunk: u32,       // samples per chunk
  gradJobs: u32,    // weight-gradient jobs of all layers (the per-sample statistics jobs follow)
  statsJobs: u32,
  paramCount: u32,
  adamJobs: u32,    // workgroups of adamStep = number of ‖ḡ‖² partial sums
  invRows: f32,     // 1 / rows
  actsStride: u32,  // floats of acts per model
  zsStride: u32,
  deltasStride: u32,
  recordStride: u32, // u32 words of records per model
  layers: array<LayerInfo, MAX_LAYERS>,
}

/** Which layer a matrix dispatch works on (dynamic offset, one entry per layer). */
struct LayerSel {
  layer: u32,
  pad0: u32,
  pad1: u32,
  pad2: u32,
}

/** One stage of one ODE step (dynamic offset, one entry per step and stage). */
struct Stage {
  t: f32,        // time at which this stage evaluates the field
  hc: f32,       // the stage point is x + hc · k_{j−1} (hc = 0 for the first stage)
  h: f32,        // signed step (+1/steps forward, −1/steps backward)
  stage: u32,    // j
  stages: u32,   // 1 Euler, 2 Heun, 4 RK4
  method: u32,   // INTEGRATOR_ID
  pathRow: u32,  // state index written after the last stage (s + 1)
  steps: u32,    // steps of the integration: a model's path holds (steps + 1) × rows points
}

/** Training progress kept on the GPU: the step counter the kernels key their draws on. */
struct TrainState {
  step: u32,             // steps taken (0-based index of the step in progress)
  meanGradNormSq: f32,   // ‖ḡ‖² of the last finished step (for the per-bin values)
  pad0: u32,
  pad1: u32,
}

@group(0) @binding(0) var<uniform> live: Live;
@group(0) @binding(1) var<uniform> net: Net;
@group(0) @binding(2) var<uniform> sel: LayerSel;
@group(0) @binding(3) var<uniform> stage: Stage;

/**
 * Where model m's slice of the per-model work buffers starts (see Net): the same strides for every
 * kernel that reads or writes them.
 */
struct ModelBase {
  params: u32,  // θ, grad
  acts: u32,
  zs: u32,
  deltas: u32,
  rows: u32,    // samples, perSample
}

fn modelBase(m: u32) -> ModelBase {
  return ModelBase(m * net.paramCount, m * net.actsStride, m * net.zsStride, m * net.deltasStride, m * net.rows);
}

/** σ of model m. */
fn sigmaOf(m: u32) -> f32 {
  return live.sigmas[m / 4u][m % 4u];
}

/** Seed of model m's batch draws (models of one seed draw the same t, pair index and ε). */
fn seedOf(m: u32) -> u32 {
  return live.seeds[m / 4u][m % 4u];
}

/** First pair of model m's pair set. */
fn pairBaseOf(m: u32) -> u32 {
  return live.pairBases[m / 4u][m % 4u];
}

// e^{−z} is clamped so the sigmoid never sees inf (f32 exp overflows past 88).
fn sigmoid(z: f32) -> f32 {
  return 1.0 / (1.0 + exp(-clamp(z, -80.0, 80.0)));
}

// tanh from e^{−2|z|} ≤ 1: no inf/inf for large |z| (a naive (e^{2z}−1)/(e^{2z}+1) gives NaN).
fn tanhStable(z: f32) -> f32 {
  let e = exp(-2.0 * abs(z));
  let t = (1.0 - e) / (1.0 + e);
  return select(-t, t, z >= 0.0);
}

const GELU_K: f32 = 0.7978845608028654; // √(2/π)

/** Activation value at pre-activation z; mirrors ACTIVATIONS[name].f. */
fn act(z: f32) -> f32 {
  switch net.activation {
    case 0u: { return z * sigmoid(z); }
    case 1u: { return select(0.0, z, z > 0.0); }
    case 2u: { return tanhStable(z); }
    default: { return 0.5 * z * (1.0 + tanhStable(GELU_K * (z + 0.044715 * z * z * z))); }
  }
}

/** Activation derivative at pre-activation z; mirrors ACTIVATIONS[name].df. */
fn actDeriv(z: f32) -> f32 {
  switch net.activation {
    case 0u: { let s = sigmoid(z); return s * (1.0 + z * (1.0 - s)); }
    case 1u: { return select(0.0, 1.0, z > 0.0); }
    case 2u: { let t = tanhStable(z); return 1.0 - t * t; }
    default: {
      let t = tanhStable(GELU_K * (z + 0.044715 * z * z * z));
      return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * GELU_K * (1.0 + 3.0 * 0.044715 * z * z);
    }
  }
}

/** t as the interpolant sees it: clipped for the bridge (kind 2). */
fn interpolantTime(kind: u32, t: f32) -> f32 {
  return select(t, clamp(t, T_CLIP, 1.0 - T_CLIP), kind == 2u);
}

struct InterpolantSample {
  xt: vec2<f32>,
  ut: vec2<f32>,
}

/** x_t and u_t of one pair at time t (already clipped) with noise ε; mirrors interpolate(). */
fn interpolate(kind: u32, sigma: f32, t: f32, x0: vec2<f32>, x1: vec2<f32>, eps: vec2<f32>) -> InterpolantSample {
  let d = x1 - x0;
  var noise = 0.0;
  var drift = 0.0;
  if (kind == 1u) {
    noise = sigma;
  } else if (kind == 2u) {
    let s = sqrt(t * (1.0 - t));
    noise = sigma * s;
    drift = sigma * (1.0 - 2.0 * t) / (2.0 * s);
  }
  var out: InterpolantSample;
  out.xt = (1.0 - t) * x0 + t * x1 + noise * eps;
  out.ut = d + drift * eps;
  return out;
}

/** Input feature j of the network at (p, t): x, y, t, then sin(2πkt), cos(2πkt) for k = 1… (trig.wgsl). */
fn inputFeature(p: vec2<f32>, t: f32, j: u32) -> f32 {
  if (j == 0u) { return p.x; }
  if (j == 1u) { return p.y; }
  if (j == 2u) { return t; }
  let sc = sinCosTurns(f32((j - 1u) / 2u) * t);
  return select(sc.y, sc.x, (j & 1u) == 1u);
}

/**
 * Bin of t among T_BINS; mirrors metrics.ts tBin. Computed as ⌊10·⌊t·2^24⌋ / 2^24⌋ in integers:
 * exact for the 24-bit t of the batch, where an f32 t·10 could round onto a bin edge.
 */
fn tBin(t: f32) -> u32 {
  let m = u32(clamp(t, 0.0, 1.0) * 16777216.0);
  return min(T_BINS - 1u, (m * 10u) >> 24u);
}

/** Learning rate at 0-based step `step`; mirrors adam.ts learningRate(). */
fn learningRate(step: u32) -> f32 {
  var warm = 1.0;
  if (live.warmup > 0u) { warm = min(1.0, f32(step + 1u) / f32(live.warmup)); }
  if (live.schedule == 0u || live.horizon == 0u) { return live.lr * warm; }
  let progress = min(1.0, f32(step) / f32(live.horizon));
  return live.lr * warm * (0.1 + 0.45 * (1.0 + sinCosTurns(0.5 * progress).y));
}
