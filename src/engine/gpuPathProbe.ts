// Picks the faster step path for a run size on a device: a short timed probe of both paths, done
// once per device and size and then reused, so every run of that size in a session encodes its
// steps the same way. Both paths give the same numbers within f32 tolerance (tests/gpu/stepLoop);
// a run that must repeat another bit for bit passes the recorded `path` back in (GpuRunOptions).
import type { NetPlan } from './gpuLayout';
import type { StepPath, TrainPass } from './gpuTrainPass';

/** What the probe measured and chose. */
export interface PathChoice {
  path: StepPath;
  /** milliseconds per step of each path (NaN: not measured, reused choice) */
  msPerStep: Record<StepPath, number>;
  /** true when the choice came from an earlier probe of the same device and size */
  reused: boolean;
}

/** Steps per timed submit of the probe (one warm-up submit of each path first). */
const PATH_PROBE_STEPS = 8;

const chosen = new WeakMap<GPUDevice, Map<string, StepPath>>();

const sizeKey = (p: NetPlan) => [p.rows, p.models, p.fourier, ...p.layers.map((l) => l.fanOut)].join('x');

const now = () => globalThis.performance.now();

/** The faster path for `plan` on `device`; `runSteps(pass, k)` takes k steps on a pass and resolves when they are done. */
export async function choosePath(device: GPUDevice, plan: NetPlan, passes: Record<StepPath, TrainPass>,
  runSteps: (pass: TrainPass, k: number) => Promise<void>): Promise<PathChoice> {
  let perDevice = chosen.get(device);
  if (!perDevice) { perDevice = new Map(); chosen.set(device, perDevice); }
  const key = sizeKey(plan), known = perDevice.get(key);
  if (known) return { path: known, msPerStep: { tiled: NaN, loop: NaN }, reused: true };
  const msPerStep = { tiled: NaN, loop: NaN };
  for (const path of ['tiled', 'loop'] as const) {
    await runSteps(passes[path], 1); // warm-up: first use of the pipelines
    const t0 = now();
    await runSteps(passes[path], PATH_PROBE_STEPS);
    msPerStep[path] = (now() - t0) / PATH_PROBE_STEPS;
  }
  const path: StepPath = msPerStep.loop < msPerStep.tiled ? 'loop' : 'tiled';
  perDevice.set(key, path);
  return { path, msPerStep, reused: false };
}
