// Picks the engine: the WebGPU trainer when an adapter exists (and its code loads), else the CPU
// trainer in a Web Worker. Every fallback says why, so the page can show it in a banner (SPEC §6).
// The GPU trainer and its shader texts are imported lazily: a browser without
// WebGPU never downloads it, and a failure to load it falls back to the CPU like a missing adapter.
import type { RunConfig } from './runConfig';
import type { EngineKind, Trainer } from './trainer';
import { WorkerTrainer } from './workerTrainer';
import { probeCapabilities, requestTrainerDevice, requireAdapter } from './gpu';
import { SweepRunner, type SweepEngine } from './sweep';

/** Which engine the page asks for: `engine=cpu|gpu` in the link, else 'auto'. */
export type EnginePreference = 'auto' | 'cpu' | 'gpu';

export interface EngineInfo {
  kind: EngineKind;
  /** adapter description (GPU) or the CPU engine's name */
  adapterName: string;
  /** a software rasterizer (SwiftShader, llvmpipe, a "fallback" adapter): correct but slow */
  software: boolean;
  /** why the CPU engine runs although a GPU was wanted; null otherwise */
  fallbackReason: string | null;
}

export interface TrainerHandle {
  trainer: Trainer;
  info: EngineInfo;
}

export interface CreateOptions {
  preference: EnginePreference;
  /** called once with the first GPU failure (device lost, uncaptured error) of the trainer */
  onDeviceLost: (message: string) => void;
}

export interface GpuContext {
  device: GPUDevice;
  adapter: GPUAdapter;
  adapterName: string;
  software: boolean;
}

let gpuContext: Promise<GpuContext> | null = null;

async function openGpu(): Promise<GpuContext> {
  if (typeof navigator === 'undefined' || !('gpu' in navigator) || !navigator.gpu) {
    throw new Error('this browser has no WebGPU');
  }
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  requireAdapter(adapter);
  const caps = probeCapabilities(adapter);
  const device = await requestTrainerDevice(adapter);
  // A lost device is unusable: the next trainer asks for a new one.
  void device.lost.then(() => { gpuContext = null; });
  return { device, adapter, adapterName: caps.description, software: caps.isSoftware };
}

/** The page's one WebGPU device (opened on first use, reopened after a loss); rejects without WebGPU. */
export function context(): Promise<GpuContext> {
  gpuContext ??= openGpu();
  return gpuContext.catch((err: unknown) => {
    gpuContext = null;
    throw err;
  });
}

async function createGpu(config: RunConfig, opts: CreateOptions): Promise<TrainerHandle> {
  const ctx = await context();
  const [{ GpuTrainer }, { SHADER_SOURCES }] = await Promise.all([import('./gpuTrainer'), import('./shaderSources')]);
  const trainer = await GpuTrainer.create(ctx.device, config, SHADER_SOURCES, { adapter: ctx.adapter });
  trainer.onError = (failure) => opts.onDeviceLost(failure.message);
  return { trainer, info: { kind: 'gpu', adapterName: ctx.adapterName, software: ctx.software, fallbackReason: null } };
}

async function createCpu(config: RunConfig, fallbackReason: string | null): Promise<TrainerHandle> {
  const trainer = await WorkerTrainer.create(config);
  return { trainer, info: { kind: 'cpu', adapterName: trainer.deviceName, software: false, fallbackReason } };
}

/** Creates a trainer for `config`, GPU first unless told otherwise; never rejects for lack of a GPU. */
export async function createTrainer(config: RunConfig, opts: CreateOptions): Promise<TrainerHandle> {
  if (opts.preference === 'cpu') return createCpu(config, null);
  try {
    return await createGpu(config, opts);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return createCpu(config, `GPU unavailable: ${reason}`);
  }
}

/** The engine createTrainer() will most likely pick, without building a trainer (for start sizes). */
export async function probeEngine(preference: EnginePreference): Promise<EngineKind> {
  if (preference === 'cpu') return 'cpu';
  try {
    await context();
    return 'gpu';
  } catch {
    // no reason kept here: createTrainer() tries the GPU again and its fallbackReason says why
    return 'cpu';
  }
}

export interface SweepHandle {
  engine: SweepEngine;
  /** why the sweep runs on CPU Workers although the GPU was wanted (no GPU, or it does not fit); null otherwise */
  fallbackReason: string | null;
}

/**
 * The σ sweep's engine: on the GPU one GpuSweepEngine (every dispatch covers all models), else
 * one CPU Worker per σ stepped in turn (SweepRunner), with the reason the GPU was not used.
 */
export async function createSweepEngine(config: RunConfig, sigmas: readonly number[], preference: EnginePreference): Promise<SweepHandle> {
  let fallbackReason: string | null = null;
  if (preference !== 'cpu') {
    try {
      const ctx = await context();
      const [{ GpuSweepEngine }, { SHADER_SOURCES }] = await Promise.all([import('./gpuSweepEngine'), import('./shaderSources')]);
      return { engine: await GpuSweepEngine.create(ctx.device, config, sigmas, SHADER_SOURCES), fallbackReason: null };
    } catch (err) {
      fallbackReason = `GPU sweep unavailable: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return { engine: await SweepRunner.create(config, sigmas, (c) => WorkerTrainer.create(c)), fallbackReason };
}
