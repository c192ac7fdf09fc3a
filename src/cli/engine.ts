// The trainer behind `flowvar run --engine cpu|gpu`. The GPU path loads Dawn (the `webgpu`
// package, src/node/dawn.ts) and the GPU trainer lazily, so the CPU path never loads them.
import type { RunConfig } from '../engine/runConfig';
import type { Trainer } from '../engine/trainer';
import type { EngineName } from './args';
import { CpuTrainer } from '../engine/cpuTrainer';
import type { ShaderSources } from '../engine/gpuShaders';
import { installNodeMlpKernel } from '../node/wasmKernel';

/** A failure the user can act on: main prints the message alone (no stack trace), exit code 1. */
export class RunError extends Error {}

export interface EngineHandle {
  trainer: Trainer;
  /** releases the trainer and the device */
  close(): void;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

const NO_GPU_HINT = 'without a GPU: apt-get install libvulkan1 chromium, then VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json';

/** A Node WebGPU device (Dawn) and the shader sources, or a RunError saying how to get one. */
export async function openNodeGpu(): Promise<{ device: GPUDevice; adapter: GPUAdapter; shaders: ShaderSources }> {
  let dawn: typeof import('../node/dawn'), sources: typeof import('../node/shaderSources');
  try {
    [dawn, sources] = await Promise.all([import('../node/dawn'), import('../node/shaderSources')]);
  } catch (e) {
    throw new RunError(`--engine gpu is not available: ${firstLine(e)}`);
  }
  // probe in a child first: a failed Vulkan start writes native warnings to stderr (src/node/dawn.ts)
  const missing = dawn.probeNodeGpu();
  if (missing !== null) throw new RunError(`--engine gpu: no WebGPU adapter (${missing}); ${NO_GPU_HINT}`);
  try {
    const { device, adapter } = await dawn.createNodeDevice();
    return { device, adapter, shaders: sources.loadShaderSources() };
  } catch (e) {
    throw new RunError(`--engine gpu: no WebGPU device (${firstLine(e)}); ${NO_GPU_HINT}`);
  }
}

async function gpuEngine(config: RunConfig): Promise<EngineHandle> {
  const { device, adapter, shaders } = await openNodeGpu();
  const { GpuTrainer } = await import('../engine/gpuTrainer');
  const trainer = await GpuTrainer.create(device, config, shaders, { adapter });
  return { trainer, close: () => { trainer.dispose(); device.destroy(); } };
}

/** Threads of the CPU engine: FLOWVAR_THREADS, else the machine's cores (at most 8); any count gives the same numbers. */
function cpuThreads(): number | undefined {
  const n = Number(process.env.FLOWVAR_THREADS);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

let kernelInstalled = false;

export async function createEngine(engine: EngineName, config: RunConfig): Promise<EngineHandle> {
  if (engine === 'gpu') return gpuEngine(config);
  if (!kernelInstalled) { installNodeMlpKernel(cpuThreads()); kernelInstalled = true; }
  const trainer = new CpuTrainer(config);
  return { trainer, close: () => trainer.dispose() };
}
