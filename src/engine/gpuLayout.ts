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
/** Samples per workgroup of the row kernels (layer0.wgsl, rowPass.wgsl: ROWS); divides ROW_WG. */
export const ROW_TILE = 16;
/** Threads of the row kernels (WG; odeOutput: one particle each). */
export const ROW_WG = 64;
/** Threads of the one-workgroup K-step kernel (stepLoop.wgsl WG) and its row tile (ROWS). */
export const LOOP_WG = 256;
export const LOOP_ROWS = 64;
/** Largest batch and width the K-step kernel is offered for (one workgroup per model). */
export const LOOP_MAX_BATCH = 256;
export const LOOP_MAX_WIDTH = 64;
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
/** u32 words per metrics record (stepRecord.wgsl RECORD_WORDS): RECORD_FIELDS, then zero words. */
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

/**
 * A named word of a block shared with WGSL: its word offset and scalar type (`count` > 1: an
 * array of that many scalars from `word` on). tests/unit/gpuLayout.test.ts computes the offsets
 * of the WGSL structs (common.wgsl) and record constants (stepRecord.wgsl) and compares.
 */
export interface FieldSpec {
  word: number;
  type: 'u32' | 'f32';
  count?: number;
}
type Fields<K extends string> = Readonly<Record<K, FieldSpec>>;
const u = (word: number): FieldSpec => ({ word, type: 'u32' });
const f = (word: number, count?: number): FieldSpec => (count ? { word, type: 'f32', count } : { word, type: 'f32' });

/** common.wgsl struct Net (header; `layers` follows at NET_LAYERS_WORD). */
export const NET_FIELDS = {
  rows: u(0), inputDim: u(1), layerCount: u(2), activation: u(3), fourier: u(4), splitCount: u(5), chunk: u(6),
  gradJobs: u(7), statsJobs: u(8), paramCount: u(9), adamJobs: u(10), invRows: f(11), actsStride: u(12),
  zsStride: u(13), deltasStride: u(14), recordStride: u(15),
} as const satisfies Fields<string>;
export const NET_LAYERS_WORD = 16;
/** common.wgsl struct LayerInfo (one per layer, LAYER_WORDS apart; word 11 is padding). */
export const LAYER_FIELDS = {
  fanIn: u(0), fanOut: u(1), w: u(2), b: u(3), inOff: u(4), outOff: u(5), zOff: u(6), deltaOff: u(7),
  firstJob: u(8), tilesN: u(9), tilesM: u(10),
} as const satisfies Fields<string>;
export const LAYER_WORDS = 12;
/** Net uniform: the header + MAX_LAYERS × LayerInfo. */
export const NET_BYTES = 4 * (NET_LAYERS_WORD + MAX_LAYERS * LAYER_WORDS);

/** common.wgsl struct Live (words 7 and 13–15 are padding: `sigmas` starts 16-byte aligned). */
export const LIVE_FIELDS = {
  interpolant: u(0), lr: f(1), weightDecay: f(2), warmup: u(3), schedule: u(4), horizon: u(5), baseStep: u(6),
  pairCount: u(8), beta1: f(9), beta2: f(10), eps: f(11), loopSteps: u(12), sigmas: f(16, MAX_MODELS),
  seeds: { word: 16 + MAX_MODELS, type: 'u32', count: MAX_MODELS }, pairBases: { word: 16 + 2 * MAX_MODELS, type: 'u32', count: MAX_MODELS },
} as const satisfies Fields<string>;
/** Live uniform: 16 words + sigmas, seeds and pairBases (MAX_MODELS each). */
export const LIVE_BYTES = 4 * (16 + 3 * MAX_MODELS);

/** One metrics record (stepRecord.wgsl RECORD_*): what a finished step reports. */
export const RECORD_FIELDS = {
  step: u(0), loss: f(1), gradVar: f(2), meanGradNormSq: f(3), sigma: f(4),
} as const satisfies Fields<string>;

/** Writes `values` into `buf` (a block starting at word `base`) by the field table. */
export function writeFields<K extends string>(buf: ArrayBuffer, fields: Fields<K>, values: Readonly<Record<K, number | readonly number[]>>, base = 0): void {
  const words = { u32: new Uint32Array(buf), f32: new Float32Array(buf) };
  for (const name of Object.keys(fields) as K[]) {
    const spec = fields[name], value = values[name], at = base + spec.word;
    if (typeof value === 'number') words[spec.type][at] = spec.type === 'u32' ? value >>> 0 : value;
    else words[spec.type].set(value.slice(0, spec.count ?? 1), at);
  }
}

/** Reads one block of `fields` from `data` at word `base`. */
export function readFields<K extends string>(data: ArrayBuffer, fields: Fields<K>, base = 0): Record<K, number> {
  const words = { u32: new Uint32Array(data), f32: new Float32Array(data) };
  const out = {} as Record<K, number>;
  for (const name of Object.keys(fields) as K[]) out[name] = words[fields[name].type][base + fields[name].word];
  return out;
}

export function packNet(p: NetPlan): ArrayBuffer {
  const buf = new ArrayBuffer(NET_BYTES);
  writeFields(buf, NET_FIELDS, {
    rows: p.rows, inputDim: p.inputDim, layerCount: p.layers.length, activation: p.activation, fourier: p.fourier,
    splitCount: p.splitCount, chunk: p.chunk, gradJobs: p.gradJobs, statsJobs: p.statsJobs, paramCount: p.paramCount,
    adamJobs: p.adamJobs, invRows: 1 / p.rows, actsStride: p.actsFloats, zsStride: p.zsFloats, deltasStride: p.deltasFloats,
    recordStride: MAX_STEPS_PER_SUBMIT * RECORD_WORDS,
  });
  p.layers.forEach((l, i) => writeFields(buf, LAYER_FIELDS, l, NET_LAYERS_WORD + i * LAYER_WORDS));
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
  /** seed of each model's batch draws (t, pair index, ε) */
  seeds: readonly number[];
  /** pairs per model (the pairs buffer holds one set of pairCount per seed) */
  pairCount: number;
  /** first pair of each model's set in the pairs buffer */
  pairBases: readonly number[];
  /** steps one stepLoop dispatch takes (0 outside the K-step path) */
  loopSteps?: number;
}

export function packLive(v: LiveValues): ArrayBuffer {
  if (v.sigmas.length < 1 || v.sigmas.length > MAX_MODELS) throw new Error(`invalid model count: ${v.sigmas.length}`);
  if (v.seeds.length !== v.sigmas.length || v.pairBases.length !== v.sigmas.length) throw new Error(`invalid seeds: ${v.seeds.length} seeds and ${v.pairBases.length} pair bases for ${v.sigmas.length} models`);
  const buf = new ArrayBuffer(LIVE_BYTES);
  writeFields(buf, LIVE_FIELDS, {
    interpolant: INTERPOLANT_ID[v.interpolant], lr: v.lr, weightDecay: v.weightDecay, warmup: v.warmup,
    schedule: v.schedule === 'cosine' ? 1 : 0, horizon: v.horizon, baseStep: v.baseStep, pairCount: v.pairCount,
    beta1: ADAM_DEFAULTS.beta1, beta2: ADAM_DEFAULTS.beta2, eps: ADAM_DEFAULTS.eps, loopSteps: v.loopSteps ?? 0, sigmas: v.sigmas,
    seeds: v.seeds, pairBases: v.pairBases,
  });
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
