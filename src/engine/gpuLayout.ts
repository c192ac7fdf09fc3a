// Sizes, offsets and uniform packing of the GPU engine: pure TS (no GPU objects), so the byte
// layouts of shaders/common.wgsl (Live, Net, LayerInfo, Stage) are written down in one place.
import { mlpLayout, type MlpShape } from '../math/mlp';
import { ACTIVATION_ID } from '../math/activations';
import { INTERPOLANT_ID, type InterpolantKind } from '../math/interpolants';
import { INTEGRATOR_ID, type Integrator } from '../math/ode';
import { ADAM_DEFAULTS } from '../math/adam';

/** Output tile edge of the matrix kernels (gemm.wgsl TILE): a power of two ≥ 8, (TILE/4)² threads. */
export const GEMM_TILE = 32;
/** Depth of one k slice held in workgroup memory (gemm.wgsl KT); at most GEMM_TILE (register slots). */
export const GEMM_KT = 32;
/** Threads of a matrix workgroup (one 4 × 4 register block each); also the samples of a stats job. */
export const GEMM_WG = (GEMM_TILE / 4) ** 2;
/** Samples per workgroup of the row kernels (layer0.wgsl, outputLoss.wgsl: ROWS); divides ROW_WG. */
export const ROW_TILE = 16;
/** Threads of the row kernels (WG; odeOutput: one particle each). */
export const ROW_WG = 64;
/** Parameters per workgroup of adamStep (WG). */
export const ADAM_WG = 64;
/** Threads of the one-workgroup reductions (finalizeStep, gradVarBins) and of gradDotMean (WG). */
export const REDUCE_WG = 64;
/** common.wgsl MAX_LAYERS and MAX_INPUT. */
export const MAX_LAYERS = 8;
export const MAX_INPUT = 19;
export const NO_OFFSET = 0xffffffff;
/** Samples per chunk of the split dW reduction (a multiple of GEMM_KT); at most MAX_SPLITS chunks. */
export const SPLIT_CHUNK = 128;
export const MAX_SPLITS = 16;
/** Cap on S × P floats of the chunk partials (32 MiB). */
const MAX_PARTIAL_FLOATS = 1 << 23;
/** u32 words per metrics record (finalizeStep.wgsl). */
export const RECORD_WORDS = 8;
/** Steps encoded per submit at most; step(n) splits larger n (capacity of the records buffer). */
export const MAX_STEPS_PER_SUBMIT = 256;
/** Models trained side by side at most (common.wgsl MAX_MODELS: Live.sigmas holds 16). */
export const MAX_MODELS = 16;
/** Stride of dynamic-offset uniform entries (the largest minUniformBufferOffsetAlignment allowed). */
export const DYNAMIC_STRIDE = 256;
/** Workgroups per dispatch dimension (WebGPU default maxComputeWorkgroupsPerDimension). */
const MAX_GROUPS = 65535;

export interface LayerPlan {
  fanIn: number;
  fanOut: number;
  w: number;
  b: number;
  inOff: number;
  outOff: number;
  zOff: number;
  deltaOff: number;
  firstJob: number;
  tilesN: number;
  tilesM: number;
}

