// A GPUDevice in Node through Dawn (the `webgpu` npm package), for tests, the CLI and benchmarks.
//
// Recipe on a machine without a hardware GPU (this repository's CI and dev containers): Dawn's
// Vulkan backend runs on SwiftShader (a CPU Vulkan driver shipped with Debian's chromium) when the
// Vulkan loader is pointed at its ICD and libvulkan1 is installed:
//   apt-get install libvulkan1 chromium
//   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npx vitest run tests/gpu
// createNodeGpu() sets VK_ICD_FILENAMES itself when it is unset, that file exists and no system
// NVIDIA Vulkan driver is installed (the loader reads it when Dawn creates its instance, so it must be set
// before create()). A machine with a GPU and its Vulkan driver thus gets the GPU, even with chromium.
import { existsSync, readdirSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { requestTrainerDevice, requireAdapter } from '../engine/gpu';

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

let gpu: GPU | null = null;

/** Folders where the Vulkan loader finds installed drivers. Mesa's ICDs sit there on GPU-less
 * machines too, so only NVIDIA's counts as proof of a hardware GPU. */
const SYSTEM_ICD_DIRS = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d'];

function hasNvidiaVulkanDriver(): boolean {
  return SYSTEM_ICD_DIRS.some((dir) => {
    try { return readdirSync(dir).some((f) => f.startsWith('nvidia') && f.endsWith('.json')); } catch { return false; }
  });
}

/** The process-wide navigator.gpu equivalent (WebGPU globals such as GPUBufferUsage installed). */
export function createNodeGpu(): GPU {
  if (gpu) return gpu;
  if (!process.env.VK_ICD_FILENAMES && !hasNvidiaVulkanDriver() && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
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
