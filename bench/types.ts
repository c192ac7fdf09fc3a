// Shapes shared by the bench page (bench/main.ts), the Node runner (bench/nodeMain.ts) and the
// terminal printer (bench/table.ts). Everything here is plain JSON: the page hands it to Node.

/** One model size: batch × hidden width (depth is the plan's). */
export interface BenchSize {
  batch: number;
  width: number;
}

/** What to measure; built in Node from the flags (bench/args.ts), passed to the page as JSON. */
export interface BenchPlan {
  sizes: BenchSize[];
  /** hidden layers of every model */
  depth: number;
  /** --quick: fewer sizes, shorter measurements, fewer particles (for SwiftShader) */
  quick: boolean;
  /** wall time one measurement aims at, seconds */
  targetSeconds: number;
  /** training steps taken before timing (pipeline compilation, JIT) */
  warmupSteps: number;
  /** ODE throughput: Euler steps, and particles per integrate call on each engine */
  integrate: { steps: number; gpuParticles: number; cpuParticles: number };
  /** run the TF.js column (browser only) */
  tfjs: boolean;
  /** threads of the CPU engines table's N-thread column (--threads); absent: the cores, at most 8 */
  threads?: number;
}

/** A measured rate, or why there is none. */
export type Cell =
  | { ok: true; rate: number; count: number; seconds: number; lossFirst?: number; lossLast?: number }
  | { ok: false; reason: string };

/** A GPU step path of the engine (src/engine/gpuTrainPass.ts): 'tiled' 4 dispatches per step, 'loop' K steps per dispatch. */
export type GpuPath = 'tiled' | 'loop';

/** One GPU step path measured on its own, with the work it encoded per step. */
export interface GpuPathRow {
  path: GpuPath;
  cell: Cell;
  /** dispatches and queue submits per training step over the measured calls (NaN: not measured) */
  dispatchesPerStep: number;
  submitsPerStep: number;
}

/** One row of the training table. */
export interface TrainRow extends BenchSize {
  /** the engine as an app run gets it: the path its 'auto' probe picks (gpuChoice) */
  gpu: Cell;
  cpu: Cell;
  tfjs: Cell;
  /** each GPU path on its own (absent: no GPU engine) */
  gpuPaths?: GpuPathRow[];
  /** the path the engine picked for this size, or why none */
  gpuChoice?: string;
}

/** One row of the ODE table: rate is particles·steps per second. */
export interface IntegrateRow {
  width: number;
  steps: number;
  gpuParticles: number;
  cpuParticles: number;
  gpu: Cell;
  cpu: Cell;
}

/** One row of the CPU engines table: the same model on every CPU engine, one run. */
export interface CpuEngineRow extends BenchSize {
  /** the JavaScript reference (src/math/), from the train table's CPU column */
  js: Cell;
  /** the WebAssembly SIMD kernel on one thread */
  wasm1: Cell;
  /** the WebAssembly SIMD kernel on `threads` threads (same numbers) */
  wasmThreads: Cell;
  threads: number;
  /** PyTorch on one CPU thread (bench/torchTrain.py), or why not; absent in browser mode */
  torch?: Cell;
  torchVersion?: string;
}

export interface AdapterSummary {
  /** adapter description (vendor, architecture, device) as the platform reports it */
  name: string;
  /** SwiftShader or another CPU implementation: only ratios mean anything */
  software: boolean;
}

/** Time to insight on one engine (bench/timeToInsight.ts): seconds from navigation, null if not reached. */
export interface InsightRow {
  engine: 'cpu' | 'gpu';
  /** the device the app named */
  device: string;
  /** the rotated chapter shows reproduction ≥ 90 % */
  reproductionSeconds: number | null;
  /** the σ chapter shows gradient variance ≥ 10× the σ = 0 chapter's at the same step */
  varianceSeconds: number | null;
  note: string;
}

/** rAF interval statistics of the app page, milliseconds. */
export type FrameProbe =
  | { ok: true; url: string; frames: number; seconds: number; p50: number; p90: number; p99: number; max: number; note: string }
  | { ok: false; reason: string };

export interface BenchReport {
  mode: 'browser' | 'node';
  /** user agent or Node version */
  runtime: string;
  /** adapter the GPU engine (and TF.js) ran on; null when none was found */
  adapter: AdapterSummary | null;
  plan: BenchPlan;
  train: TrainRow[];
  integrate: IntegrateRow[];
  /** things the reader must know (missing engine, fallback, errors) */
  notes: string[];
  frameProbe?: FrameProbe;
  /** JavaScript, WebAssembly (1 and N threads) and, in Node mode, PyTorch on the same sizes */
  cpuEngines?: CpuEngineRow[];
  /** time to insight per engine (browser mode, app built) */
  insight?: InsightRow[];
  /** the exported PyTorch script against flowvar run's CPU engine (Node mode; bench/exportRow.ts) */
  exportTiming?: ExportTimingRow;
}

/** One link trained by `flowvar run --engine cpu` and by its exported PyTorch script, same batch and threads. */
export interface ExportTimingRow {
  link: string;
  batch: number;
  width: number;
  depth: number;
  threads: number;
  /** the CpuTrainer on the WebAssembly kernel */
  flowvar: Cell;
  /** the script's stepsPerSec (training only) */
  script: Cell;
  /** the script's device string, e.g. "cpu (torch 1.13, 1 threads)" */
  device?: string;
}

/** Progress lines the page logs; the driver echoes them to stderr. */
export const PROGRESS_PREFIX = '[flowvar-bench] ';
