// The trainer behind `flowvar run --engine cpu|gpu`. The GPU path loads Dawn (the `webgpu`
// package, src/node/dawn.ts) and the GPU trainer lazily, so the CPU path never needs them.
import type { RunConfig } from '../engine/runConfig';
import type { Trainer } from '../engine/trainer';
import type { EngineName } from './args';
import { CpuTrainer } from '../engine/cpuTrainer';

/** A failure the user can act on: main prints the message alone (no stack trace), exit code 1. */
export class RunError extends Error {}

export interface EngineHandle {
  trainer: Trainer;
  /** releases the trainer and the device */
  close(): void;
}

/** What src/engine/gpuTrainer.ts exports (the same contract as src/engine/createTrainer.ts). */
interface GpuTrainerModule {
  GpuTrainer?: { create?(device: GPUDevice, config: RunConfig, shaderSources: unknown, options?: { adapter?: GPUAdapter }): Promise<Trainer> };
}

// In a variable: TypeScript does not resolve it, so this file type-checks while the GPU trainer
// is still absent, and the CPU path runs either way.
const GPU_TRAINER_MODULE = '../engine/gpuTrainer.ts';

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

const NO_GPU_HINT = 'without a GPU: apt-get install libvulkan1 chromium, then VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json';

async function gpuEngine(config: RunConfig): Promise<EngineHandle> {
  let mod: GpuTrainerModule, dawn: typeof import('../node/dawn'), shaders: typeof import('../node/shaderSources');
  try {
    [mod, dawn, shaders] = await Promise.all([
      import(GPU_TRAINER_MODULE) as Promise<GpuTrainerModule>, import('../node/dawn'), import('../node/shaderSources'),
    ]);
  } catch (e) {
    throw new RunError(`--engine gpu is not available: ${firstLine(e)}`);
  }
  const create = mod.GpuTrainer?.create;
  if (typeof create !== 'function') throw new RunError('--engine gpu is not available: src/engine/gpuTrainer.ts has no GpuTrainer.create');
  let device: GPUDevice, adapter: GPUAdapter;
  try {
    ({ device, adapter } = await dawn.createNodeDevice());
  } catch (e) {
    throw new RunError(`--engine gpu: no WebGPU device (${firstLine(e)}); ${NO_GPU_HINT}`);
  }
  const trainer = await create.call(mod.GpuTrainer, device, config, shaders.loadShaderSources(), { adapter });
  return { trainer, close: () => { trainer.dispose(); device.destroy(); } };
}

export async function createEngine(engine: EngineName, config: RunConfig): Promise<EngineHandle> {
  if (engine === 'gpu') return gpuEngine(config);
  const trainer = new CpuTrainer(config);
  return { trainer, close: () => trainer.dispose() };
}
