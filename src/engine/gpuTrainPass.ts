// Encodes training steps, on one of two paths (both every model of a σ sweep at once, z = models):
//  - 'tiled', 4 dispatches per step whatever the depth: trainRows (batch draw, forward, loss and
//    backward of every layer, per tile of ROW_TILE samples) → weightGrad (dW, db, ‖g_i‖²) →
//    adamStep → finalizeStep (record, step counter + 1);
//  - 'loop', for small runs (loopFits): stepLoop takes all k steps of a submit in ONE dispatch,
//    one workgroup per model (live.loopSteps = k).
// The per-bin values add gradDotMean and gradVarBins after the last step of a call (the loop
// path first rebuilds ḡ with loopGrad).
// Nothing here depends on the step index: the kernels read it from the GPU's own counter.
import { bindKernel, kernelFits, type GpuKernels, type TrainerKernel } from './gpuPipelines';
import { dispatch2D, LOOP_MAX_BATCH, LOOP_MAX_WIDTH, ROW_TILE, type NetPlan } from './gpuLayout';
import type { TrainBuffers } from './gpuBuffers';

/** How a run encodes its steps. */
export type StepPath = 'tiled' | 'loop';

/** The kernels of a training step (the ODE kernels belong to GpuIntegrator). */
type TrainKernel = Exclude<TrainerKernel, 'odeInput' | 'odeOutput' | 'forwardHidden'>;

/** Whether the one-workgroup K-step path is offered for this plan on this device. */
export function loopFits(device: GPUDevice, plan: NetPlan): boolean {
  const width = Math.max(...plan.layers.slice(0, -1).map((l) => l.fanOut));
  return plan.rows <= LOOP_MAX_BATCH && width <= LOOP_MAX_WIDTH && kernelFits(device, 'stepLoop');
}

export class TrainPass {
  private readonly group0: GPUBindGroup;
  private groups!: Record<TrainKernel, GPUBindGroup>;
  /** dispatches and submits-worth of steps encoded so far (the bench reports them per step) */
  dispatches = 0;

  constructor(private readonly device: GPUDevice, private readonly kernels: GpuKernels, private readonly plan: NetPlan, buffers: TrainBuffers, readonly path: StepPath) {
    if (path === 'loop' && !loopFits(device, plan)) throw new Error(`invalid step path: loop (batch ${plan.rows}, device storage buffers ${device.limits.maxStorageBuffersPerShaderStage})`);
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
    // the row pass's buffers (rowPass.wgsl), bound alike by trainRows and stepLoop
    const rowBuffers = [b.pairs, b.theta, b.state, b.acts, b.zs, b.samples, b.deltas, b.perSample];
    const groups: Partial<Record<TrainKernel, GPUBindGroup>> = {
      trainRows: bind('trainRows', rowBuffers),
      weightGrad: bind('weightGrad', [b.acts, b.deltas, b.perSample, b.gradPartials, b.statsPartials]),
      adamStep: bind('adamStep', [b.state, b.gradPartials, b.theta, b.moments, b.grad, b.gsqPartials]),
      finalizeStep: bind('finalizeStep', [b.statsPartials, b.gsqPartials, b.records, b.state]),
      gradDotMean: bind('gradDotMean', [b.grad, b.acts, b.deltas, b.perSample]),
      gradVarBins: bind('gradVarBins', [b.samples, b.perSample, b.state, b.bins]),
    };
    if (this.path === 'loop') {
      groups.stepLoop = bind('stepLoop', [...rowBuffers, b.moments, b.records]);
      groups.loopGrad = bind('loopGrad', [b.acts, b.deltas, b.grad]);
    }
    this.groups = groups as Record<TrainKernel, GPUBindGroup>;
  }

  /** Dispatches per training step when a submit holds `k` steps. */
  dispatchesPerStep(k = 1): number {
    return this.path === 'loop' ? 1 / k : 4;
  }

  private run(pass: GPUComputePassEncoder, kernel: TrainKernel, x: number, y: number): void {
    const pipeline: GPUComputePipeline | undefined = this.kernels.pipelines[kernel];
    if (!pipeline) throw new Error(`invalid kernel: ${kernel} (not built on this device)`);
    pass.setPipeline(pipeline);
    pass.setBindGroup(1, this.groups[kernel]);
    pass.dispatchWorkgroups(x, y, this.plan.models);
    this.dispatches++;
  }

  /** Encodes `k` complete training steps (the caller wrote live.loopSteps = k for the loop path). */
  encodeSteps(pass: GPUComputePassEncoder, k: number): void {
    const p = this.plan;
    pass.setBindGroup(0, this.group0, [0, 0]);
    if (this.path === 'loop') {
      this.run(pass, 'stepLoop', 1, 1);
      return;
    }
    const [gx, gy] = dispatch2D(p.gradJobs + p.statsJobs);
    const [ax, ay] = dispatch2D(p.adamJobs);
    for (let s = 0; s < k; s++) {
      this.run(pass, 'trainRows', Math.ceil(p.rows / ROW_TILE), 1);
      this.run(pass, 'weightGrad', gx, gy);
      this.run(pass, 'adamStep', ax, ay);
      this.run(pass, 'finalizeStep', 1, 1);
    }
  }

  /** Encodes the per-t-bin values of the last step taken (after its finalizeStep). */
  encodeBins(pass: GPUComputePassEncoder): void {
    const [dx, dy] = dispatch2D(this.plan.rows);
    pass.setBindGroup(0, this.group0, [0, 0]);
    // the loop path keeps no ḡ: rebuilt from the last step's acts and deltas (loopGrad.wgsl)
    if (this.path === 'loop') this.run(pass, 'loopGrad', ...dispatch2D(this.plan.adamJobs));
    this.run(pass, 'gradDotMean', dx, dy);
    this.run(pass, 'gradVarBins', 1, 1);
  }
}
