import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuSweepEngine } from '../../src/engine/gpuSweepEngine';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { runSweep, SweepRunner } from '../../src/engine/sweep';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, gpuOrSkip, SHADERS } from './helpers';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const CONFIG: RunConfig = { ...defaultConfig(), seed: 5, pairs: 12, width: 16, depth: 2, batch: 32, particles: 32, odeSteps: 4, steps: 12 };

describe('GpuSweepEngine: the batched GPU sweep behind the SweepEngine interface', () => {
  it('runSweep() gives per-σ tail means and metrics of the CPU SweepRunner within f32 tolerance', async (ctx) => {
    if (!gpu) return ctx.skip();
    const sigmas = [0.5, 0]; // unsorted on purpose: both engines clean the list the same way
    const gpuEngine = await GpuSweepEngine.create(gpu.device, CONFIG, sigmas, SHADERS);
    const cpuEngine = await SweepRunner.create(CONFIG, sigmas, (c) => new CpuTrainer(c));
    const [g, c] = [(await runSweep(gpuEngine, CONFIG.steps, { chunk: 5 }))!, (await runSweep(cpuEngine, CONFIG.steps, { chunk: 5 }))!];
    gpuEngine.dispose();
    expect(gpuEngine.sigmas).toEqual([0, 0.5]);
    expect(g.map((r) => r.sigma)).toEqual(c.map((r) => r.sigma));
    // 12 Adam steps in f32 against the f64 reference: the same bounds as the GpuSweepTrainer parity test
    expectClose(g.map((r) => r.loss), c.map((r) => r.loss), { rel: 1e-3 }, 'tail loss');
    expectClose(g.map((r) => r.gradVar), c.map((r) => r.gradVar), { rel: 1e-3 }, 'tail gradVar');
    expectClose(g.map((r) => r.metrics.slicedW2), c.map((r) => r.metrics.slicedW2), { rel: 1e-3 }, 'sliced W2');
    expect(g.map((r) => r.metrics.reproduction)).toEqual(c.map((r) => r.metrics.reproduction));
  });
});
