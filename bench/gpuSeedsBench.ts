// `npx tsx bench/gpuSeedsBench.ts [--sigmas 8] [--seeds 3] [--steps 40] [--rounds 2] [--batch B]
// [--width W] [--particles N]`: the GPU σ sweep over seeds as the page runs it (chapter "sweep",
// its GPU sizes unless given; SwiftShader wants small ones, through Dawn): σ × seeds in
// batched runs of up to MAX_MODELS models (GpuSweepEngine with seedsPerRun seeds each) against one
// batched run per seed in turn, each to the end of its evaluation. Rounds interleave the two, so a
// machine loaded by others slows both alike; prints each wall time and the process's CPU time (on
// SwiftShader the GPU work runs on this process's threads: the steadier figure on a shared
// machine) and the median of each round's ratios. On a software adapter only the ratios mean anything.
import { GpuSweepEngine, seedsPerRun } from '../src/engine/gpuSweepEngine';
import { runSweep } from '../src/engine/sweep';
import { seedConfigs } from '../src/engine/runConfig';
import { createNodeDevice } from '../src/node/dawn';
import { loadShaderSources } from '../src/node/shaderSources';
import { chapterById, chapterConfig } from '../src/story/chapters';
import { flag } from './intFlag';

const SIGMAS = [0, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1];

async function main(): Promise<void> {
  const models = Math.min(SIGMAS.length, flag('sigmas', 8)), seeds = flag('seeds', 3), steps = flag('steps', 40), rounds = flag('rounds', 2);
  const sigmas = SIGMAS.slice(0, models);
  const { adapter, device } = await createNodeDevice();
  const shaders = loadShaderSources();
  const chapter = chapterConfig(chapterById('sweep')!, 'gpu');
  const config = { ...chapter, steps, batch: flag('batch', chapter.batch), width: flag('width', chapter.width), particles: flag('particles', chapter.particles) };
  const per = seedsPerRun(sigmas.length);
  /** The sweep in batched runs of `perRun` seeds, one after another; wall and CPU seconds to the last evaluation. */
  const timeSweep = async (perRun: number): Promise<{ wall: number; cpu: number }> => {
    const configs = seedConfigs(config, seeds);
    const t0 = performance.now(), c0 = process.cpuUsage();
    for (let k = 0; k < seeds; k += perRun) {
      const engine = await GpuSweepEngine.create(device, configs[k], sigmas, shaders, { path: 'tiled' }, steps, Math.min(perRun, seeds - k));
      try { await runSweep(engine, steps, { chunk: 25 }); } finally { engine.dispose(); }
    }
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
  console.log(`${adapter.info.description || adapter.info.vendor}: ${models} σ × ${seeds} seeds × ${steps} steps (batch ${config.batch}, width ${config.width}, depth ${config.depth}, ${config.particles} particles × ${config.odeSteps} ODE steps); batched: ${Math.ceil(seeds / per)} run(s) of ≤ ${per} seeds, in turn: ${seeds} runs`);
  await timeSweep(per); // compiles the kernels
  const ratios = { wall: [] as number[], cpu: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const times: Record<string, { wall: number; cpu: number }> = {};
    for (const kind of r % 2 === 0 ? ['batched', 'in turn'] : ['in turn', 'batched']) {
      times[kind] = await timeSweep(kind === 'batched' ? per : 1);
      console.log(`round ${r + 1}  ${kind.padEnd(8)}  wall ${times[kind].wall.toFixed(2)} s, CPU ${times[kind].cpu.toFixed(2)} s`);
    }
    ratios.wall.push(times.batched.wall / times['in turn'].wall);
    ratios.cpu.push(times.batched.cpu / times['in turn'].cpu);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const key of ['wall', 'cpu'] as const) console.log(`batched / in turn, ${key}: ${ratios[key].map((x) => x.toFixed(2)).join(', ')} (median ${median(ratios[key]).toFixed(2)})`);
  device.destroy();
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
