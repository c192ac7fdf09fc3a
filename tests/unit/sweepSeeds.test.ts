// Seeds in the page's σ sweep (config.seeds, link key seeds=K): one round per seed on the sweep
// engine, the mean over seeds per σ with its sample std, and the collapse mark widened by the band.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { initialScienceState } from '../../src/state/scienceSlice';
import { setSweepSigmas, startSweep } from '../../src/state/scienceActions';
import { ScienceJobs } from '../../src/state/scienceJobs';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { SweepRunner, runSweep, seedSummary, type SweepResult } from '../../src/engine/sweep';
import { defaultConfig, seedConfigs, type RunConfig } from '../../src/engine/runConfig';
import { encodeConfig } from '../../src/link/url';
import { decodeConfig } from '../decodeConfig';
import { sweepTransition } from '../../src/panels/storyMarkAnchor';

const TINY: RunConfig = { ...defaultConfig(), pairs: 8, width: 16, depth: 1, batch: 32, particles: 64, odeSteps: 8, steps: 30 };

const result = (sigma: number, reproduction: number, slicedW2: number): SweepResult => ({
  sigma, gradVar: 10 * reproduction, loss: 1,
  metrics: { step: 30, reproduction, chance: 0.125, partnerDistance: 1, slicedW2, gaussianW2: null, generatedCov: [1, 0, 0, 1], straightness: 0, transportCost: 1, otCost: null },
});

describe('seeds in the σ sweep', () => {
  it('seeds=K is a link setting (1 … 16) that acts without rebuilding the run', () => {
    expect(decodeConfig('seeds=3').config.seeds).toBe(3);
    expect(decodeConfig(encodeConfig({ ...TINY, seeds: 5 })).config.seeds).toBe(5);
    expect(decodeConfig('seeds=0').corrections).toEqual(['seeds=0 is below 1: using 1']);
    expect(decodeConfig('seeds=99').config.seeds).toBe(16);
  });

  it('seedSummary: per σ the mean of every figure over the seeds and the sample std (n − 1)', () => {
    const { results, spread } = seedSummary([[result(0, 0.9, 0.1), result(1, 0.2, 0.3)], [result(0, 0.7, 0.2), result(1, 0.2, 0.5)], [result(0, 0.8, 0.3), result(1, 0.2, 0.4)]]);
    expect(results.map((r) => r.metrics.reproduction)).toEqual([0.8000000000000002, 0.20000000000000004]);
    expect(results[0].gradVar).toBeCloseTo(8, 12);
    expect(results[0].metrics.gaussianW2).toBeNull();
    expect(spread[0]).toMatchObject({ sigma: 0, seeds: 3 });
    expect(spread[0].reproduction).toBeCloseTo(0.1, 12);
    expect(spread[1].reproduction).toBeCloseTo(0, 12);
    expect(spread[1].slicedW2).toBeCloseTo(0.1, 12);
  });

  it('the page sweep with seeds=3 trains a round per seed; its results are the means of three one-seed sweeps, its band their std', async () => {
    const store = createAppStore();
    store.setState({ ...initialScienceState(), config: { ...TINY, seeds: 3 } });
    setSweepSigmas([0, 1], store);
    const jobs = new ScienceJobs({ store, createTrainer: async (c) => ({ engine: new CpuTrainer(c), fallbackReason: null }),
      createSweep: async (c, sigmas) => ({ engine: await SweepRunner.create(c, sigmas, (m) => new CpuTrainer(m)), fallbackReason: null }) });
    jobs.start();
    const done: number[] = [];
    const unsub = store.subscribe((s) => { if (s.sweep.seedsDone !== done.at(-1)) done.push(s.sweep.seedsDone); });
    startSweep(store);
    await jobs.idle();
    unsub();
    const { sweep } = store.getState();
    expect(sweep.status).toBe('done');
    expect(done).toEqual([0, 1, 2, 3]);
    // the same three sweeps, one seed each, by hand
    const perSeed: SweepResult[][] = [];
    for (const c of seedConfigs({ ...TINY, seeds: 3 }, 3)) {
      const engine = await SweepRunner.create(c, [0, 1], (m) => new CpuTrainer(m));
      perSeed.push((await runSweep(engine, 30))!);
      engine.dispose();
    }
    const want = seedSummary(perSeed);
    expect(sweep.results!.map((r) => r.metrics.reproduction)).toEqual(want.results.map((r) => r.metrics.reproduction));
    expect(sweep.spread!.map((s) => s.slicedW2)).toEqual(want.spread.map((s) => s.slicedW2));
    expect(sweep.spread!.every((s) => s.seeds === 3)).toBe(true);
    expect(new Set(perSeed.map((r) => r[0].metrics.slicedW2)).size).toBe(3); // the seeds do differ
  });

  it('the collapse mark spans the band: from the last σ whose band stays above halfway to the first whose band is below it', () => {
    const sigmas = [0, 0.01, 0.03, 0.1, 0.3, 1];
    const rep = [0.95, 0.93, 0.8, 0.45, 0.1, 0.02];
    const points = sigmas.map((sigma, i) => ({ sigma, reproduction: rep[i], chance: 0.01 }));
    expect(sweepTransition(points)).toEqual({ kind: 'box', x: [0.03, 0.1], y: [0, 1] }); // one seed: the adjacent pair
    const std = [0.02, 0.02, 0.35, 0.2, 0.05, 0.01];
    expect(sweepTransition(points.map((p, i) => ({ ...p, std: std[i] })))).toEqual({ kind: 'box', x: [0.01, 0.3], y: [0, 1] });
  });
});
