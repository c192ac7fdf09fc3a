// Dawn in Node (the `webgpu` package) for `npm run bench -- --node`, with errors that say what
// to install. The Vulkan driver is chosen by the Vulkan loader; see vulkanDriverHint().
import { existsSync, readdirSync } from 'node:fs';
import { requestTrainerDevice } from '../src/engine/gpu';
import { ensureRuntimeDir } from '../src/node/runtimeDir';

/** Chromium's SwiftShader Vulkan driver (Debian package chromium): the `--software` adapter. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** Folders the Vulkan loader searches for driver manifests by default (Linux). */
const STANDARD_ICD_DIRS = ['/etc/vulkan/icd.d', '/usr/share/vulkan/icd.d', '/usr/local/share/vulkan/icd.d', '/usr/local/etc/vulkan/icd.d'];
/** Where NVIDIA's container toolkit and some images put the manifest instead (not searched by the loader). */
const EXTRA_ICD_DIRS = ['/usr/local/nvidia/share/vulkan/icd.d', '/usr/local/nvidia/icd.d', '/usr/lib/x86_64-linux-gnu/nvidia'];

const manifests = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
};

/** Driver manifests the loader will see by default, and NVIDIA ones it will not. */
export function vulkanDrivers(): { standard: string[]; hidden: string[] } {
  return {
    standard: STANDARD_ICD_DIRS.flatMap(manifests),
    hidden: EXTRA_ICD_DIRS.flatMap(manifests).filter((f) => /nvidia/i.test(f)),
  };
}

function loaderPresent(): boolean {
  return ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib/aarch64-linux-gnu/libvulkan.so.1', '/usr/lib64/libvulkan.so.1', '/usr/lib/libvulkan.so.1']
    .some((p) => existsSync(p));
}

/** What to tell someone whose Dawn found no adapter. */
export function vulkanDriverHint(): string {
  const env = ['VK_ICD_FILENAMES', 'VK_DRIVER_FILES', 'VK_ADD_DRIVER_FILES'].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
  const { standard, hidden } = vulkanDrivers();
  const lines = [
    loaderPresent() ? 'Vulkan loader: found (libvulkan.so.1)' : 'Vulkan loader: libvulkan.so.1 not found: install it (Debian/Ubuntu: apt-get install libvulkan1)',
    `Vulkan driver manifests in the standard folders: ${standard.length ? standard.join(', ') : 'none'}`,
    env.length ? `environment: ${env.join(' ')}` : 'environment: no VK_ICD_FILENAMES / VK_DRIVER_FILES set',
  ];
  if (hidden.length) lines.push(`an NVIDIA manifest exists outside them: try VK_ICD_FILENAMES=${hidden[0]} npm run bench -- --node`);
  lines.push('with an NVIDIA GPU: install the NVIDIA driver with its Vulkan part (nvidia_icd.json; `vulkaninfo --summary` should list the GPU)');
  lines.push(`without a GPU: npm run bench -- --node --software (uses ${SWIFTSHADER_ICD}, Debian package chromium)`);
  return lines.map((l) => `  ${l}`).join('\n');
}

/** The Dawn instance: must stay reachable while its devices live (a collected instance takes them down). */
let dawnInstance: GPU | null = null;

export interface DawnGpu {
  adapter: GPUAdapter;
  device: GPUDevice;
}

/** Load Dawn, find an adapter, open a device; throws an Error whose message says what to do. */
export async function openDawn(): Promise<DawnGpu> {
  let mod: { create: (flags: string[]) => GPU; globals: Record<string, unknown> };
  try {
    mod = await import('webgpu') as unknown as typeof mod;
  } catch (err) {
    throw new Error(`could not load Dawn (npm package \`webgpu\`): ${(err as Error).message.split('\n')[0]}\n` +
      '  run `npm ci`; Dawn ships prebuilt for linux-x64/arm64, darwin and win32 only');
  }
  Object.assign(globalThis, mod.globals);
  ensureRuntimeDir(); // before Dawn's instance: no "XDG_RUNTIME_DIR is invalid" lines in the table
  dawnInstance ??= mod.create([]);
  const adapter = await dawnInstance.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error(`Dawn found no WebGPU adapter.\n${vulkanDriverHint()}`);
  const device = await requestTrainerDevice(adapter);
  return { adapter, device };
}
