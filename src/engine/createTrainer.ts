// Picks the engine: the WebGPU trainer when an adapter exists (and its code loads), else the CPU
// trainer in a Web Worker. Every fallback says why, so the page can show it in a banner (docs/design.md#works-everywhere).
// The GPU trainer and its shader texts are imported lazily: a browser without
// WebGPU never downloads it, and a failure to load it falls back to the CPU like a missing adapter.
import type { RunConfig } from './runConfig';
import type { EngineKind, Trainer } from './trainer';
import { WorkerTrainer } from './workerTrainer';
import { probeCapabilities, requestTrainerDevice, requireAdapter } from './gpu';
import { cleanSigmas, SweepRunner, type SweepEngine } from './sweep';
// the banners' words are keys of the messages catalogue (docs/i18n.md#messages): a type only, no i18n code runs here
import type { Message } from '../i18n/message';

/** Which engine the page asks for: `engine=cpu|gpu` in the link, else 'auto'. */
export type EnginePreference = 'auto' | 'cpu' | 'gpu';

export interface EngineInfo {
  kind: EngineKind;
  /** adapter description (GPU) or the CPU engine's name */
  adapterName: string;
  /** a software rasterizer (SwiftShader, llvmpipe, a "fallback" adapter): correct but slow */
  software: boolean;
  /** why the CPU engine runs although a GPU was wanted; null otherwise */
  fallbackReason: Message | null;
}

export interface TrainerHandle {
  trainer: Trainer;
  info: EngineInfo;
}

export interface CreateOptions {
  preference: EnginePreference;
  /** called once with the first GPU failure (device lost, uncaptured error) of the trainer */
  onDeviceLost: (message: string) => void;
  /** called once when the CPU trainer's worker is lost (crashed or silent: WorkerTrainer.onFatal) */
  onWorkerLost?: (message: string) => void;
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

async function createCpu(config: RunConfig, fallbackReason: Message | null, opts: CreateOptions): Promise<TrainerHandle> {
  const trainer = await WorkerTrainer.create(config);
  trainer.onFatal = (message) => opts.onWorkerLost?.(message);
  return { trainer, info: { kind: 'cpu', adapterName: trainer.deviceName, software: false, fallbackReason } };
}

/** Creates a trainer for `config`, GPU first unless told otherwise; never rejects for lack of a GPU. */
export async function createTrainer(config: RunConfig, opts: CreateOptions): Promise<TrainerHandle> {
  if (opts.preference === 'cpu') return createCpu(config, null, opts);
  try {
    return await createGpu(config, opts);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return createCpu(config, { key: 'engine.gpuUnavailable', values: { detail } }, opts);
  }
}

/** What the page starts on when the link names no engine, and why (docs/design.md#works-everywhere). */
export interface EngineChoice {
  kind: EngineKind;
  /** why 'auto' chose the CPU worker although WebGPU exists (shown with a switch); null otherwise */
  reason: Message | null;
  /** steps per second measured by the probe (hardware adapters only) */
  measured: { gpu: number; cpu: number } | null;
}

/** Steps each engine trains in the probe, after PROBE_WARMUP untimed ones (compilation, first upload). */
const ENGINE_PROBE_STEPS = 20;
export const PROBE_WARMUP = 3;

/** Steps per second of `trainer` on `config`, measured over ENGINE_PROBE_STEPS steps. */
async function rate(trainer: Trainer): Promise<number> {
  await trainer.step(PROBE_WARMUP);
  const t0 = performance.now();
  await trainer.step(ENGINE_PROBE_STEPS);
  return (ENGINE_PROBE_STEPS * 1000) / Math.max(1e-3, performance.now() - t0);
}

/** Measures both engines on `config` (a short run each, disposed after). */
export async function probeRates(config: RunConfig): Promise<{ gpu: number; cpu: number }> {
  const ctx = await context();
  const [{ GpuTrainer }, { SHADER_SOURCES }] = await Promise.all([import('./gpuTrainer'), import('./shaderSources')]);
  const gpuTrainer = await GpuTrainer.create(ctx.device, config, SHADER_SOURCES, { adapter: ctx.adapter, weightsEvery: 0 });
  let gpu: number;
  try { gpu = await rate(gpuTrainer); } finally { await gpuTrainer.dispose(); }
  const cpuTrainer = await WorkerTrainer.create(config);
  try { return { gpu, cpu: await rate(cpuTrainer) }; } finally { cpuTrainer.dispose(); }
}

/**
 * The engine to start on. An explicit link choice wins. Without WebGPU: the CPU (createTrainer's
 * banner says why). On a software adapter (SwiftShader, llvmpipe, WARP) the CPU worker: the adapter
 * emulates the GPU on the same cores, slower than the worker. On a hardware adapter a short probe
 * trains `config` on both and the faster one wins (the CPU engine's speed is measured, not assumed).
 */
export async function chooseEngine(preference: EnginePreference, config: RunConfig, probe = probeRates): Promise<EngineChoice> {
  if (preference === 'cpu') return { kind: 'cpu', reason: null, measured: null };
  let ctx: GpuContext;
  try {
    ctx = await context();
  } catch {
    return { kind: 'cpu', reason: null, measured: null };
  }
  if (preference === 'gpu') return { kind: 'gpu', reason: null, measured: null };
  if (ctx.software) {
    return { kind: 'cpu', reason: { key: 'engine.softwareAdapter', values: { adapter: ctx.adapterName } }, measured: null };
  }
  try {
    const measured = await probe(config);
    if (measured.cpu > measured.gpu) {
      const why: Message = { key: 'engine.probeFaster', values: { cpu: Math.round(measured.cpu), gpu: Math.round(measured.gpu), adapter: ctx.adapterName } };
      return { kind: 'cpu', reason: why, measured };
    }
    return { kind: 'gpu', reason: null, measured };
  } catch (err) {
    console.warn(`flowvar: the engine probe failed, starting on the GPU (${err instanceof Error ? err.message : String(err)})`);
    return { kind: 'gpu', reason: null, measured: null };
  }
}

export interface SweepHandle {
  engine: SweepEngine;
  /** why the sweep runs on CPU Workers although the GPU was wanted (no GPU, or it does not fit); null otherwise */
  fallbackReason: Message | null;
}

/**
 * The σ sweep's engine: on the GPU one GpuSweepEngine of as many of `seeds` seeds from
 * config.seed as fit one batched run (every dispatch covers all models), else one CPU Worker per
 * σ of config.seed, all stepping at once on their share of the cores (SweepRunner), with the
 * reason the GPU was not used.
 */
export async function createSweepEngine(config: RunConfig, sigmas: readonly number[], preference: EnginePreference, seeds = 1): Promise<SweepHandle> {
  let fallbackReason: Message | null = null;
  if (preference !== 'cpu') {
    try {
      const ctx = await context();
      const [{ GpuSweepEngine, seedsPerRun }, { SHADER_SOURCES }] = await Promise.all([import('./gpuSweepEngine'), import('./shaderSources')]);
      const fit = Math.min(seeds, seedsPerRun(cleanSigmas(sigmas).length));
      return { engine: await GpuSweepEngine.create(ctx.device, config, sigmas, SHADER_SOURCES, {}, config.steps, fit), fallbackReason: null };
    } catch (err) {
      fallbackReason = { key: 'engine.sweepUnavailable', values: { detail: err instanceof Error ? err.message : String(err) } };
    }
  }
  return { engine: await SweepRunner.create(config, sigmas, (c) => WorkerTrainer.create(c, undefined, sigmas.length)), fallbackReason };
}
