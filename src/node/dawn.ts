// A GPUDevice in Node through Dawn (the `webgpu` npm package), for tests, the CLI and benchmarks.
//
// Recipe on a machine without a hardware GPU (this repository's CI and dev containers): Dawn's
// Vulkan backend runs on SwiftShader (a CPU Vulkan driver shipped with Debian's chromium) when the
// Vulkan loader is pointed at its ICD and libvulkan1 is installed:
//   apt-get install libvulkan1 chromium
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npx vitest run tests/gpu
// createNodeGpu() sets VK_ICD_FILENAMES itself when it is unset and that file exists (the loader
// reads it when Dawn creates its instance, so it must be set before create()). On a machine with a
// GPU and its Vulkan driver, set VK_ICD_FILENAMES to that driver's ICD, or leave it unset when the
// SwiftShader file is absent.
import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { requestTrainerDevice, requireAdapter } from '../engine/gpu';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

let gpu: GPU | null = null;

/** The process-wide navigator.gpu equivalent (WebGPU globals such as GPUBufferUsage installed). */
export function createNodeGpu(): GPU {
  if (gpu) return gpu;
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  Object.assign(globalThis, globals);
  gpu = create([]);
  return gpu;
}

export interface NodeDevice {
  adapter: GPUAdapter;
  device: GPUDevice;
}

/** Adapter and device with the limits GpuTrainer asks for; throws when no adapter exists. */
export async function createNodeDevice(): Promise<NodeDevice> {
  const adapter = await createNodeGpu().requestAdapter();
  requireAdapter(adapter);
  const device = await requestTrainerDevice(adapter);
  return { adapter, device };
}
