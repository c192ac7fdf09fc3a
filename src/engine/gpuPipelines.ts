// Explicit bind-group layouts and compute pipelines of every kernel (STYLE rules 4 and 5).
// Group 0 is shared by all kernels: the Live and Net uniforms and two dynamic-offset uniforms
// (LayerSel, Stage). Group 1 holds each kernel's storage buffers in the order of its WGSL
// bindings; kernels with the same list share one layout. Workgroup sizes reach the WGSL
// `override`s from the constants of src/engine/gpuLayout.ts, the same numbers the dispatches use.
import { kernelCode, type KernelName, type ShaderSources } from './gpuShaders';
import { ADAM_WG, GEMM_KT, GEMM_TILE, LIVE_BYTES, NET_BYTES, REDUCE_WG, ROW_TILE, ROW_WG } from './gpuLayout';

type Access = 'read' | 'rw';

/** Group-1 bindings of each trainer kernel, in binding order (see each kernel's header). */
export const KERNEL_BINDINGS = {
  batchForward: ['read', 'read', 'read', 'rw', 'rw', 'rw'], // pairs, theta, state | acts, zs, samples
  forwardHidden: ['read', 'rw', 'rw'], // theta | acts, zs
  outputLoss: ['read', 'read', 'read', 'read', 'rw', 'rw'], // theta, samples, acts, zs | deltas, perSample
  backwardHidden: ['read', 'read', 'rw'], // theta, zs | deltas
  weightGrad: ['read', 'read', 'rw', 'rw', 'rw'], // acts, deltas | perSample, gradPartials, statsPartials
  adamStep: ['read', 'read', 'rw', 'rw', 'rw', 'rw'], // state, gradPartials | theta, moments, grad, gsqPartials
  finalizeStep: ['read', 'read', 'rw', 'rw'], // statsPartials, gsqPartials | records, state
  gradDotMean: ['read', 'read', 'read', 'rw'], // grad, acts, deltas | perSample
  gradVarBins: ['read', 'read', 'read', 'rw'], // samples, perSample, state | bins
  odeInput: ['read', 'read', 'rw', 'rw'], // theta, ode | acts, zs
  odeOutput: ['read', 'read', 'rw', 'rw'], // theta, acts | ode, path
} as const satisfies Record<Exclude<KernelName, 'rngProbe'>, readonly Access[]>;

export type TrainerKernel = keyof typeof KERNEL_BINDINGS;

const tile = { TILE: GEMM_TILE, KT: GEMM_KT };
const rows = { ROWS: ROW_TILE, WG: ROW_WG };
/** Pipeline-overridable constants of each kernel: exactly the `override`s its module declares. */
export const KERNEL_CONSTANTS: Record<KernelName, Record<string, number>> = {
  batchForward: rows,
  forwardHidden: tile,
  outputLoss: rows,
  backwardHidden: tile,
  weightGrad: tile,
  adamStep: { WG: ADAM_WG },
  finalizeStep: { WG: REDUCE_WG },
  gradDotMean: { WG: REDUCE_WG },
  gradVarBins: { WG: REDUCE_WG },
  odeInput: rows,
  odeOutput: { WG: ROW_WG },
  rngProbe: { WG: ROW_WG },
};

/** Byte size the shaders read through the dynamic-offset uniforms (LayerSel: 16, Stage: 32). */
export const SEL_BYTES = 16;
export const STAGE_BYTES = 32;

export interface GpuKernels {
  group0: GPUBindGroupLayout;
  layouts: Record<TrainerKernel, GPUBindGroupLayout>;
  pipelines: Record<TrainerKernel, GPUComputePipeline>;
}

const COMPUTE = 0x4; // GPUShaderStage.COMPUTE (the global may be missing in a Worker's types)

export function storageLayout(device: GPUDevice, access: readonly Access[], label: string): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    label,
    entries: access.map((a, binding) => ({ binding, visibility: COMPUTE, buffer: { type: a === 'read' ? 'read-only-storage' : 'storage' } })),
  });
}

