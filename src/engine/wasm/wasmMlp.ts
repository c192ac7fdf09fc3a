// WasmMlp: drives src/engine/wasm/assembly/mlp.ts (WebAssembly SIMD, f32) for one model and batch
// size: lays out its memory, writes the plan the kernels read, and runs one training step the way
// src/math/trainStep.ts batchGradient() + src/math/adam.ts adamUpdate() do (the test oracle).
import { ACTIVATION_ID } from '../../math/activations';
import type { AdamSettings } from '../../math/adam';
import type { Batch } from '../../math/batch';
import { gradVarByT, gradVarTrace } from '../../math/metrics';
import { mlpLayout, writeInput, type MlpShape } from '../../math/mlp';
import type { BatchGradient } from '../../math/trainStep';

/** What one training step reports (the fields of batchGradient() the trainer records). */
export type StepStats = Pick<BatchGradient, 'loss' | 'gradVar' | 'meanGradNormSq' | 'gradVarByT'>;

/** The module's exports (see assembly/mlp.ts); pointers are byte offsets into the memory. */
export interface MlpExports {
  trainSlice(plan: number, slice: number): void;
  reduceSlices(plan: number, k0: number, k1: number, scale: number): void;
  dotSlice(plan: number, slice: number, scratch: number, gt: number): void;
  transposeMeanGrad(plan: number, gt: number): void;
  pack(plan: number, flat: number): void;
  unpackMeanGrad(plan: number, flat: number): void;
  sumSquares(p: number, n: number): number;
  adam(theta: number, m: number, v: number, grad: number, n: number, lr: number, beta1: number, beta2: number, eps: number, c1: number, c2: number, weightDecay: number): void;
  forwardRows(plan: number, rows: number): void;
  heapBase(): number;
}

/** Slice work of one step: the kernels' slice entry points, run on this thread or spread over threads. */
export type SliceJob = { kind: 'train'; plan: number; slices: number } | { kind: 'dot'; plan: number; slices: number; scratch: number; scratchStride: number; gt: number };

/** Runs every slice of a job before returning; any order, any thread: each slice writes only its own rows and gradient. */
export interface SliceRunner {
  readonly threads: number;
  run(job: SliceJob): void;
  dispose(): void;
}

/** A compiled kernel and the memory its instance uses (shared when threads run on it). */
export interface MlpInstance {
  exports: MlpExports;
  memory: WebAssembly.Memory;
  /** threads on the same memory, or null: the caller's thread runs every slice */
  runner: SliceRunner | null;
}

/** Rows per chunk; must equal CHUNK in assembly/mlp.ts (checked in construction). */
export const CHUNK = 64;
/** Most slices a batch is cut into (the most threads that can help). Fixed: the numbers never depend on the thread count. */
export const MAX_SLICES = 8;
const PLAN_LAYER0 = 16, L_WORDS = 16;
const PAGE = 65536;

const pad4 = (n: number) => (n + 3) & ~3;

/** Runs a job's slices one after another on the calling thread. */
export function runSlicesHere(exports: MlpExports, job: SliceJob): void {
  for (let s = 0; s < job.slices; s++) {
    if (job.kind === 'train') exports.trainSlice(job.plan, s);
    else exports.dotSlice(job.plan, s, job.scratch + s * job.scratchStride, job.gt);
  }
}

/** Bytes of memory a model and batch size need (for allocating the memory up front). */
export function mlpMemoryBytes(shape: MlpShape, batch: number, heapBase = 65536): number {
  return planLayout(shape, batch, heapBase).end;
}

interface Layout {
  plan: number; flatTheta: number; flatM: number; flatV: number; flatGrad: number;
  theta: number; meanGrad: number; sliceGrad: number; gt: number; scratch: number; scratchStride: number;
  input: number; target: number; loss: number; normSq: number; dot: number;
  layers: { inP: number; outP: number; fanIn: number; fanOut: number; w: number; b: number; flatW: number; flatB: number; wt: number; a: number; z: number; dact: number; delta: number }[];
  padded: number; paramCount: number; slices: number; rows4: number; inputDim: number; end: number;
}

