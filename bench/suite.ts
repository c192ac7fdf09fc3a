// The measurements themselves, shared by the bench page and the Node runner: for every size,
// train steps/s of the GPU engine, the CPU engine and (browser) TF.js; then ODE throughput.
import { defaultConfig, type RunConfig } from '../src/engine/runConfig';
import { CpuTrainer } from '../src/engine/cpuTrainer';
import type { MlpKernel } from '../src/engine/wasm/mlpKernel';
import { freshStarts } from '../src/engine/measure';
import type { IntegrateRequest, Trainer, TrainSnapshot } from '../src/engine/trainer';
import { LOOP_MAX_BATCH, LOOP_MAX_WIDTH } from '../src/engine/gpuLayout';
import { measureRate, reasonOf } from './timing';
import type { BenchPlan, BenchSize, Cell, GpuPath, GpuPathRow, IntegrateRow, TrainRow } from './types';

/** The GPU engine as the suite sees it; each runtime (page, Node) builds one. */
export interface GpuEngine {
  /** path: GpuRunOptions.path ('auto' when absent) */
  create(config: RunConfig, path?: GpuPath | 'auto'): Promise<Trainer>;
  /** resolves once every piece of work submitted so far has finished on the device */
  done(): Promise<void>;
}

/** The engine, or why the GPU column is empty ("n/a (engine missing)", an adapter error, …). */
export type GpuAvailability = { ok: true; engine: GpuEngine } | { ok: false; reason: string };

/** Third column (TF.js in the page): train steps/s of the same model, or why not. */
export type ExtraTrainer = (config: RunConfig, plan: BenchPlan) => Promise<Cell>;

export type Log = (line: string) => void;

const MAX_GPU_STEPS = 20000;
const MAX_CPU_STEPS = 2000;

/** The model every engine trains: depth × width SiLU MLP on (x, y, t), Adam 2e-3, σ = 0.05. */
export function benchConfig(size: BenchSize, depth: number): RunConfig {
  return {
    ...defaultConfig(),
    seed: 1, coupling: 'rotated', pairs: 512, interpolant: 'constant', sigma: 0.05,
    width: size.width, depth, activation: 'silu', fourier: 0,
    lr: 2e-3, batch: size.batch, schedule: 'constant', warmup: 0, steps: 0,
  };
}

/** Tracks the first and last finite loss of the records that come back. */
class LossWatch {
  first: number | undefined;
  last: number | undefined;
  add(snap: TrainSnapshot): void {
    for (const r of snap.records) {
      if (!Number.isFinite(r.loss)) continue;
      if (this.first === undefined) this.first = r.loss;
      this.last = r.loss;
    }
  }
}

/** What GpuTrainer adds to Trainer for the bench (read by duck typing: the engine is loaded at run time). */
interface GpuStats {
  counters?: { steps: number; dispatches: number; submits: number };
  stepPath?: GpuPath;
  pathChoice?: { path: GpuPath; msPerStep: Record<GpuPath, number>; reused: boolean } | null;
}

async function gpuTrainCell(gpu: GpuAvailability, config: RunConfig, plan: BenchPlan, path: GpuPath): Promise<GpuPathRow> {
  const row: GpuPathRow = { path, cell: { ok: false, reason: '' }, dispatchesPerStep: NaN, submitsPerStep: NaN };
  if (!gpu.ok) return { ...row, cell: { ok: false, reason: gpu.reason } };
  if (path === 'loop' && (config.batch > LOOP_MAX_BATCH || config.width > LOOP_MAX_WIDTH)) return { ...row, cell: { ok: false, reason: 'n/a (size)' } };
  let trainer: Trainer | null = null;
  try {
    const t = await gpu.engine.create(config, path);
    trainer = t;
    const watch = new LossWatch();
    // one step(n) per block: the engine splits it into submits and reads back only the metrics;
    // its promise resolves after the last read-back, done() after everything else on the queue
    const rate = await measureRate(async (n) => {
      watch.add(await t.step(n));
      await gpu.engine.done();
    }, { warmup: plan.warmupSteps, targetSeconds: plan.targetSeconds, maxCount: MAX_GPU_STEPS });
    const c = (t as Trainer & GpuStats).counters;
    if (c && c.steps > 0) { row.dispatchesPerStep = c.dispatches / c.steps; row.submitsPerStep = c.submits / c.steps; }
    return { ...row, cell: { ok: true, ...rate, lossFirst: watch.first, lossLast: watch.last } };
  } catch (err) {
    return { ...row, cell: { ok: false, reason: reasonOf(err) } };
  } finally {
    trainer?.dispose();
  }
}

/** The path the engine picks for `config` ('auto': its timed probe), or why none. */
async function gpuChoice(gpu: GpuAvailability, config: RunConfig): Promise<string> {
  if (!gpu.ok) return gpu.reason;
  try {
    const t = await gpu.engine.create(config, 'auto') as Trainer & GpuStats;
    const choice = t.pathChoice, path = t.stepPath ?? 'tiled';
    t.dispose();
    if (!choice) return path;
    const ms = (p: GpuPath) => `${choice.msPerStep[p].toPrecision(3)} ms`;
    return choice.reused ? `${path} (earlier probe)` : `${path} (probe: tiled ${ms('tiled')}, loop ${ms('loop')} per step)`;
  } catch (err) {
    return reasonOf(err);
  }
}

