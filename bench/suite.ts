// The measurements themselves, shared by the bench page and the Node runner: for every size,
// train steps/s of the GPU engine, the CPU engine and (browser) TF.js; then ODE throughput.
import { defaultConfig, type RunConfig } from '../src/engine/runConfig';
import { CpuTrainer } from '../src/engine/cpuTrainer';
import { freshStarts } from '../src/engine/measure';
import type { IntegrateRequest, Trainer, TrainSnapshot } from '../src/engine/trainer';
import { measureRate, reasonOf } from './timing';
import type { BenchPlan, BenchSize, Cell, IntegrateRow, TrainRow } from './types';

/** The GPU engine as the suite sees it; each runtime (page, Node) builds one. */
export interface GpuEngine {
  create(config: RunConfig): Promise<Trainer>;
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

async function gpuTrainCell(gpu: GpuAvailability, config: RunConfig, plan: BenchPlan): Promise<Cell> {
  if (!gpu.ok) return { ok: false, reason: gpu.reason };
  let trainer: Trainer | null = null;
  try {
    const t = await gpu.engine.create(config);
    trainer = t;
    const watch = new LossWatch();
    // one step(n) per block: the engine splits it into submits and reads back only the metrics;
    // its promise resolves after the last read-back, done() after everything else on the queue
    const rate = await measureRate(async (n) => {
      watch.add(await t.step(n));
      await gpu.engine.done();
    }, { warmup: plan.warmupSteps, targetSeconds: plan.targetSeconds, maxCount: MAX_GPU_STEPS });
    return { ok: true, ...rate, lossFirst: watch.first, lossLast: watch.last };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  } finally {
    trainer?.dispose();
  }
}

async function cpuTrainCell(config: RunConfig, plan: BenchPlan): Promise<Cell> {
  try {
    const t = new CpuTrainer(config);
    const watch = new LossWatch();
    const rate = await measureRate(async (n) => watch.add(t.stepSync(n)),
      { warmup: 1, targetSeconds: plan.targetSeconds, maxCount: MAX_CPU_STEPS });
    return { ok: true, ...rate, lossFirst: watch.first, lossLast: watch.last };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
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
    const gpuCell = await gpuTrainCell(gpu, config, plan);
    log(`${label}: GPU ${rateText(gpuCell, 'steps/s')}`);
    const cpuCell = await cpuTrainCell(config, plan);
    log(`${label}: CPU ${rateText(cpuCell, 'steps/s')}`);
    const tfjsCell: Cell = extra ? await extra(config, plan) : { ok: false, reason: 'n/a (browser only)' };
    if (extra) log(`${label}: TF.js ${rateText(tfjsCell, 'steps/s')}`);
    rows.push({ ...size, gpu: gpuCell, cpu: cpuCell, tfjs: tfjsCell });
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
