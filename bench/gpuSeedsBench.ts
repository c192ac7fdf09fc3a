// `npx tsx bench/gpuSeedsBench.ts [--sigmas 8] [--seeds 3] [--steps 40] [--rounds 2] [--batch B]
// [--width W] [--particles N]`: the GPU σ sweep over seeds as the page runs it (chapter "sweep",
// its GPU sizes unless given; SwiftShader wants small ones, through Dawn): σ × seeds in
// batched runs of up to MAX_MODELS models (GpuSweepEngine with seedsPerRun seeds each) against one
// batched run per seed in turn, each to the end of its evaluation. Rounds interleave the two, so a
// machine loaded by others slows both alike; prints each time and the median of each round's ratio.
// On a software adapter (SwiftShader) only the ratio means anything.
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
  /** The sweep in batched runs of `perRun` seeds, one after another; seconds to the last evaluation. */
  const timeSweep = async (perRun: number): Promise<number> => {
    const configs = seedConfigs(config, seeds);
    const t0 = performance.now();
    for (let k = 0; k < seeds; k += perRun) {
      const engine = await GpuSweepEngine.create(device, configs[k], sigmas, shaders, { path: 'tiled' }, steps, Math.min(perRun, seeds - k));
      try { await runSweep(engine, steps, { chunk: 25 }); } finally { engine.dispose(); }
    }
    return (performance.now() - t0) / 1000;
  };
  console.log(`${adapter.info.description || adapter.info.vendor}: ${models} σ × ${seeds} seeds × ${steps} steps (batch ${config.batch}, width ${config.width}, depth ${config.depth}, ${config.particles} particles × ${config.odeSteps} ODE steps); batched: ${Math.ceil(seeds / per)} run(s) of ≤ ${per} seeds, in turn: ${seeds} runs`);
  await timeSweep(per); // compiles the kernels
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const times: Record<string, number> = {};
    for (const kind of r % 2 === 0 ? ['batched', 'in turn'] : ['in turn', 'batched']) {
      times[kind] = await timeSweep(kind === 'batched' ? per : 1);
      console.log(`round ${r + 1}  ${kind.padEnd(8)}  ${times[kind].toFixed(2)} s`);
    }
    ratios.push(times.batched / times['in turn']);
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  console.log(`batched / in turn: ${ratios.map((x) => x.toFixed(2)).join(', ')} (median ${median.toFixed(2)})`);
  device.destroy();
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
