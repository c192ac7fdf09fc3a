// Explicit bind-group layouts and compute pipelines of every kernel (docs/design.md#the-workgroup-size-is-set-once and docs/design.md#buffers-are-declared).
// Group 0 is shared by all kernels: the Live and Net uniforms and two dynamic-offset uniforms
// (LayerSel, Stage). Group 1 holds each kernel's storage buffers in the order of its WGSL
// bindings; kernels with the same list share one layout. Workgroup sizes reach the WGSL
// `override`s from the constants of src/engine/gpuLayout.ts, the same numbers the dispatches use.
import { kernelCode, type KernelName, type ShaderSources } from './gpuShaders';
import { ADAM_WG, GEMM_KT, GEMM_TILE, GEMM_WG, LIVE_BYTES, LOOP_ROWS, LOOP_WG, MAX_INPUT, NET_BYTES, REDUCE_WG, ROW_TILE, ROW_WG } from './gpuLayout';

type Access = 'read' | 'rw';

/** Group-1 bindings of each trainer kernel, in binding order (see each kernel's header). */
export const KERNEL_BINDINGS = {
  trainRows: ['read', 'read', 'read', 'rw', 'rw', 'rw', 'rw', 'rw'], // pairs, theta, state | acts, zs, samples, deltas, perSample
  forwardHidden: ['read', 'rw', 'rw'], // theta | acts, zs
  weightGrad: ['read', 'read', 'rw', 'rw', 'rw'], // acts, deltas | perSample, gradPartials, statsPartials
  adamStep: ['read', 'read', 'rw', 'rw', 'rw', 'rw'], // state, gradPartials | theta, moments, grad, gsqPartials
  finalizeStep: ['read', 'read', 'rw', 'rw'], // statsPartials, gsqPartials | records, state
  // pairs | theta, state, acts, zs, samples, deltas, perSample (trainRows' buffers, rowPass.wgsl), moments, records
  stepLoop: ['read', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw', 'rw'],
  loopGrad: ['read', 'read', 'rw'], // acts, deltas | grad
  gradDotMean: ['read', 'read', 'read', 'rw'], // grad, acts, deltas | perSample
  gradVarBins: ['read', 'read', 'read', 'rw'], // samples, perSample, state | bins
  odeInput: ['read', 'read', 'rw', 'rw'], // theta, ode | acts, zs
  odeOutput: ['read', 'read', 'rw', 'rw'], // theta, acts | ode, path
} as const satisfies Record<KernelName, readonly Access[]>;

export type TrainerKernel = keyof typeof KERNEL_BINDINGS;

const tile = { TILE: GEMM_TILE, KT: GEMM_KT };
const rows = { ROWS: ROW_TILE, WG: ROW_WG };
/** Pipeline-overridable constants of each kernel: exactly the `override`s its module declares. */
export const KERNEL_CONSTANTS: Record<KernelName, Record<string, number>> = {
  trainRows: rows,
  forwardHidden: tile,
  weightGrad: tile,
  adamStep: { WG: ADAM_WG },
  finalizeStep: { WG: REDUCE_WG },
  stepLoop: { ROWS: LOOP_ROWS, WG: LOOP_WG },
  loopGrad: { WG: ADAM_WG },
  gradDotMean: { WG: REDUCE_WG },
  gradVarBins: { WG: REDUCE_WG },
  odeInput: rows,
  odeOutput: { WG: ROW_WG },
};

/** Kernels built only when the device allows their bindings (training falls back to the others). */
export const OPTIONAL_KERNELS = ['stepLoop'] as const satisfies readonly TrainerKernel[];
type OptionalKernel = (typeof OPTIONAL_KERNELS)[number];
const isOptional = (k: TrainerKernel): k is OptionalKernel => (OPTIONAL_KERNELS as readonly string[]).includes(k);

/** Threads of the largest workgroup of any kernel. */
export const MAX_WORKGROUP_THREADS = Math.max(GEMM_WG, ROW_WG, ADAM_WG, REDUCE_WG, LOOP_WG);

/** var<workgroup> bytes of the kernels that hold the most (the others hold a WG-entry tree at most). */
export const WORKGROUP_BYTES = {
  weightGrad: 2 * GEMM_KT * (GEMM_TILE + 1) * 4 /* tileA, tileB */ + GEMM_WG * 8 /* red: vec2 */,
  trainRows: ROW_TILE * MAX_INPUT * 4 /* xin */ + ROW_WG * 8 /* partial: vec2 */ + ROW_TILE * 8 /* dOut: vec2 */,
  stepLoop: LOOP_ROWS * MAX_INPUT * 4 /* xin */ + LOOP_WG * 8 /* partial */ + LOOP_ROWS * 8 /* dOut */ + LOOP_WG * 16 /* red: vec3 */,
} as const;

/** Byte size the shaders read through the dynamic-offset uniforms (LayerSel: 16, Stage: 32). */
export const SEL_BYTES = 16;
export const STAGE_BYTES = 32;

export interface GpuKernels {
  group0: GPUBindGroupLayout;
  /** group-1 layout of every kernel the device can bind (kernelFits) */
  layouts: Record<TrainerKernel, GPUBindGroupLayout>;
  /** every kernel's pipeline; an OPTIONAL_KERNELS entry is missing when the device cannot bind it */
  pipelines: Record<Exclude<TrainerKernel, OptionalKernel>, GPUComputePipeline> & Partial<Record<OptionalKernel, GPUComputePipeline>>;
}

/** Whether `device` can run `kernel` (its storage bindings within the device's limit). */
export function kernelFits(device: GPUDevice, kernel: TrainerKernel): boolean {
  return KERNEL_BINDINGS[kernel].length <= device.limits.maxStorageBuffersPerShaderStage;
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
  // the optional kernels compile on first use (getOptionalPipeline): SwiftShader needs seconds per module
  const names = (Object.keys(KERNEL_BINDINGS) as TrainerKernel[]).filter((k) => !isOptional(k));
  const layouts = {} as Record<TrainerKernel, GPUBindGroupLayout>;
  for (const name of Object.keys(KERNEL_BINDINGS) as TrainerKernel[]) {
    if (!kernelFits(device, name)) continue; // an optional kernel beyond the device's limit: no layout, no pipeline
    const key = KERNEL_BINDINGS[name].join(',');
    if (!shared.has(key)) shared.set(key, storageLayout(device, KERNEL_BINDINGS[name], `group1 (${key})`));
    layouts[name] = shared.get(key)!;
  }
  const built = await Promise.all(names.map((name) => buildPipeline(device, sources, group0, layouts[name], name)));
  const pipelines = {} as GpuKernels['pipelines'];
  names.forEach((name, i) => { (pipelines as Record<TrainerKernel, GPUComputePipeline>)[name] = built[i]; });
  return { group0, layouts, pipelines };
}

async function buildPipeline(device: GPUDevice, sources: ShaderSources, group0: GPUBindGroupLayout, layout: GPUBindGroupLayout, name: TrainerKernel): Promise<GPUComputePipeline> {
  // createComputePipelineAsync rejects with a GPUPipelineError itself: no error scope held across awaits
  try {
    const module = await compileModule(device, kernelCode(sources, name), name);
    return await device.createComputePipelineAsync({
      label: name,
      layout: device.createPipelineLayout({ label: name, bindGroupLayouts: [group0, layout] }),
      compute: { module, entryPoint: 'main', constants: KERNEL_CONSTANTS[name] },
    });
  } catch (error) {
    throw new Error(`GPU pipeline creation failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const optional = new WeakMap<GpuKernels, Map<OptionalKernel, Promise<GPUComputePipeline>>>();

/** Builds (once per kernel set) an OPTIONAL_KERNELS pipeline into kernels.pipelines; rejects if the device cannot bind it. */
export function getOptionalPipeline(device: GPUDevice, sources: ShaderSources, kernels: GpuKernels, name: OptionalKernel): Promise<GPUComputePipeline> {
  if (!kernelFits(device, name)) return Promise.reject(new Error(`invalid kernel for this device: ${name} binds ${KERNEL_BINDINGS[name].length} storage buffers, the device allows ${device.limits.maxStorageBuffersPerShaderStage}`));
  let perKernels = optional.get(kernels);
  if (!perKernels) { perKernels = new Map(); optional.set(kernels, perKernels); }
  let built = perKernels.get(name);
  if (!built) {
    built = buildPipeline(device, sources, kernels.group0, kernels.layouts[name], name).then((p) => { kernels.pipelines[name] = p; return p; });
    built.catch(() => perKernels!.delete(name));
    perKernels.set(name, built);
  }
  return built;
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

