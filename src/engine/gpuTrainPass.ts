// Encodes training steps: the dispatch sequence of one step, repeated K times in one compute pass.
// Per step (L = depth + 1 layers, 2·depth + 3 dispatches):
//   batchForward (batch + layer 0) → forwardHidden l = 1…L−2 → outputLoss (layer L−1, loss,
//   δ_{L−1}, δ_{L−2}) → backwardHidden l = L−2…1 → weightGrad (dW, db, ‖g_i‖²) → adamStep →
//   finalizeStep (record, step counter + 1).
// The per-bin values add gradDotMean and gradVarBins after the last step of a call.
// Nothing here depends on the step index: the kernels read it from the GPU's own counter.
// Every dispatch has z = models: the models of a σ sweep step in the same dispatches.
import { bindKernel, type GpuKernels, type TrainerKernel } from './gpuPipelines';
import { dispatch2D, DYNAMIC_STRIDE, GEMM_TILE, ROW_TILE, type NetPlan } from './gpuLayout';
import type { TrainBuffers } from './gpuBuffers';

/** The kernels of a training step (the ODE kernels belong to GpuIntegrator). */
type TrainKernel = Exclude<TrainerKernel, 'odeInput' | 'odeOutput'>;

export class TrainPass {
  private readonly group0: GPUBindGroup;
  private groups!: Record<TrainKernel, GPUBindGroup>;
  // State set on the pass being encoded, so unchanged bindings are not set again: group 0 keeps
  // its binding across pipelines (all share its layout) and only the layer offset moves.
  private current: { pass: GPUComputePassEncoder | null; kernel: TrainKernel | null; layer: number } = { pass: null, kernel: null, layer: -1 };

  constructor(private readonly device: GPUDevice, private readonly kernels: GpuKernels, private readonly plan: NetPlan, buffers: TrainBuffers) {
    this.group0 = device.createBindGroup({
      label: 'train group0',
      layout: kernels.group0,
      entries: [
        { binding: 0, resource: { buffer: buffers.live } },
        { binding: 1, resource: { buffer: buffers.net } },
        { binding: 2, resource: { buffer: buffers.sel, size: 16 } },
        { binding: 3, resource: { buffer: buffers.stage, size: 32 } },
      ],
    });
    this.rebind(buffers);
  }

  /** Rebuilds the group-1 bind groups (after a buffer was replaced, e.g. a bigger pair set). */
  rebind(b: TrainBuffers): void {
    const bind = (k: TrainKernel, list: GPUBuffer[]) => bindKernel(this.device, this.kernels, k, list);
    this.current = { pass: null, kernel: null, layer: -1 };
    this.groups = {
      batchForward: bind('batchForward', [b.pairs, b.theta, b.state, b.acts, b.zs, b.samples]),
      forwardHidden: bind('forwardHidden', [b.theta, b.acts, b.zs]),
      outputLoss: bind('outputLoss', [b.theta, b.samples, b.acts, b.zs, b.deltas, b.perSample]),
      backwardHidden: bind('backwardHidden', [b.theta, b.zs, b.deltas]),
      weightGrad: bind('weightGrad', [b.acts, b.deltas, b.perSample, b.gradPartials, b.statsPartials]),
      adamStep: bind('adamStep', [b.state, b.gradPartials, b.theta, b.moments, b.grad, b.gsqPartials]),
      finalizeStep: bind('finalizeStep', [b.statsPartials, b.gsqPartials, b.records, b.state]),
      gradDotMean: bind('gradDotMean', [b.grad, b.acts, b.deltas, b.perSample]),
      gradVarBins: bind('gradVarBins', [b.samples, b.perSample, b.state, b.bins]),
    };
  }

  /** Dispatches per training step. */
  get dispatchesPerStep(): number {
    return 2 * this.plan.layers.length + 1;
  }

  private use(pass: GPUComputePassEncoder, kernel: TrainKernel, layer: number): void {
    const cur = this.current;
    if (cur.pass !== pass) { cur.pass = pass; cur.kernel = null; cur.layer = -1; }
    if (cur.kernel !== kernel) {
      pass.setPipeline(this.kernels.pipelines[kernel]);
      pass.setBindGroup(1, this.groups[kernel]);
      cur.kernel = kernel;
    }
    if (cur.layer !== layer) {
      pass.setBindGroup(0, this.group0, [layer * DYNAMIC_STRIDE, 0]);
      cur.layer = layer;
    }
  }

  /** Encodes `k` complete training steps. */
  encodeSteps(pass: GPUComputePassEncoder, k: number): void {
    const p = this.plan, L = p.layers.length, rows = p.rows, M = p.models;
    const rowGroups = Math.ceil(rows / ROW_TILE), rowTiles = Math.ceil(rows / GEMM_TILE);
    const [gx, gy] = dispatch2D(p.gradJobs + p.statsJobs);
    const [ax, ay] = dispatch2D(p.adamJobs);
    for (let s = 0; s < k; s++) {
      this.use(pass, 'batchForward', 0);
      pass.dispatchWorkgroups(rowGroups, 1, M);
      for (let l = 1; l <= L - 2; l++) {
        this.use(pass, 'forwardHidden', l);
        pass.dispatchWorkgroups(Math.ceil(p.layers[l].fanOut / GEMM_TILE), rowTiles, M);
      }
      this.use(pass, 'outputLoss', L - 1);
      pass.dispatchWorkgroups(rowGroups, 1, M);
      for (let l = L - 2; l >= 1; l--) {
        this.use(pass, 'backwardHidden', l);
        pass.dispatchWorkgroups(Math.ceil(p.layers[l].fanIn / GEMM_TILE), rowTiles, M);
      }
      this.use(pass, 'weightGrad', 0);
      pass.dispatchWorkgroups(gx, gy, M);
      this.use(pass, 'adamStep', 0);
      pass.dispatchWorkgroups(ax, ay, M);
      this.use(pass, 'finalizeStep', 0);
      pass.dispatchWorkgroups(1, 1, M);
    }
  }

  /** Encodes the per-t-bin values of the last step taken (after its finalizeStep). */
  encodeBins(pass: GPUComputePassEncoder): void {
    const [dx, dy] = dispatch2D(this.plan.rows);
    this.use(pass, 'gradDotMean', 0);
    pass.dispatchWorkgroups(dx, dy, this.plan.models);
    this.use(pass, 'gradVarBins', 0);
    pass.dispatchWorkgroups(1, 1, this.plan.models);
  }
}
