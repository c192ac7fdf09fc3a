// The one engine factory of every `flowvar` command (run, compare, sweep, reflow, grid, and the
// export's bench row): `--engine cpu` trains on the WebAssembly kernel, `--engine gpu` on the WGSL
// kernels through Dawn. The GPU path loads Dawn (the `webgpu` package, src/node/dawn.ts) lazily,
// so the CPU path never loads it. The factory names its device honestly: a software GPU says so.
import type { RunConfig } from '../engine/runConfig';
import type { Trainer } from '../engine/trainer';
import { CpuTrainer } from '../engine/cpuTrainer';
import type { ShaderSources } from '../engine/gpuShaders';
import { isSoftwareInfo, probeCapabilities } from '../engine/gpu';
import type { MlpKernel } from '../engine/wasm/mlpKernel';
import { installNodeMlpKernel } from '../node/wasmKernel';
import { CliFailure, type EngineName } from './common';

/** An opened GPU: the device, its adapter and the shader sources. */
export interface NodeGpu {
  device: GPUDevice;
  adapter: GPUAdapter;
  shaders: ShaderSources;
  /** the adapter is a software rasterizer (SwiftShader, llvmpipe): correct but far slower than --engine cpu */
  software: boolean;
}

interface Disposable { dispose(): unknown }

/** What a command trains on: one per process and --engine. */
export interface Engine {
  kind: EngineName;
  /** the `device` key of the rows: e.g. "CPU (WebAssembly SIMD, 2 threads)", "SwiftShader … (WebGPU, software GPU)" */
  device: string;
  /** the GPU behind `--engine gpu` (null on the CPU): batched sweeps and compares build on it */
  gpu: NodeGpu | null;
  /** a trainer of `config`, disposed by close() */
  trainer(config: RunConfig): Promise<Trainer>;
  /** hands a batched GPU engine (sweep, compare) built on `gpu` to close() */
  own<T extends Disposable>(thing: T): T;
  /** disposes a trainer or engine made here before close() (a grid frees each run when it ends) */
  release(thing: Disposable): void;
  /** disposes every trainer and engine made here, then the device */
  close(): void;
}

/** The hint printed once under a software GPU's device line. */
export const SOFTWARE_GPU_HINT = 'this is a software GPU (no hardware adapter): --engine cpu is faster here';

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

const NO_GPU_HINT = 'without a GPU: apt-get install libvulkan1 chromium, then VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json';

/** What --engine gpu says when the optional `webgpu` package is not installed (docs/cli.md#--engine-gpu-on-a-machine-without-a-gpu). */
export const MISSING_WEBGPU = '--engine gpu needs the optional package webgpu (Dawn), which is not installed: run `npm install webgpu`, or use --engine cpu, which works without it';

/** Node's error for an import of `webgpu` that is not installed (ESM and require word it differently). */
const isMissingWebgpu = (e: unknown) => /^Cannot find (package|module) 'webgpu'/.test(firstLine(e));

/** A Node WebGPU device (Dawn) and the shader sources, or a CliFailure saying how to get one. */
export async function openNodeGpu(): Promise<NodeGpu> {
  let dawn: typeof import('../node/dawn'), sources: typeof import('../node/shaderSources');
  try {
    [dawn, sources] = await Promise.all([import('../node/dawn'), import('../node/shaderSources')]);
  } catch (e) {
    throw new CliFailure(isMissingWebgpu(e) ? MISSING_WEBGPU : `--engine gpu is not available: ${firstLine(e)}`);
  }
  // probe in a child first: a failed Vulkan start writes native warnings to stderr (src/node/dawn.ts)
  const missing = dawn.probeNodeGpu();
  if (missing !== null) throw new CliFailure(`--engine gpu: no WebGPU adapter (${missing}); ${NO_GPU_HINT}`);
  try {
    const { device, adapter } = await dawn.createNodeDevice();
    return { device, adapter, shaders: sources.loadShaderSources(), software: isSoftwareInfo(adapter.info) };
  } catch (e) {
    throw new CliFailure(`--engine gpu: no WebGPU device (${firstLine(e)}); ${NO_GPU_HINT}`);
  }
}

/** The `device` string of a GPU: the adapter's description, and "software GPU" when it is one. */
export function gpuDeviceName(gpu: Pick<NodeGpu, 'adapter' | 'software'>): string {
  return `${probeCapabilities(gpu.adapter).description} (WebGPU${gpu.software ? ', software GPU' : ''})`;
}

/** Threads of the CPU engine: FLOWVAR_THREADS, else the machine's cores (at most 8); any count gives the same numbers. */
function cpuThreads(): number | undefined {
  const n = Number(process.env.FLOWVAR_THREADS);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

let kernel: MlpKernel | null = null;

/** The WebAssembly kernel of this process, installed once for every CpuTrainer built after it. */
function cpuKernel(): MlpKernel {
  kernel ??= installNodeMlpKernel(cpuThreads());
  return kernel;
}

/** Opens the engine `kind`; every trainer a command builds comes from here. */
export async function openEngine(kind: EngineName): Promise<Engine> {
  const made: Disposable[] = [];
  const own = <T extends Disposable>(t: T): T => { made.push(t); return t; };
  const disposeAll = () => { for (const t of made.splice(0).reverse()) t.dispose(); };
  const release = (t: Disposable) => {
    const i = made.indexOf(t);
    if (i >= 0) { made.splice(i, 1); t.dispose(); }
  };
  if (kind === 'cpu') {
    const k = cpuKernel();
    return {
      kind, device: `CPU (${k.label})`, gpu: null, own, release,
      trainer: async (config) => own(new CpuTrainer(config, k)),
      close: disposeAll,
    };
  }
  const gpu = await openNodeGpu();
  const { GpuTrainer } = await import('../engine/gpuTrainer');
  return {
    kind, device: gpuDeviceName(gpu), gpu, own, release,
    trainer: async (config) => own(await GpuTrainer.create(gpu.device, config, gpu.shaders, { adapter: gpu.adapter })),
    close: () => { disposeAll(); gpu.device.destroy(); },
  };
}