function group0Layout(device: GPUDevice): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    label: 'group0 (live, net, sel, stage)',
    entries: [
      { binding: 0, visibility: COMPUTE, buffer: { type: 'uniform', minBindingSize: LIVE_BYTES } },
      { binding: 1, visibility: COMPUTE, buffer: { type: 'uniform', minBindingSize: NET_BYTES } },
      { binding: 2, visibility: COMPUTE, buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: SEL_BYTES } },
      { binding: 3, visibility: COMPUTE, buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: STAGE_BYTES } },
    ],
  });
}

/** Compiles a module and throws with the compiler's messages if it has errors. */
export async function compileModule(device: GPUDevice, code: string, label: string): Promise<GPUShaderModule> {
  const module = device.createShaderModule({ code, label });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    throw new Error(`WGSL compile error in ${label}: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
  }
  return module;
}

/** The relations the kernels assume between the workgroup constants (gpuLayout.ts). */
export function checkWorkgroupConstants(): void {
  const pow2 = (n: number) => Number.isInteger(Math.log2(n));
  if (!(pow2(GEMM_TILE) && GEMM_TILE >= 8 && GEMM_KT <= GEMM_TILE && (GEMM_TILE * GEMM_KT) % ((GEMM_TILE / 4) ** 2) === 0)) {
    throw new Error(`invalid GEMM_TILE/GEMM_KT: ${GEMM_TILE}/${GEMM_KT}`);
  }
  if (ROW_WG % ROW_TILE !== 0) throw new Error(`invalid ROW_TILE: ${ROW_TILE} must divide ROW_WG ${ROW_WG}`);
  for (const wg of [ADAM_WG, REDUCE_WG]) if (!pow2(wg)) throw new Error(`invalid reduction workgroup size: ${wg} (tree reductions need a power of two)`);
}

async function buildKernels(device: GPUDevice, sources: ShaderSources): Promise<GpuKernels> {
  checkWorkgroupConstants();
  const group0 = group0Layout(device);
  const shared = new Map<string, GPUBindGroupLayout>();
  const names = Object.keys(KERNEL_BINDINGS) as TrainerKernel[];
  const layouts = {} as Record<TrainerKernel, GPUBindGroupLayout>;
  for (const name of names) {
    const key = KERNEL_BINDINGS[name].join(',');
    if (!shared.has(key)) shared.set(key, storageLayout(device, KERNEL_BINDINGS[name], `group1 (${key})`));
    layouts[name] = shared.get(key)!;
  }
  // createComputePipelineAsync rejects with a GPUPipelineError itself: no error scope held across awaits
  const built = await Promise.all(names.map(async (name) => {
    const module = await compileModule(device, kernelCode(sources, name), name);
    return device.createComputePipelineAsync({
      label: name,
      layout: device.createPipelineLayout({ label: name, bindGroupLayouts: [group0, layouts[name]] }),
      compute: { module, entryPoint: 'main', constants: KERNEL_CONSTANTS[name] },
    });
  })).catch((error: unknown) => {
    throw new Error(`GPU pipeline creation failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  const pipelines = {} as Record<TrainerKernel, GPUComputePipeline>;
  names.forEach((name, i) => { pipelines[name] = built[i]; });
  return { group0, layouts, pipelines };
}

const cache = new WeakMap<GPUDevice, WeakMap<ShaderSources, Promise<GpuKernels>>>();

/** The kernels of `device`, compiled once per device and shader set. */
export function getKernels(device: GPUDevice, sources: ShaderSources): Promise<GpuKernels> {
  let perDevice = cache.get(device);
  if (!perDevice) { perDevice = new WeakMap(); cache.set(device, perDevice); }
  let kernels = perDevice.get(sources);
  if (!kernels) {
    kernels = buildKernels(device, sources);
    kernels.catch(() => perDevice!.delete(sources));
    perDevice.set(sources, kernels);
  }
  return kernels;
}

/** Group-1 bind group of `kernel` over `buffers` in binding order. */
export function bindKernel(device: GPUDevice, kernels: GpuKernels, kernel: TrainerKernel, buffers: readonly GPUBuffer[]): GPUBindGroup {
  if (buffers.length !== KERNEL_BINDINGS[kernel].length) throw new Error(`invalid bindings for ${kernel}: ${buffers.length}`);
  return device.createBindGroup({
    label: kernel,
    layout: kernels.layouts[kernel],
    entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
}

