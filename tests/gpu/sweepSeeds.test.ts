// The GPU σ sweep over seeds: σ × seeds models in one batched run, each (σ, seed) with its seed's
// pairs, initial weights and batches, trains what a single GPU run of that (σ, seed) trains; past
// the model cap the page's sweep goes in rounds of whole seeds with the same results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuSweepTrainer } from '../../src/engine/gpuSweepTrainer';
import { GpuSweepEngine, seedsPerRun } from '../../src/engine/gpuSweepEngine';
import { GpuTrainer } from '../../src/engine/gpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { mlpShape } from '../../src/engine/world';
import { initParams } from '../../src/math/mlp';
import { createAppStore } from '../../src/state/store';
import { initialScienceState } from '../../src/state/scienceSlice';
import { setSweepSigmas, startSweep } from '../../src/state/scienceActions';
import { ScienceJobs } from '../../src/state/scienceJobs';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { main } from '../../src/cli/main';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, gpuOrSkip, SHADERS } from './helpers';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const CONFIG: RunConfig = {
  ...defaultConfig(), seed: 5, pairs: 12, width: 16, depth: 2, batch: 32, particles: 32, odeSteps: 4, steps: 6,
  interpolant: 'constant', sigma: 0,
};
const SIGMAS = [0, 0.4];
const SEEDS = [5, 6];