/** Both GPU paths of one size and the engine's pick; the GPU column is the picked path's cell. */
async function gpuTrainCells(gpu: GpuAvailability, config: RunConfig, plan: BenchPlan): Promise<{ gpu: Cell; gpuPaths: GpuPathRow[]; gpuChoice: string }> {
  const gpuPaths = [await gpuTrainCell(gpu, config, plan, 'tiled'), await gpuTrainCell(gpu, config, plan, 'loop')];
  const choice = await gpuChoice(gpu, config);
  const picked = gpuPaths.find((p) => choice.startsWith(p.path)) ?? gpuPaths[0];
  return { gpu: picked.cell, gpuPaths, gpuChoice: choice };
}

/** Train steps/s of CpuTrainer: the JavaScript reference, or the given WebAssembly kernel. */
export async function cpuTrainCell(config: RunConfig, plan: BenchPlan, kernel: MlpKernel | null = null): Promise<Cell> {
  let t: CpuTrainer | null = null;
  try {
    t = new CpuTrainer(config, kernel);
    const trainer = t;
    const watch = new LossWatch();
    // a task boundary after each block: a browser worker starts the kernel's nested thread workers
    // only between its tasks (awaits alone never leave the task), so without it they never help
    const rate = await measureRate(async (n) => { watch.add(trainer.stepSync(n)); await new Promise((r) => setTimeout(r, 0)); },
      { warmup: 1, targetSeconds: plan.targetSeconds, maxCount: MAX_CPU_STEPS });
    return { ok: true, ...rate, lossFirst: watch.first, lossLast: watch.last };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  } finally {
    t?.dispose();
  }
}

function integrateRequest(config: RunConfig, particles: number, steps: number): IntegrateRequest {
  const start = freshStarts({ ...config, particles });
  return { start, count: particles, method: 'euler', steps, direction: 'forward' };
}

/** particles·steps/s of `integrate` (the whole call: dispatch, paths read back). */
async function integrateCell(run: (req: IntegrateRequest) => Promise<unknown>, req: IntegrateRequest, plan: BenchPlan): Promise<Cell> {
  try {
    const rate = await measureRate(async (n) => {
      for (let k = 0; k < n; k++) await run(req);
    }, { warmup: 1, targetSeconds: plan.targetSeconds, maxCount: 1000 });
    const work = req.count * req.steps;
    return { ok: true, rate: rate.rate * work, count: rate.count, seconds: rate.seconds };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}

const rateText = (c: Cell, unit: string): string => (c.ok ? `${c.rate.toPrecision(3)} ${unit}` : c.reason);

export async function runTrainTable(plan: BenchPlan, gpu: GpuAvailability, extra: ExtraTrainer | null, log: Log): Promise<TrainRow[]> {
  const rows: TrainRow[] = [];
  for (const size of plan.sizes) {
    const config = benchConfig(size, plan.depth);
    const label = `batch ${size.batch} width ${size.width}`;
    const { gpu: gpuCell, gpuPaths, gpuChoice: choice } = await gpuTrainCells(gpu, config, plan);
    for (const p of gpuPaths) log(`${label}: GPU ${p.path} ${rateText(p.cell, 'steps/s')}`);
    log(`${label}: GPU path picked: ${choice}`);
    const cpuCell = await cpuTrainCell(config, plan);
    log(`${label}: CPU ${rateText(cpuCell, 'steps/s')}`);
    const tfjsCell: Cell = extra ? await extra(config, plan) : { ok: false, reason: 'n/a (browser only)' };
    if (extra) log(`${label}: TF.js ${rateText(tfjsCell, 'steps/s')}`);
    rows.push({ ...size, gpu: gpuCell, cpu: cpuCell, tfjs: tfjsCell, gpuPaths, gpuChoice: choice });
  }
  return rows;
}

export async function runIntegrateTable(plan: BenchPlan, gpu: GpuAvailability, log: Log): Promise<IntegrateRow[]> {
  const widths = [...new Set(plan.sizes.map((s) => s.width))].sort((a, b) => a - b);
  const { steps, gpuParticles, cpuParticles } = plan.integrate;
  const rows: IntegrateRow[] = [];
  for (const width of widths) {
    const config = benchConfig({ batch: 256, width }, plan.depth);
    let gpuCell: Cell;
    if (!gpu.ok) gpuCell = { ok: false, reason: gpu.reason };
    else {
      let trainer: Trainer | null = null;
      try {
        const t = await gpu.engine.create(config);
        trainer = t;
        await t.step(plan.warmupSteps);
        gpuCell = await integrateCell((req) => t.integrate(req), integrateRequest(config, gpuParticles, steps), plan);
      } catch (err) {
        gpuCell = { ok: false, reason: reasonOf(err) };
      } finally {
        trainer?.dispose();
      }
    }
    log(`ODE width ${width}: GPU ${rateText(gpuCell, 'particles·steps/s')}`);
    const cpu = new CpuTrainer(config);
    cpu.stepSync(1);
    const cpuCell = await integrateCell((req) => Promise.resolve(cpu.integrateSync(req)), integrateRequest(config, cpuParticles, steps), plan);
    log(`ODE width ${width}: CPU ${rateText(cpuCell, 'particles·steps/s')}`);
    rows.push({ width, steps, gpuParticles, cpuParticles, gpu: gpuCell, cpu: cpuCell });
  }
  return rows;
}
