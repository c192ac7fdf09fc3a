// Node mode (`npm run bench -- --node`): GPU engine on Dawn and CPU engine, no TF.js.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunConfig } from '../src/engine/runConfig';
import type { Trainer } from '../src/engine/trainer';
import { describeAdapter } from './adapter';
import { runExportTimingRow } from './exportRow';
import { runCpuEngineTable } from './cpuEngines';
import { planForAdapter, type BenchArgs } from './plan';
import { openDawn, vulkanDriverHint } from './nodeGpu';
import { runIntegrateTable, runTrainTable, type GpuAvailability } from './suite';
import { reasonOf } from './timing';
import type { BenchReport } from './types';

type AnyModule = Record<string, unknown>;
interface GpuTrainerClass { create(device: GPUDevice, config: RunConfig, sources: unknown, options?: { adapter?: GPUAdapter; path?: string; probeOnSoftware?: boolean }): Promise<Trainer> }

/** Engine files, relative to the repository root; imported through variables so tsc does not resolve them. */
const ENGINE_FILES = { trainer: 'src/engine/gpuTrainer.ts', shaders: 'src/node/shaderSources.ts' };

/** The shader sources of src/node/shaderSources.ts: a named/default object, or a (possibly async) function. */
async function pickShaderSources(mod: AnyModule): Promise<unknown> {
  for (const name of ['SHADER_SOURCES', 'shaderSources', 'loadShaderSources', 'readShaderSources', 'default']) {
    const value = mod[name];
    if (typeof value === 'function') return await (value as () => unknown)();
    if (value && typeof value === 'object') return value;
  }
  throw new Error(`${ENGINE_FILES.shaders} exports no shader sources`);
}

/** GpuTrainer.create and the shader sources, or why the GPU column is empty. */
export type EngineLoader = (root: string) => Promise<{ create: GpuTrainerClass['create']; sources: unknown } | string>;

/** The engine from the repository's files (tsx); the bench pack passes statically bundled ones instead. */
async function loadEngine(root: string): Promise<{ create: GpuTrainerClass['create']; sources: unknown } | string> {
  const missing = Object.values(ENGINE_FILES).filter((f) => !existsSync(join(root, f)));
  if (missing.length) return `n/a (engine missing: ${missing.join(', ')})`;
  try {
    const url = (f: string): string => pathToFileURL(join(root, f)).href;
    const [mod, shaders] = await Promise.all([import(url(ENGINE_FILES.trainer)) as Promise<AnyModule>, import(url(ENGINE_FILES.shaders)) as Promise<AnyModule>]);
    const cls = mod.GpuTrainer as Partial<GpuTrainerClass> | undefined;
    if (!cls || typeof cls.create !== 'function') return 'n/a (engine missing: no GpuTrainer.create)';
    return { create: cls.create.bind(cls), sources: await pickShaderSources(shaders) };
  } catch (err) {
    return `n/a (engine failed to load: ${reasonOf(err).replace(/^error: /, '')})`;
  }
}

export async function runNode(args: BenchArgs, root: string, progress: (line: string) => void, load: EngineLoader = loadEngine): Promise<BenchReport> {
  const notes: string[] = [];
  const { adapter, device } = await openDawn(); // throws with install hints: no GPU, no table
  const summary = describeAdapter(adapter);
  progress(`adapter: ${summary.name}`);
  if (summary.software && !args.software) {
    const hint = `Dawn found only a software adapter (${summary.name}); for GPU numbers:\n${vulkanDriverHint()}`;
    notes.push(hint);
    progress(hint);
  }
  device.addEventListener('uncapturederror', (e) => notes.push(`GPU error: ${(e as GPUUncapturedErrorEvent).error.message}`));
  void device.lost.then((info) => { if (info.reason !== 'destroyed') notes.push(`GPU device lost: ${info.message}`); });
  const engine = await load(root);
  let gpu: GpuAvailability;
  if (typeof engine === 'string') {
    gpu = { ok: false, reason: engine };
    progress(`GPU column: ${engine}`);
  } else {
    gpu = { ok: true, engine: { create: (config, path) => engine.create(device, config, engine.sources, { adapter, path, probeOnSoftware: true }), done: () => device.queue.onSubmittedWorkDone() } };
  }
  const plan = planForAdapter(args.plan, summary.software, notes);
  const train = await runTrainTable(plan, gpu, null, progress);
  const integrate = await runIntegrateTable(plan, gpu, progress);
  device.destroy();
  const cpuEngines = await runCpuEngineTable(plan, train, progress, root);
  const exportTiming = await runExportTimingRow(plan, 1, progress);
  return { mode: 'node', runtime: `Node ${process.version}, Dawn (npm webgpu)`, adapter: summary, plan, train, integrate, notes, cpuEngines, exportTiming };
}
