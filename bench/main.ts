// The bench page: runs the suite in the browser (GPU engine, CPU engine, TF.js on WebGPU, then
// the CPU engines table: JavaScript and the WebAssembly kernel on 1 and N threads) and publishes
// the report on window.__flowvarBench for the driver (bench/browserMain.ts).
// The plan comes as JSON in ?plan=…; progress goes to console.log with PROGRESS_PREFIX.
import type { RunConfig } from '../src/engine/runConfig';
import type { Trainer } from '../src/engine/trainer';
import { requestTrainerDevice } from '../src/engine/gpu';
import { describeAdapter } from './adapter';
import { benchPlan, planForAdapter } from './plan';
import { runIntegrateTable, runTrainTable, type GpuAvailability } from './suite';
import { initTfjs, tfjsTrainCell } from './tfjsTrain';
import { runBrowserCpuEngineTable } from './wasmBench';
import { reasonOf } from './timing';
import { PROGRESS_PREFIX, type AdapterSummary, type BenchPlan, type BenchReport } from './types';

type PageState = { state: 'running' } | { state: 'done'; report: BenchReport } | { state: 'error'; message: string };
declare global {
  interface Window { __flowvarBench?: PageState }
}

interface GpuTrainerModule {
  GpuTrainer: { create(device: GPUDevice, config: RunConfig, shaderSources: unknown, options?: { adapter?: GPUAdapter; path?: string; probeOnSoftware?: boolean }): Promise<Trainer> };
}

// import.meta.glob, not import(): while the GPU engine is being written the files may be absent;
// an empty map then gives the "n/a (engine missing)" column instead of a build error.
const trainerModules = import.meta.glob('../src/engine/gpuTrainer.ts');
const shaderModules = import.meta.glob('../src/engine/shaderSources.ts');

const log = (line: string): void => console.log(PROGRESS_PREFIX + line);
const show = (text: string): void => {
  const pre = document.getElementById('out');
  if (pre) pre.textContent += `${text}\n`;
};

/** The shader sources object: a named or default export (or a function returning it). */
function pickShaderSources(mod: Record<string, unknown>): unknown {
  for (const name of ['SHADER_SOURCES', 'shaderSources', 'default']) {
    const value = mod[name];
    if (typeof value === 'function') return (value as () => unknown)();
    if (value && typeof value === 'object') return value;
  }
  throw new Error('src/engine/shaderSources.ts exports no shader sources');
}

async function openGpu(notes: string[]): Promise<{ gpu: GpuAvailability; adapter: AdapterSummary | null }> {
  if (!navigator.gpu) return { gpu: { ok: false, reason: 'n/a (no WebGPU in this browser)' }, adapter: null };
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { gpu: { ok: false, reason: 'n/a (no WebGPU adapter)' }, adapter: null };
  const summary = describeAdapter(adapter);
  const loadTrainer = trainerModules['../src/engine/gpuTrainer.ts'];
  const loadShaders = shaderModules['../src/engine/shaderSources.ts'];
  if (!loadTrainer || !loadShaders) return { gpu: { ok: false, reason: 'n/a (engine missing)' }, adapter: summary };
  try {
    const [mod, shaderMod] = await Promise.all([loadTrainer(), loadShaders()]);
    const create = (mod as Partial<GpuTrainerModule>).GpuTrainer?.create;
    if (typeof create !== 'function') return { gpu: { ok: false, reason: 'n/a (engine missing: no GpuTrainer.create)' }, adapter: summary };
    const sources = pickShaderSources(shaderMod as Record<string, unknown>);
    const device = await requestTrainerDevice(adapter);
    device.addEventListener('uncapturederror', (e) => notes.push(`GPU error: ${(e as GPUUncapturedErrorEvent).error.message}`));
    void device.lost.then((info) => { if (info.reason !== 'destroyed') notes.push(`GPU device lost: ${info.message}`); });
    const engine = {
      create: (config: RunConfig, path?: string) => (mod as GpuTrainerModule).GpuTrainer.create(device, config, sources, { adapter, path, probeOnSoftware: true }),
      done: () => device.queue.onSubmittedWorkDone(),
    };
    return { gpu: { ok: true, engine }, adapter: summary };
  } catch (err) {
    return { gpu: { ok: false, reason: reasonOf(err) }, adapter: summary };
  }
}

function browserName(): string {
  const m = /(HeadlessChrome|Chrome|Firefox|Safari)\/([\d.]+)/.exec(navigator.userAgent);
  return m ? `${m[1]} ${m[2]}` : navigator.userAgent;
}

function readPlan(): BenchPlan {
  const raw = new URLSearchParams(location.search).get('plan');
  if (raw) return JSON.parse(raw) as BenchPlan;
  // opened by hand: the quick plan
  return benchPlan({ mode: 'browser', quick: true, sizes: null, seconds: null });
}

async function run(): Promise<BenchReport> {
  const notes: string[] = [];
  const { gpu, adapter } = await openGpu(notes);
  const plan = planForAdapter(readPlan(), adapter?.software ?? false, notes);
  log(`adapter: ${adapter ? adapter.name : 'none'}${gpu.ok ? '' : ` (GPU column: ${gpu.reason})`}`);
  const tfjsProblem = plan.tfjs ? await initTfjs() : 'n/a (disabled)';
  if (tfjsProblem) notes.push(`TF.js: ${tfjsProblem}`);
  const extra = tfjsProblem === null ? tfjsTrainCell : async () => ({ ok: false as const, reason: tfjsProblem });
  const progress = (line: string): void => { log(line); show(line); };
  const train = await runTrainTable(plan, gpu, extra, progress);
  const integrate = await runIntegrateTable(plan, gpu, progress);
  const cpuEngines = await runBrowserCpuEngineTable(plan, train, progress);
  return { mode: 'browser', runtime: browserName(), adapter, plan, train, integrate, notes, cpuEngines };
}

window.__flowvarBench = { state: 'running' };
run().then(
  (report) => { window.__flowvarBench = { state: 'done', report }; show('done'); },
  (err: unknown) => { window.__flowvarBench = { state: 'error', message: reasonOf(err) }; show(reasonOf(err)); },
);