/** Everything a pass over `rows` samples needs to know; packed into the Net uniform. */
export interface NetPlan {
  rows: number;
  /** models side by side (workgroup_id.z); the buffers hold `models` slices of the per-model sizes */
  models: number;
  inputDim: number;
  activation: number;
  fourier: number;
  layers: LayerPlan[];
  splitCount: number;
  chunk: number;
  gradJobs: number;
  statsJobs: number;
  paramCount: number;
  adamJobs: number;
  /** floats of the work buffers, per model */
  actsFloats: number;
  zsFloats: number;
  deltasFloats: number;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

function basePlan(shape: MlpShape, rows: number, models: number): NetPlan {
  const layout = mlpLayout(shape);
  if (!Number.isInteger(models) || models < 1 || models > MAX_MODELS) throw new Error(`invalid model count: ${models}`);
  if (layout.layers.length > MAX_LAYERS) throw new Error(`invalid depth: ${shape.depth} (at most ${MAX_LAYERS - 1} hidden layers on the GPU)`);
  if (layout.inputDim > MAX_INPUT) throw new Error(`invalid fourier: ${shape.fourier}`);
  if (!(rows >= 1)) throw new Error(`invalid rows: ${rows}`);
  return {
    rows, models, inputDim: layout.inputDim, activation: ACTIVATION_ID[shape.activation], fourier: shape.fourier,
    layers: layout.layers.map((l) => ({ fanIn: l.fanIn, fanOut: l.fanOut, w: l.w, b: l.b, inOff: 0, outOff: 0, zOff: NO_OFFSET, deltaOff: 0, firstJob: 0, tilesN: 0, tilesM: 0 })),
    splitCount: 0, chunk: 0, gradJobs: 0, statsJobs: 0, paramCount: layout.paramCount, adamJobs: ceilDiv(layout.paramCount, ADAM_WG),
    actsFloats: 0, zsFloats: 0, deltasFloats: 0,
  };
}

/**
 * Training pass over a batch of `rows`: acts = [X | a_0 | … | a_{L−2}], zs = [z_0 | … | z_{L−2}],
 * deltas = [δ_0 | … | δ_{L−1}], each row-major (sample × width). `chunk` sets the dW split.
 */
export function planTraining(shape: MlpShape, rows: number, chunk = SPLIT_CHUNK, models = 1): NetPlan {
  const p = basePlan(shape, rows, models);
  const maxSplits = Math.max(1, Math.min(MAX_SPLITS, Math.floor(MAX_PARTIAL_FLOATS / (models * p.paramCount))));
  p.splitCount = Math.min(maxSplits, ceilDiv(rows, Math.max(1, chunk)));
  p.chunk = ceilDiv(ceilDiv(rows, p.splitCount), GEMM_KT) * GEMM_KT;
  p.splitCount = ceilDiv(rows, p.chunk);
  let acts = rows * p.inputDim, zs = 0, deltas = 0, jobs = 0;
  p.layers.forEach((l, i) => {
    l.inOff = i === 0 ? 0 : p.layers[i - 1].outOff;
    if (i < p.layers.length - 1) {
      l.outOff = acts; acts += rows * l.fanOut;
      l.zOff = zs; zs += rows * l.fanOut;
    }
    l.deltaOff = deltas; deltas += rows * l.fanOut;
    l.tilesN = ceilDiv(l.fanIn, GEMM_TILE);
    l.tilesM = ceilDiv(l.fanOut, GEMM_TILE);
    l.firstJob = jobs;
    jobs += l.tilesN * l.tilesM * p.splitCount;
  });
  p.gradJobs = jobs;
  p.statsJobs = ceilDiv(rows, GEMM_WG);
  p.actsFloats = acts; p.zsFloats = zs; p.deltasFloats = deltas;
  return p;
}

/** Forward-only pass over `rows` particles: acts = [X | ping | pong], no z, no δ. */
export function planIntegration(shape: MlpShape, rows: number, models = 1): NetPlan {
  const p = basePlan(shape, rows, models);
  const x = rows * p.inputDim, region = rows * shape.width;
  p.layers.forEach((l, i) => {
    l.inOff = i === 0 ? 0 : p.layers[i - 1].outOff;
    l.outOff = x + (i % 2) * region;
  });
  p.actsFloats = x + 2 * region;
  p.zsFloats = 1;
  p.deltasFloats = 1;
  return p;
}

const NET_HEADER_WORDS = 16;
const LAYER_WORDS = 12;
/** Net uniform: 16 header words + MAX_LAYERS × LayerInfo (12 words each). */
export const NET_BYTES = 4 * (NET_HEADER_WORDS + MAX_LAYERS * LAYER_WORDS);

export function packNet(p: NetPlan): ArrayBuffer {
  const buf = new ArrayBuffer(NET_BYTES);
  const u = new Uint32Array(buf), f = new Float32Array(buf);
  u.set([p.rows, p.inputDim, p.layers.length, p.activation, p.fourier, p.splitCount, p.chunk, p.gradJobs, p.statsJobs, p.paramCount, p.adamJobs]);
  f[11] = 1 / p.rows;
  u.set([p.actsFloats, p.zsFloats, p.deltasFloats, MAX_STEPS_PER_SUBMIT * RECORD_WORDS], 12);
  p.layers.forEach((l, i) => {
    u.set([l.fanIn, l.fanOut, l.w, l.b, l.inOff, l.outOff, l.zOff, l.deltaOff, l.firstJob, l.tilesN, l.tilesM, 0], NET_HEADER_WORDS + i * LAYER_WORDS);
  });
  return buf;
}

/** The settings of the Live uniform (common.wgsl). */
export interface LiveValues {
  /** effective σ of each model */
  sigmas: readonly number[];
  interpolant: InterpolantKind;
  lr: number;
  weightDecay: number;
  warmup: number;
  schedule: 'constant' | 'cosine';
  horizon: number;
  baseStep: number;
  seed: number;
  pairCount: number;
}

/** Live uniform: 12 words + sigmas (MAX_MODELS floats). */
export const LIVE_BYTES = 12 * 4 + MAX_MODELS * 4;

export function packLive(v: LiveValues): ArrayBuffer {
  if (v.sigmas.length < 1 || v.sigmas.length > MAX_MODELS) throw new Error(`invalid model count: ${v.sigmas.length}`);
  const buf = new ArrayBuffer(LIVE_BYTES);
  const u = new Uint32Array(buf), f = new Float32Array(buf);
  u[0] = INTERPOLANT_ID[v.interpolant]; f[1] = v.lr; f[2] = v.weightDecay; u[3] = v.warmup;
  u[4] = v.schedule === 'cosine' ? 1 : 0; u[5] = v.horizon; u[6] = v.baseStep >>> 0; u[7] = v.seed >>> 0;
  u[8] = v.pairCount; f[9] = ADAM_DEFAULTS.beta1; f[10] = ADAM_DEFAULTS.beta2; f[11] = ADAM_DEFAULTS.eps;
  f.set(v.sigmas, 12);
  return buf;
}

/** One LayerSel entry per layer at DYNAMIC_STRIDE (dynamic offset l · DYNAMIC_STRIDE). */
export function layerSelTable(count: number): ArrayBuffer {
  const buf = new ArrayBuffer(count * DYNAMIC_STRIDE);
  const u = new Uint32Array(buf);
  for (let l = 0; l < count; l++) u[(l * DYNAMIC_STRIDE) / 4] = l;
  return buf;
}

export const STAGE_COUNT: Record<Integrator, number> = { euler: 1, heun: 2, rk4: 4 };

/**
 * Stage entries of an integration (dynamic offset (s · stages + j) · DYNAMIC_STRIDE). Times and
 * stage offsets are computed here in f64 exactly as src/math/ode.ts does (t + h/2, t + h).
 */
export function odeStageTable(method: Integrator, steps: number, direction: 'forward' | 'backward'): ArrayBuffer {
  const stages = STAGE_COUNT[method];
  const buf = new ArrayBuffer(Math.max(1, steps * stages) * DYNAMIC_STRIDE);
  const u = new Uint32Array(buf), f = new Float32Array(buf);
  const h = (direction === 'forward' ? 1 : -1) / steps;
  const offsets = method === 'euler' ? [[0, 0]] : method === 'heun' ? [[0, 0], [h, h]] : [[0, 0], [h / 2, h / 2], [h / 2, h / 2], [h, h]];
  for (let s = 0; s < steps; s++) {
    const t = direction === 'forward' ? s / steps : 1 - s / steps;
    for (let j = 0; j < stages; j++) {
      const o = ((s * stages + j) * DYNAMIC_STRIDE) / 4;
      f[o] = t + offsets[j][0]; f[o + 1] = offsets[j][1]; f[o + 2] = h;
      u[o + 3] = j; u[o + 4] = stages; u[o + 5] = INTEGRATOR_ID[method]; u[o + 6] = s + 1; u[o + 7] = steps;
    }
  }
  return buf;
}

/** Flattened 2-D dispatch for `groups` workgroups (kernels recompute id = x + y · nx). */
export function dispatch2D(groups: number): [number, number] {
  if (groups <= MAX_GROUPS) return [Math.max(1, groups), 1];
  return [MAX_GROUPS, ceilDiv(groups, MAX_GROUPS)];
}
