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
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ensureRuntimeDir } from './runtimeDir';
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

/**
 * The environment Dawn reads when it creates its instance: VK_ICD_FILENAMES (above), and an
 * XDG_RUNTIME_DIR, without which Dawn's window-system probe prints "error: XDG_RUNTIME_DIR is
 * invalid or not set" (twice) although a compute device needs no display: a private 0700 folder.
 */
export function prepareDawnEnvironment(): void {
  if (!process.env.VK_ICD_FILENAMES && !hasNvidiaVulkanDriver() && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  ensureRuntimeDir();
}

/** Longest wait for the adapter probe (SwiftShader starts in about a second). */
const PROBE_TIMEOUT_MS = 60_000;

/**
 * Asks for an adapter in a child process and returns null when one exists, or the reason in one
 * line. A failed start makes the Vulkan loader and Dawn write warnings and a native stack frame
 * (`at CheckVkSuccessImpl (…VulkanError.cpp:106)`) straight to stderr, which JavaScript cannot
 * filter in its own process; the child's stderr is read here instead and only its gist is kept.
 */
export function probeNodeGpu(): string | null {
  prepareDawnEnvironment();
  const webgpu = pathToFileURL(createRequire(import.meta.url).resolve('webgpu')).href;
  const script = `import { create, globals } from ${JSON.stringify(webgpu)};
Object.assign(globalThis, globals);
const adapter = await create([]).requestAdapter();
process.exit(adapter ? 0 : 3);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: process.env, encoding: 'utf8', timeout: PROBE_TIMEOUT_MS });
  if (r.status === 0) return null;
  if (r.error) return `the adapter probe failed: ${r.error.message}`;
  const lines = (r.stderr ?? '').split('\n').map((l) => l.replace(/^(warning|error):\s*/i, '').trim()).filter((l) => l !== '' && !l.startsWith('at '));
  const driver = [/no drivers/i, /vkCreateInstance/, /Failed to open JSON/].map((re) => lines.find((l) => re.test(l))).find((l) => l !== undefined);
  return driver ?? (r.status === 3 ? 'requestAdapter() returned null' : lines[0] ?? `the adapter probe exited with code ${r.status ?? r.signal}`);
}

/** The process-wide navigator.gpu equivalent (WebGPU globals such as GPUBufferUsage installed). */
export function createNodeGpu(): GPU {
  if (gpu) return gpu;
  prepareDawnEnvironment();
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
