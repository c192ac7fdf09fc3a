// Flags of `npm run bench` → a BenchPlan. Pure: bin/bench.mjs prints the errors.
import type { BenchPlan, BenchSize } from './types';
import { MAX_SLICES } from '../src/engine/wasm/wasmMlp';

export const USAGE = `usage: npm run bench [-- flags]
  (default)        browser mode: build bench/ with Vite, run it in headless Chromium (WebGPU),
                   GPU engine, CPU engine and TF.js (WebGPU backend) side by side, the
                   WebAssembly CPU engine on 1 and N threads (a Web Worker), then the
                   frame-time probe on the built app (dist/, from \`npm run build\`)
  --node           Node mode: GPU engine on Dawn (the \`webgpu\` package) and CPU engine; no TF.js
  --software       Node mode on a machine without a GPU: use Chromium's SwiftShader Vulkan driver
                   (sets VK_ICD_FILENAMES=${'/usr/lib/chromium/vk_swiftshader_icd.json'})
  --quick          fewer sizes, shorter measurements, fewer particles (for SwiftShader)
  --sizes LIST     batch x width pairs, e.g. --sizes 1024x128,4096x256 (depth is always 3)
  --seconds S      wall time per measurement (default 1.5, quick 0.5)
  --threads N      the WebAssembly N-thread column on N threads, 2…8 (default: the cores, at most 8)
  --json           print the report as JSON on stdout (progress still goes to stderr)
  --no-probe       skip the frame-time probe and the time-to-insight row (browser mode)
  --insight        only the time-to-insight row (browser mode, needs npm run build)
  --help           this text`;

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

/** Parse argv (without node and script); throws Error with a message naming the flag. */
export function parseArgs(argv: readonly string[]): BenchArgs | 'help' {
  let mode: 'browser' | 'node' = 'browser';
  let quick = false, json = false, software = false, probe = true, insightOnly = false;
  let sizes: BenchSize[] | null = null;
  let seconds: number | null = null;
  let threads: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value after ${a}`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--node') mode = 'node';
    else if (a === '--quick') quick = true;
    else if (a === '--json') json = true;
    else if (a === '--software') software = true;
    else if (a === '--no-probe') probe = false;
    else if (a === '--insight') insightOnly = true;
    else if (a === '--sizes') sizes = [...(sizes ?? []), ...parseSizes(value())];
    else if (a.startsWith('--sizes=')) sizes = [...(sizes ?? []), ...parseSizes(a.slice(8))];
    else if (a === '--seconds' || a.startsWith('--seconds=')) {
      const v = a === '--seconds' ? value() : a.slice(10);
      seconds = Number(v);
      if (!(seconds > 0 && seconds <= 60)) throw new Error(`invalid --seconds: ${v} (0 < S ≤ 60)`);
    } else if (a === '--threads' || a.startsWith('--threads=')) {
      const v = a === '--threads' ? value() : a.slice(10);
      threads = Number(v);
      if (!Number.isInteger(threads) || threads < 2 || threads > MAX_SLICES) throw new Error(`invalid --threads: ${v} (an integer, 2…${MAX_SLICES})`);
    } else throw new Error(`unknown flag: ${a}`);
  }
  if (software && mode !== 'node') throw new Error('--software only applies to --node (the browser always uses SwiftShader here)');
  if (sizes !== null && sizes.length === 0) throw new Error('--sizes is empty');
  const plan: BenchPlan = {
    sizes: sizes ?? (quick ? QUICK_SIZES : fullSizes()),
    depth: 3,
    quick,
    targetSeconds: seconds ?? (quick ? 0.5 : 1.5),
    warmupSteps: quick ? 2 : 5,
    integrate: quick ? { steps: 64, gpuParticles: 1024, cpuParticles: 64 } : { steps: 64, gpuParticles: 100000, cpuParticles: 256 },
    tfjs: mode === 'browser',
    ...(threads === undefined ? {} : { threads }),
  };
  if (insightOnly && mode !== 'browser') throw new Error('--insight is browser mode only');
  return { mode, software, json, probe, insightOnly, plan };
}

/** Most GPU particles per integrate call on a software adapter (100 000 × 64 steps takes minutes there). */
export const SOFTWARE_MAX_PARTICLES = 10000;

/** The plan for the adapter found: on a software adapter, fewer ODE particles (and a note saying so). */
export function planForAdapter(plan: BenchPlan, software: boolean, notes: string[]): BenchPlan {
  if (!software || plan.integrate.gpuParticles <= SOFTWARE_MAX_PARTICLES) return plan;
  notes.push(`software adapter: ODE with ${SOFTWARE_MAX_PARTICLES} GPU particles instead of ${plan.integrate.gpuParticles}`);
  return { ...plan, integrate: { ...plan.integrate, gpuParticles: SOFTWARE_MAX_PARTICLES } };
}