function planLayout(shape: MlpShape, batch: number, heapBase: number): Layout {
  const flat = mlpLayout(shape);
  let at = Math.ceil(heapBase / 16) * 16;
  const alloc = (floats: number) => { const p = at; at += Math.ceil(floats / 4) * 16; return p; };
  const rows4 = pad4(batch);
  const chunks = Math.ceil(batch / CHUNK);
  const slices = Math.min(MAX_SLICES, chunks);
  let padded = 0;
  const dims = flat.layers.map((l) => {
    const inP = pad4(l.fanIn), outP = pad4(l.fanOut);
    const d = { inP, outP, fanIn: l.fanIn, fanOut: l.fanOut, w: padded, b: padded + inP * outP, flatW: l.w, flatB: l.b };
    padded += inP * outP + outP;
    return d;
  });
  const plan = alloc(PLAN_LAYER0 + dims.length * L_WORDS);
  const P = flat.paramCount;
  const flatTheta = alloc(P), flatM = alloc(P), flatV = alloc(P), flatGrad = alloc(P);
  const theta = alloc(padded), meanGrad = alloc(padded), sliceGrad = alloc(padded * slices);
  const gt = alloc(dims.reduce((s, d) => s + d.inP * d.outP, 0));
  const scratchStride = CHUNK * Math.max(...dims.map((d) => d.outP)) * 4;
  const scratch = alloc(slices * scratchStride / 4);
  const input = alloc(rows4 * dims[0].inP);
  let prevOut = input;
  const layers = dims.map((d, l) => {
    const z = alloc(rows4 * d.outP);
    const hidden = l < dims.length - 1;
    const layer = { ...d, wt: alloc(d.inP * d.outP), a: prevOut, z, dact: hidden ? alloc(rows4 * d.outP) : 0, delta: alloc(rows4 * d.outP) };
    prevOut = z;
    return layer;
  });
  const target = alloc(batch * 2), loss = alloc(batch), normSq = alloc(batch), dot = alloc(batch);
  return {
    plan, flatTheta, flatM, flatV, flatGrad, theta, meanGrad, sliceGrad, gt, scratch, scratchStride,
    input, target, loss, normSq, dot, layers, padded, paramCount: P, slices, rows4, inputDim: flat.inputDim, end: at,
  };
}

/** One model's training state (θ, Adam moments) and batch buffers in a WebAssembly memory. */
export class WasmMlp {
  private readonly lay: Layout;
  private readonly f32: Float32Array;

  constructor(private readonly inst: MlpInstance, private readonly shape: MlpShape, readonly batch: number) {
    this.lay = planLayout(shape, batch, inst.exports.heapBase());
    const need = Math.ceil(this.lay.end / PAGE) - inst.memory.buffer.byteLength / PAGE;
    if (need > 0) inst.memory.grow(need);
    this.f32 = new Float32Array(inst.memory.buffer);
    this.writePlan();
  }

  private writePlan(): void {
    const L = this.lay, words = new Int32Array(this.inst.memory.buffer, L.plan, PLAN_LAYER0 + L.layers.length * L_WORDS);
    words.set([L.layers.length, this.batch, L.slices, ACTIVATION_ID[this.shape.activation], L.target, L.loss, L.normSq, L.dot, L.sliceGrad, L.padded, L.theta, L.meanGrad]);
    L.layers.forEach((d, l) => words.set([d.inP, d.outP, d.fanIn, d.fanOut, d.w, d.b, d.flatW, d.flatB, d.wt, d.a, d.z, d.dact, d.delta], PLAN_LAYER0 + l * L_WORDS));
  }

  /** Copies θ and the Adam moments in (flat layout of src/math/mlp.ts). */
  load(theta: Float32Array, m: Float32Array, v: Float32Array): void {
    const L = this.lay;
    this.f32.set(theta, L.flatTheta / 4);
    this.f32.set(m, L.flatM / 4);
    this.f32.set(v, L.flatV / 4);
  }

  /** Copies θ and the Adam moments out. */
  store(theta: Float32Array, m: Float32Array, v: Float32Array): void {
    const L = this.lay, P = L.paramCount;
    theta.set(this.f32.subarray(L.flatTheta / 4, L.flatTheta / 4 + P));
    m.set(this.f32.subarray(L.flatM / 4, L.flatM / 4 + P));
    v.set(this.f32.subarray(L.flatV / 4, L.flatV / 4 + P));
  }

  private writeBatch(batch: Batch): void {
    const L = this.lay, inP = L.layers[0].inP, dim = L.inputDim, f = this.f32;
    const input = f.subarray(L.input / 4, L.input / 4 + L.rows4 * inP).fill(0);
    for (let i = 0; i < batch.size; i++) for (let k = 0; k < dim; k++) input[i * inP + k] = batch.input[i * dim + k];
    f.set(batch.target, L.target / 4);
  }

