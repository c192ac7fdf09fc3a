// The bench's plan from its settings: what to measure at which sizes. Pure, so the bench page
// (bench/main.ts, in the browser) builds its plan too; bench/args.ts reads the flags in Node.
import type { BenchPlan, BenchSize } from './types';

export interface BenchArgs {
  mode: 'browser' | 'node';
  software: boolean;
  json: boolean;
  probe: boolean;
  /** only the time-to-insight row */
  insightOnly: boolean;
  plan: BenchPlan;
}

export const FULL_BATCHES = [256, 1024, 4096];
export const FULL_WIDTHS = [64, 128, 256];
const QUICK_SIZES: BenchSize[] = [
  { batch: 256, width: 64 }, { batch: 256, width: 128 }, { batch: 1024, width: 64 }, { batch: 1024, width: 128 },
];
/** RUN_CONFIG_FIELDS ranges (src/engine/runConfig.ts): batch 16…65 536, width 16…512. */
const BATCH_RANGE = [16, 65536] as const;
const WIDTH_RANGE = [16, 512] as const;

export function parseSizes(text: string): BenchSize[] {
  return text.split(',').filter((s) => s.trim() !== '').map((item) => {
    const m = /^\s*(\d+)\s*x\s*(\d+)\s*$/i.exec(item);
    if (!m) throw new Error(`invalid --sizes item: ${JSON.stringify(item)} (want BATCHxWIDTH, e.g. 1024x128)`);
    const batch = Number(m[1]), width = Number(m[2]);
    if (batch < BATCH_RANGE[0] || batch > BATCH_RANGE[1]) throw new Error(`invalid batch in --sizes: ${batch} (${BATCH_RANGE[0]}…${BATCH_RANGE[1]})`);
    if (width < WIDTH_RANGE[0] || width > WIDTH_RANGE[1]) throw new Error(`invalid width in --sizes: ${width} (${WIDTH_RANGE[0]}…${WIDTH_RANGE[1]})`);
    return { batch, width };
  });
}

export function fullSizes(): BenchSize[] {
  return FULL_BATCHES.flatMap((batch) => FULL_WIDTHS.map((width) => ({ batch, width })));
}

/** The settings the flags choose (bench/args.ts); everything else follows from them. */
export interface BenchSettings {
  mode: 'browser' | 'node';
  quick: boolean;
  sizes: BenchSize[] | null;
  seconds: number | null;
  threads?: number;
}

/** What to measure for these settings. */
export function benchPlan({ mode, quick, sizes, seconds, threads }: BenchSettings): BenchPlan {
  return {
    sizes: sizes ?? (quick ? QUICK_SIZES : fullSizes()),
    depth: 3,
    quick,
    targetSeconds: seconds ?? (quick ? 0.5 : 1.5),
    warmupSteps: quick ? 2 : 5,
    integrate: quick ? { steps: 64, gpuParticles: 1024, cpuParticles: 64 } : { steps: 64, gpuParticles: 100000, cpuParticles: 256 },
    tfjs: mode === 'browser',
    ...(threads === undefined ? {} : { threads }),
  };
}

/** Most GPU particles per integrate call on a software adapter (100 000 × 64 steps takes minutes there). */
export const SOFTWARE_MAX_PARTICLES = 10000;

/** The plan for the adapter found: on a software adapter, fewer ODE particles (and a note saying so). */
export function planForAdapter(plan: BenchPlan, software: boolean, notes: string[]): BenchPlan {
  if (!software || plan.integrate.gpuParticles <= SOFTWARE_MAX_PARTICLES) return plan;
  notes.push(`software adapter: ODE with ${SOFTWARE_MAX_PARTICLES} GPU particles instead of ${plan.integrate.gpuParticles}`);
  return { ...plan, integrate: { ...plan.integrate, gpuParticles: SOFTWARE_MAX_PARTICLES } };
}
