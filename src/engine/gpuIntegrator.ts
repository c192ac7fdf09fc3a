// ODE integration of the learned field on the GPU (docs/math.md#integration-and-the-measured-figures), for evaluate() and integrate().
// All models of the run integrate in the same dispatches (z = model), from the same start points or
// each from its own (a sweep over seeds: each seed's training and fresh x0's).
// Particles go through in chunks (bounded buffers for up to 100 000 particles × 257 states). Per
// stage of each step: odeInput (stage point + layer 0) → forwardHidden l = 1…L−2 (the training
// kernel, z not kept, ping-pong activations) → odeOutput (last layer, stage slope, update).
// Each chunk is one submit whose paths are copied to their own staging buffer; calls are serialized.
// A call integrates a snapshot of θ taken when it is made, and sizes its chunks so one takes about
// CHUNK_TARGET_MS: training steps submitted meanwhile run between chunks instead of waiting for
// the whole evaluation (10 000 particles take seconds on a software adapter). Chunking never
// changes a path: every particle goes through the same kernels alone.
import { bindKernel, type GpuKernels } from './gpuPipelines';
import { DYNAMIC_STRIDE, GEMM_TILE, NET_BYTES, ROW_TILE, ROW_WG, STAGE_COUNT, layerSelTable, odeStageTable, packNet, planIntegration } from './gpuLayout';
import { createBuffer, USAGE } from './gpuBuffers';
import type { IntegrateRequest, Trajectories } from './trainer';
import type { MlpShape } from '../math/mlp';
import { INTEGRATOR_ID } from '../math/ode';

/** Bytes of the per-chunk buffers at most (paths, activations): keeps within default limits. */
const CHUNK_BYTES = 64 * 1024 * 1024;
/** Wall time one integration submit aims at, and the rows of the first chunk of a call. */
export const CHUNK_TARGET_MS = 40;
const FIRST_CHUNK_ROWS = ROW_WG;
/** Fewest rows of a chunk (one row tile): 16 particles × 64 RK steps is already ~0.1 s on SwiftShader at width 128. */
const MIN_CHUNK_ROWS = ROW_TILE;
/** Most integration steps accepted (RUN_CONFIG_FIELDS.odeSteps.max). */
export const MAX_ODE_STEPS = 256;

const STORAGE = USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST;

interface ChunkBuffers {
  rows: number;
  pathBytes: number;
  acts: GPUBuffer;
  zs: GPUBuffer;
  ode: GPUBuffer;
  path: GPUBuffer;
  group0: GPUBindGroup;
}

/** The bind groups of one call: its θ snapshot and the chunk buffers. */
interface CallGroups {
  inputGroup: GPUBindGroup;
  hiddenGroup: GPUBindGroup;
  outputGroup: GPUBindGroup;
}

export class GpuIntegrator {
  private readonly net: GPUBuffer;
  private readonly sel: GPUBuffer;
  private readonly stage: GPUBuffer;
  private stageKey = '';
  private chunk: ChunkBuffers | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** rows per chunk that met CHUNK_TARGET_MS last time (0: not measured yet) */
  private rowsPerChunk = 0;
  /** set by close(): queued or chunked integrations stop before their next submit */
  private closed = false;

  constructor(private readonly device: GPUDevice, private readonly kernels: GpuKernels, private readonly shape: MlpShape,
    private readonly models: number, private readonly theta: GPUBuffer, private readonly live: GPUBuffer, private readonly maxChunk = Infinity) {
    const layers = shape.depth + 1;
    this.net = createBuffer(device, 'ode net', NET_BYTES, USAGE.UNIFORM | USAGE.COPY_DST);
    this.sel = createBuffer(device, 'ode sel', layers * DYNAMIC_STRIDE, USAGE.UNIFORM | USAGE.COPY_DST);
    device.queue.writeBuffer(this.sel, 0, layerSelTable(layers));
    this.stage = createBuffer(device, 'ode stages', MAX_ODE_STEPS * 4 * DYNAMIC_STRIDE, USAGE.UNIFORM | USAGE.COPY_DST);
  }

  /** Largest chunk of particles for `steps`: paths (steps + 1) × 2 floats, X and two activation rows, per model. */
  chunkRows(steps: number): number {
    const inputDim = 3 + 2 * this.shape.fourier;
    const perRow = 4 * this.models * Math.max(2 * (steps + 1), inputDim + 2 * this.shape.width, 10);
    const fit = Math.max(ROW_WG, Math.floor(CHUNK_BYTES / perRow / ROW_WG) * ROW_WG);
    return Math.max(1, Math.min(fit, Math.floor(this.maxChunk)));
  }