  private runSlices(job: SliceJob): void {
    if (this.inst.runner) this.inst.runner.run(job);
    else runSlicesHere(this.inst.exports, job);
  }

  /**
   * batchGradient() on the current θ, then one Adam step (1-based `step`) on θ in place. The
   * per-t-bin deviation (one more pass) only when `withBins`.
   */
  step(batch: Batch, withBins: boolean, step: number, adam: AdamSettings): StepStats {
    if (batch.size !== this.batch) throw new Error(`invalid batch size: ${batch.size} (kernel built for ${this.batch})`);
    const L = this.lay, ex = this.inst.exports, B = this.batch, f = this.f32;
    this.writeBatch(batch);
    ex.pack(L.plan, L.flatTheta);
    this.runSlices({ kind: 'train', plan: L.plan, slices: L.slices });
    ex.reduceSlices(L.plan, 0, L.padded, 1 / B);
    ex.unpackMeanGrad(L.plan, L.flatGrad);
    const meanGradNormSq = ex.sumSquares(L.flatGrad, L.paramCount);
    let loss = 0, sumNormSq = 0;
    const lossOf = f.subarray(L.loss / 4, L.loss / 4 + B), normSq = f.subarray(L.normSq / 4, L.normSq / 4 + B);
    for (let i = 0; i < B; i++) { loss += lossOf[i]; sumNormSq += normSq[i]; }
    let bins: Float64Array | null = null;
    if (withBins) {
      ex.transposeMeanGrad(L.plan, L.gt);
      this.runSlices({ kind: 'dot', plan: L.plan, slices: L.slices, scratch: L.scratch, scratchStride: L.scratchStride, gt: L.gt });
      bins = gradVarByT(batch.t, normSq, f.subarray(L.dot / 4, L.dot / 4 + B), meanGradNormSq);
    }
    const c1 = 1 - Math.pow(adam.beta1, step), c2 = 1 - Math.pow(adam.beta2, step);
    ex.adam(L.flatTheta, L.flatM, L.flatV, L.flatGrad, L.paramCount, adam.lr, adam.beta1, adam.beta2, adam.eps, c1, c2, adam.weightDecay);
    return { loss: loss / B, meanGradNormSq, gradVar: gradVarTrace(sumNormSq, meanGradNormSq, B), gradVarByT: bins };
  }

  /**
   * velocity() of src/math/mlp.ts on θ (flat layout) at n points, in blocks of the batch buffers:
   * returns n × 2. One t for all points or one per point.
   */
  velocity(theta: Float32Array, xy: Float64Array, t: Float64Array | number, n: number): Float64Array {
    const L = this.lay, ex = this.inst.exports, f = this.f32, inP = L.layers[0].inP, dim = L.inputDim;
    f.set(theta, L.flatTheta / 4);
    ex.pack(L.plan, L.flatTheta);
    const out = new Float64Array(2 * n), row = new Float64Array(dim), v = L.layers[L.layers.length - 1].z / 4;
    const input = f.subarray(L.input / 4, L.input / 4 + L.rows4 * inP);
    for (let i0 = 0; i0 < n; i0 += L.rows4) {
      const rows = Math.min(L.rows4, n - i0);
      input.fill(0);
      for (let i = 0; i < rows; i++) {
        const p = i0 + i;
        writeInput(row, 0, xy[2 * p], xy[2 * p + 1], typeof t === 'number' ? t : t[p], this.shape.fourier);
        input.set(row, i * inP);
      }
      ex.forwardRows(L.plan, pad4(rows));
      for (let i = 0; i < rows; i++) { out[2 * (i0 + i)] = f[v + 4 * i]; out[2 * (i0 + i) + 1] = f[v + 4 * i + 1]; }
    }
    return out;
  }

  /** Stops the instance's threads, if any. */
  dispose(): void {
    this.inst.runner?.dispose();
  }

  /** ∇θ of the mean loss of the last step (flat layout), for parity tests. */
  lastGrad(): Float32Array {
    const L = this.lay;
    return this.f32.slice(L.flatGrad / 4, L.flatGrad / 4 + L.paramCount);
  }

  /** Per-sample ‖g_i‖² of the last step, for parity tests. */
  lastSampleNormSq(): Float32Array {
    const L = this.lay;
    return this.f32.slice(L.normSq / 4, L.normSq / 4 + this.batch);
  }
}