describe('GpuSweepTrainer over (σ, seed) models', () => {
  it('2 σ × 2 seeds in one run: each model has the records, θ and evaluation of its own single GPU run', async (ctx) => {
    if (!gpu) return ctx.skip();
    const keys = SEEDS.flatMap((seed) => SIGMAS.map((sigma) => ({ sigma, seed })));
    const sweep = await GpuSweepTrainer.createModels(gpu.device, CONFIG, keys, SHADERS, { path: 'tiled' });
    // each model starts from its seed's initial weights and trains on its seed's pairs
    const start = await sweep.weights();
    keys.forEach((k, m) => expect(Array.from(start[m])).toEqual(Array.from(initParams(mlpShape(CONFIG), k.seed))));
    const snaps = await sweep.step(5);
    const weights = await sweep.weights();
    const evals = await sweep.evaluate();
    sweep.dispose();
    for (const [m, k] of keys.entries()) {
      const single = await GpuTrainer.create(gpu.device, { ...CONFIG, seed: k.seed, sigma: k.sigma }, SHADERS, { path: 'tiled' });
      expect(sweep.modelConfig(m)).toMatchObject({ seed: k.seed, sigma: k.sigma });
      const ref = await single.step(5);
      const refWeights = await single.weights();
      const refEval = await single.evaluate();
      await single.dispose();
      const what = `σ=${k.sigma} seed=${k.seed}`;
      expect(snaps[m].records.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
      // the tolerances of the sweep-vs-single parity test (trainer.test.ts); the numbers are those of the same kernels
      const loss = expectClose(snaps[m].records.map((r) => r.loss), ref.records.map((r) => r.loss), { rel: 1e-4 }, `${what} losses`);
      expectClose(snaps[m].records.map((r) => r.gradVar), ref.records.map((r) => r.gradVar), { rel: 1e-3 }, `${what} gradVars`);
      const theta = expectClose(weights[m], refWeights, { abs: 5e-5 }, `${what} θ`);
      console.info(`${what}: loss max rel diff ${loss.maxRel.toExponential(2)}, θ max abs diff ${theta.maxAbs.toExponential(2)}`);
      const e = evals[m].metrics, r = refEval.metrics;
      expect(e.reproduction).toBe(r.reproduction);
      expectClose([e.partnerDistance, e.slicedW2, e.straightness], [r.partnerDistance, r.slicedW2, r.straightness], { abs: 1e-4, rel: 1e-3 }, `${what} metrics`);
    }
    // the seeds really differ: same σ, other pairs, weights and batches
    expect(snaps[0].records[0].loss).not.toBe(snaps[2].records[0].loss);
  });

  it('refuses more models than one run holds', async (ctx) => {
    if (!gpu) return ctx.skip();
    const keys = Array.from({ length: 17 }, (_, i) => ({ sigma: 0, seed: i }));
    await expect(GpuSweepTrainer.createModels(gpu.device, CONFIG, keys, SHADERS)).rejects.toThrow('invalid models: 17 (1 to 16)');
    expect([seedsPerRun(8), seedsPerRun(5), seedsPerRun(16), seedsPerRun(2, 2)]).toEqual([2, 3, 1, 1]);
  });
});

describe("the page's sweep on the GPU: σ × seeds in one run up to the cap, then in rounds", () => {
  /** The page's sweep of SIGMAS on 2 seeds, its GPU runs holding at most `cap` models; the rounds it made. */
  async function pageSweep(cap: number) {
    const store = createAppStore();
    store.setState({ ...initialScienceState(), config: { ...CONFIG, seeds: 2 } });
    setSweepSigmas(SIGMAS, store);
    const rounds: number[][] = [];
    const jobs = new ScienceJobs({
      store, createTrainer: async (c) => ({ engine: new CpuTrainer(c), fallbackReason: null }), sweepChunk: 3,
      createSweep: async (c, sigmas, seeds) => {
        const engine = await GpuSweepEngine.create(gpu!.device, c, sigmas, SHADERS, { path: 'tiled' }, c.steps, Math.min(seeds, seedsPerRun(SIGMAS.length, cap)));
        rounds.push([...engine.seeds]);
        return { engine, fallbackReason: null };
      },
    });
    jobs.start();
    startSweep(store);
    await jobs.idle();
    jobs.stop();
    return { sweep: store.getState().sweep, rounds };
  }

  it('4 models under the cap of 16 are one run; under a cap of 2 two rounds of one seed, with the same per-σ mean and std', async (ctx) => {
    if (!gpu) return ctx.skip();
    const one = await pageSweep(16), split = await pageSweep(2);
    expect(one.rounds).toEqual([[5, 5, 6, 6]]);
    expect(split.rounds).toEqual([[5, 5], [6, 6]]);
    for (const { sweep } of [one, split]) expect(sweep).toMatchObject({ status: 'done', seedsDone: 2, step: CONFIG.steps });
    const [a, b] = [one.sweep, split.sweep];
    expect(a.results!.map((r) => r.sigma)).toEqual(SIGMAS);
    expect(a.spread!.map((s) => s.seeds)).toEqual([2, 2]);
    expectClose(a.results!.map((r) => r.loss), b.results!.map((r) => r.loss), { rel: 1e-4 }, 'mean tail loss');
    expectClose(a.results!.map((r) => r.gradVar), b.results!.map((r) => r.gradVar), { rel: 1e-3 }, 'mean tail gradVar');
    expectClose(a.results!.map((r) => r.metrics.slicedW2), b.results!.map((r) => r.metrics.slicedW2), { abs: 1e-4, rel: 1e-3 }, 'mean sliced W2');
    expectClose(a.spread!.map((s) => s.loss), b.spread!.map((s) => s.loss), { abs: 1e-6, rel: 1e-3 }, 'std of tail loss');
    expect(a.results!.map((r) => r.metrics.reproduction)).toEqual(b.results!.map((r) => r.metrics.reproduction));
    // two seeds give a spread: the seeds trained different models
    expect(a.spread![0].loss).toBeGreaterThan(0);
  });
});

describe('flowvar sweep --engine gpu --seeds K', () => {
  async function sweepRows(engine: 'gpu' | 'cpu') {
    const out: string[] = [], err: string[] = [];
    const argv = ['sweep', 'seed=2&pairs=8&width=16&depth=1&batch=16&particles=16&odeSteps=2', '--sigmas', '0,0.1,0.5,1', '--seeds', '5', '--steps', '3', '--engine', engine, '--json'];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(0);
    return { rows: out.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, number | string | null>), comments: [...out, ...err].filter((l) => l.startsWith('# 20 models')) };
  }

  it('4 σ × 5 seeds = 20 models: a run of 4 seeds and one of 1 (cap 16), every (σ, seed) row and the per-σ mean and std as on the CPU', async (ctx) => {
    if (!gpu) return ctx.skip();
    const [g, c] = [await sweepRows('gpu'), await sweepRows('cpu')];
    expect(g.comments.at(-1)).toMatch(/^# 20 models \(4 σ × 5 seeds\) × 3 steps in .* s on .*, 2 batched runs in turn \(16 models each at most\)$/);
    // per σ: its 5 seeds' rows, then mean and std
    expect(g.rows.map((r) => r.run)).toEqual(c.rows.map((r) => r.run));
    expect(g.rows).toHaveLength(4 * 7);
    expect(g.rows.slice(0, 7).map((r) => r.seed)).toEqual([2, 3, 4, 5, 6, null, null]);
    expectClose(g.rows.map((r) => r.loss as number), c.rows.map((r) => r.loss as number), { rel: 1e-4, abs: 1e-6 }, 'loss per (σ, seed), mean and std');
    expectClose(g.rows.map((r) => r.slicedW2 as number), c.rows.map((r) => r.slicedW2 as number), { rel: 1e-3, abs: 1e-4 }, 'sliced W2');
  });
});