  /** Paths of every model from req.start, or from starts[m] for model m (each req.count points). */
  integrate(req: IntegrateRequest, starts?: readonly Float32Array[]): Promise<Trajectories[]> {
    if (starts && starts.length !== this.models) return Promise.reject(new Error(`invalid starts: ${starts.length} sets for ${this.models} models`));
    const theta = this.snapshotTheta();
    const run = this.queue.then(() => this.run(req, theta, starts ?? Array<Float32Array>(this.models).fill(req.start))).finally(() => theta.destroy());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** θ as the queue holds it now (after every step submitted so far), for one integrate() call. */
  private snapshotTheta(): GPUBuffer {
    const copy = createBuffer(this.device, 'ode θ snapshot', this.theta.size, STORAGE);
    const encoder = this.device.createCommandEncoder({ label: 'θ snapshot' });
    encoder.copyBufferToBuffer(this.theta, 0, copy, 0, this.theta.size);
    this.device.queue.submit([encoder.finish()]);
    return copy;
  }

  private async run(req: IntegrateRequest, theta: GPUBuffer, starts: readonly Float32Array[]): Promise<Trajectories[]> {
    if (!(req.method in INTEGRATOR_ID)) throw new Error(`invalid integrator: ${req.method}`);
    if (!Number.isInteger(req.steps) || req.steps < 1 || req.steps > MAX_ODE_STEPS) throw new Error(`invalid steps: ${req.steps}`);
    if (req.direction !== 'forward' && req.direction !== 'backward') throw new Error(`invalid direction: ${req.direction}`);
    const count = Math.max(0, Math.min(Number.isFinite(req.count) ? Math.floor(req.count) : 0, ...starts.map((s) => Math.floor(s.length / 2))));
    const states = req.steps + 1;
    const out = Array.from({ length: this.models }, () => ({ count, states, path: new Float32Array(states * count * 2) }));
    if (count === 0) return out;
    if (this.closed) throw new Error('integration cancelled: the GPU trainer was disposed');
    this.writeStages(req);
    const capacity = Math.min(count, this.chunkRows(req.steps));
    const b = this.buffersFor(capacity, req.steps);
    const groups: CallGroups = {
      inputGroup: bindKernel(this.device, this.kernels, 'odeInput', [theta, b.ode, b.acts, b.zs]),
      hiddenGroup: bindKernel(this.device, this.kernels, 'forwardHidden', [theta, b.acts, b.zs]),
      outputGroup: bindKernel(this.device, this.kernels, 'odeOutput', [theta, b.acts, b.ode, b.path]),
    };
    let rows = Math.min(capacity, Math.max(MIN_CHUNK_ROWS, this.rowsPerChunk || FIRST_CHUNK_ROWS));
    for (let c0 = 0, n = 0; c0 < count; c0 += n) {
      if (this.closed) throw new Error('integration cancelled: the GPU trainer was disposed');
      n = Math.min(rows, count - c0);
      const started = globalThis.performance.now();
      const paths = await this.runChunk(req, starts.map((s) => s.subarray(2 * c0, 2 * (c0 + n))), n, b, groups);
      // next chunk: the rows that take about CHUNK_TARGET_MS at this pace (at most 4× more, a multiple of ROW_TILE)
      const ms = Math.max(1, globalThis.performance.now() - started);
      if (n === rows) {
        rows = Math.min(capacity, Math.max(MIN_CHUNK_ROWS, Math.floor(Math.min(4, CHUNK_TARGET_MS / ms) * n / ROW_TILE) * ROW_TILE));
        this.rowsPerChunk = rows;
      }
      for (let m = 0; m < this.models; m++) {
        const base = m * states * n * 2;
        for (let s = 0; s < states; s++) out[m].path.set(paths.subarray(base + s * n * 2, base + (s + 1) * n * 2), (s * count + c0) * 2);
      }
    }
    return out;
  }

  private writeStages(req: IntegrateRequest): void {
    const key = `${req.method}/${req.steps}/${req.direction}`;
    if (key === this.stageKey) return;
    this.device.queue.writeBuffer(this.stage, 0, odeStageTable(req.method, req.steps, req.direction));
    this.stageKey = key;
  }

  private buffersFor(rows: number, steps: number): ChunkBuffers {
    const M = this.models;
    const plan = planIntegration(this.shape, rows, M);
    const pathBytes = M * (steps + 1) * rows * 8;
    if (this.chunk && this.chunk.rows >= rows && this.chunk.pathBytes >= pathBytes) return this.chunk;
    this.destroyChunk();
    const acts = createBuffer(this.device, 'ode acts', M * plan.actsFloats * 4, STORAGE);
    const zs = createBuffer(this.device, 'ode zs (unused)', 16, STORAGE);
    const ode = createBuffer(this.device, 'ode state', M * 5 * rows * 8, STORAGE);
    const path = createBuffer(this.device, 'ode path', pathBytes, STORAGE);
    const group0 = this.device.createBindGroup({
      label: 'ode group0', layout: this.kernels.group0,
      entries: [
        { binding: 0, resource: { buffer: this.live } },
        { binding: 1, resource: { buffer: this.net } },
        { binding: 2, resource: { buffer: this.sel, size: 16 } },
        { binding: 3, resource: { buffer: this.stage, size: 32 } },
      ],
    });
    this.chunk = { rows, pathBytes, acts, zs, ode, path, group0 };
    return this.chunk;
  }

  private destroyChunk(): void {
    if (this.chunk) for (const b of [this.chunk.acts, this.chunk.zs, this.chunk.ode, this.chunk.path]) b.destroy();
    this.chunk = null;
  }

  /** One chunk of n particles for every model (starts[m]: model m's): paths model-major, then state-major. */
  private async runChunk(req: IntegrateRequest, starts: readonly Float32Array[], n: number, b: ChunkBuffers, g: CallGroups): Promise<Float32Array> {
    const M = this.models;
    const plan = planIntegration(this.shape, n, M);
    const L = plan.layers.length, stages = STAGE_COUNT[req.method];
    const q = this.device.queue;
    q.writeBuffer(this.net, 0, packNet(plan));
    for (let m = 0; m < M; m++) q.writeBuffer(b.ode, m * 5 * n * 8, starts[m]);
    const modelPath = (req.steps + 1) * n * 8, pathBytes = M * modelPath;
    const staging = createBuffer(this.device, 'ode path readback', pathBytes, USAGE.MAP_READ | USAGE.COPY_DST);
    const encoder = this.device.createCommandEncoder({ label: 'integrate' });
    for (let m = 0; m < M; m++) encoder.copyBufferToBuffer(b.ode, m * 5 * n * 8, b.path, m * modelPath, n * 8);
    const pass = encoder.beginComputePass({ label: 'integrate' });
    const rowGroups = Math.ceil(n / ROW_TILE), particleGroups = Math.ceil(n / ROW_WG), rowTiles = Math.ceil(n / GEMM_TILE);
    for (let s = 0; s < req.steps; s++) {
      for (let j = 0; j < stages; j++) {
        const stageOffset = (s * stages + j) * DYNAMIC_STRIDE;
        pass.setPipeline(this.kernels.pipelines.odeInput);
        pass.setBindGroup(0, b.group0, [0, stageOffset]);
        pass.setBindGroup(1, g.inputGroup);
        pass.dispatchWorkgroups(rowGroups, 1, M);
        for (let l = 1; l <= L - 2; l++) {
          pass.setPipeline(this.kernels.pipelines.forwardHidden);
          pass.setBindGroup(0, b.group0, [l * DYNAMIC_STRIDE, stageOffset]);
          pass.setBindGroup(1, g.hiddenGroup);
          pass.dispatchWorkgroups(Math.ceil(plan.layers[l].fanOut / GEMM_TILE), rowTiles, M);
        }
        pass.setPipeline(this.kernels.pipelines.odeOutput);
        pass.setBindGroup(0, b.group0, [(L - 1) * DYNAMIC_STRIDE, stageOffset]);
        pass.setBindGroup(1, g.outputGroup);
        pass.dispatchWorkgroups(particleGroups, 1, M);
      }
    }
    pass.end();
    encoder.copyBufferToBuffer(b.path, 0, staging, 0, pathBytes);
    q.submit([encoder.finish()]);
    try {
      await staging.mapAsync(0x1 /* GPUMapMode.READ */);
      return new Float32Array(staging.getMappedRange().slice(0, pathBytes));
    } finally {
      staging.destroy();
    }
  }


  /** No further submits; what is in flight completes (its promise settles), then call destroy(). */
  close(): void {
    this.closed = true;
  }

  destroy(): void {
    this.closed = true;
    this.destroyChunk();
    this.stage.destroy();
    this.net.destroy();
    this.sel.destroy();
  }
}
