// Every WebGPU failure path of the engine in one module (docs/design.md#failures-go-through-one-module): adapter checks, the device
// request with explicit limits, capability probing, and device loss / uncaptured errors turned
// into GpuFailure values the store can show.
import { KERNEL_BINDINGS, MAX_WORKGROUP_THREADS, OPTIONAL_KERNELS, WORKGROUP_BYTES } from './gpuPipelines';

export type GpuFailureKind = 'device-lost' | 'gpu-error';

/** A failure the UI shows (first one wins) before falling back to the CPU engine. */
export interface GpuFailure {
  kind: GpuFailureKind;
  message: string;
}

/** Narrows the adapter or throws a message the UI can show. */
export function requireAdapter(adapter: GPUAdapter | null | undefined): asserts adapter is GPUAdapter {
  if (!adapter) throw new Error('WebGPU is available but no GPU adapter was found (requestAdapter() returned null)');
}

export interface GpuCapabilities {
  /** "vendor architecture description" of the adapter */
  description: string;
  /** a software adapter (SwiftShader, WARP, …): correct but slow; the UI says so (docs/design.md#works-everywhere) */
  isSoftware: boolean;
  /** optional features: probed and reported; the f32 kernels never require them */
  subgroups: boolean;
  shaderF16: boolean;
  timestampQuery: boolean;
  maxStorageBuffersPerShaderStage: number;
  maxComputeWorkgroupStorageSize: number;
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

/** Whether adapter info names a software implementation (SwiftShader, llvmpipe, WARP, …). */
export function isSoftwareInfo(info: GPUAdapterInfo | undefined): boolean {
  const description = [info?.vendor, info?.architecture, info?.description].filter((s) => s).join(' ');
  const fallback = (info as GPUAdapterInfo & { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter === true;
  return fallback || /swiftshader|llvmpipe|lavapipe|warp|software/i.test(description);
}

/** What the adapter offers. */
export function probeCapabilities(adapter: GPUAdapter): GpuCapabilities {
  const info = adapter.info;
  const description = [info?.vendor, info?.architecture, info?.description].filter((s) => s).join(' ') || 'WebGPU adapter';
  const software = isSoftwareInfo(info);
  const l = adapter.limits;
  return {
    description,
    isSoftware: software,
    subgroups: adapter.features.has('subgroups'),
    shaderF16: adapter.features.has('shader-f16'),
    timestampQuery: adapter.features.has('timestamp-query'),
    maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
    maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
    maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
    maxBufferSize: l.maxBufferSize,
  };
}

/** Storage buffers per stage every training kernel needs (the largest binding list but stepLoop's). */
export const STORAGE_BUFFERS_NEEDED = Math.max(...Object.entries(KERNEL_BINDINGS).filter(([k]) => !(OPTIONAL_KERNELS as readonly string[]).includes(k)).map(([, b]) => b.length));
/** Storage buffers per stage of the optional K-step kernel; a device with fewer trains with the others. */
export const STORAGE_BUFFERS_WANTED = Math.max(...Object.values(KERNEL_BINDINGS).map((b) => b.length));
/** Workgroup memory of the largest kernel (weightGrad's tiles and tree, stepLoop's rows and tree). */
export const WORKGROUP_BYTES_NEEDED = Math.max(...Object.values(WORKGROUP_BYTES));

/**
 * The device the trainer runs on. Limits are requested explicitly, clamped to the adapter: the
 * defaults would do for the tiled kernels (8 storage buffers, 16 KiB workgroup memory), stepLoop
 * binds STORAGE_BUFFERS_WANTED when the adapter allows, and large runs (batch 65 536 × width 512)
 * need bigger buffers than the 128 MiB default binding size.
 */
export async function requestTrainerDevice(adapter: GPUAdapter): Promise<GPUDevice> {
  const l = adapter.limits;
  if (l.maxStorageBuffersPerShaderStage < STORAGE_BUFFERS_NEEDED) {
    throw new Error(`adapter offers ${l.maxStorageBuffersPerShaderStage} storage buffers per stage, the engine needs ${STORAGE_BUFFERS_NEEDED}`);
  }
  if (l.maxComputeWorkgroupStorageSize < WORKGROUP_BYTES_NEEDED) {
    throw new Error(`adapter offers ${l.maxComputeWorkgroupStorageSize} bytes of workgroup memory, the engine needs ${WORKGROUP_BYTES_NEEDED}`);
  }
  const requiredLimits: Record<string, number> = {
    maxStorageBuffersPerShaderStage: Math.min(l.maxStorageBuffersPerShaderStage, STORAGE_BUFFERS_WANTED),
    maxComputeWorkgroupStorageSize: Math.min(l.maxComputeWorkgroupStorageSize, 16384),
    maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
    maxBufferSize: l.maxBufferSize,
    maxComputeInvocationsPerWorkgroup: Math.min(l.maxComputeInvocationsPerWorkgroup, MAX_WORKGROUP_THREADS),
  };
  return adapter.requestDevice({ requiredLimits, label: 'flowvar' });
}

/**
 * Reports device loss and uncaptured validation/out-of-memory errors through `onFailure` until the
 * returned unsubscribe is called (a trainer unsubscribes in dispose(), so a device destroyed after
 * that is not reported; one destroyed under a live trainer is).
 */
export function watchDevice(device: GPUDevice, onFailure: (f: GpuFailure) => void): () => void {
  let active = true;
  void device.lost.then((info) => {
    if (active) onFailure({ kind: 'device-lost', message: `GPU device lost: ${info.message || 'unknown reason'}` });
  });
  const onError = (event: Event) => {
    const error = (event as GPUUncapturedErrorEvent).error;
    if (active) onFailure({ kind: 'gpu-error', message: `GPU error: ${error?.message ?? 'unknown'}` });
  };
  device.addEventListener('uncapturederror', onError);
  return () => {
    active = false;
    device.removeEventListener('uncapturederror', onError);
  };
}
