// The science slice through the vanilla store (STYLE rule 12): actions, the sweep and reflow drivers
// with CPU trainers, and hostile values.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import {
  initialScienceState, measureFieldDistance, setCrossingGrid, setCrossingT, setOverlay, setReflowRounds, setSweepSigmas,
  setSweepSteps, startReflow, startSweep, stopSweep, type ScienceStore,
} from '../../src/state/scienceSlice';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { initParams } from '../../src/math/mlp';
import { mlpShape } from '../../src/engine/world';

const TINY: RunConfig = { ...defaultConfig(), pairs: 8, width: 16, depth: 1, batch: 32, particles: 64, odeSteps: 8, steps: 40 };

function makeStore(config: RunConfig = TINY): ScienceStore {
  const store = createAppStore();
  store.setState({ ...initialScienceState(), config });
  return store as unknown as ScienceStore;
}

describe('science slice', () => {
  it('setters clamp hostile values instead of throwing', () => {
    const store = makeStore();
    setSweepSigmas([NaN, 3, 0.1, 0.1], store);
    expect(store.getState().sweep.sigmas).toEqual([0.1, 2]);
    setSweepSteps(-5, store);
    expect(store.getState().sweep.steps).toBe(0);
    setCrossingT(NaN, store);
    expect(store.getState().crossing.t).toBe(0.5);
    setCrossingT(7, store);
    expect(store.getState().crossing.t).toBe(1);
    setCrossingGrid(1e9, store);
    expect(store.getState().crossing.gridSize).toBe(96);
    setReflowRounds(Infinity, store);
    expect(store.getState().reflow.rounds).toBe(2);
  });

  it('startSweep() trains every σ to the target in chunks and stores traces and final results', async () => {
    const store = makeStore();
    setSweepSigmas([0, 1], store);
    const seen: number[] = [];
    const unsub = store.subscribe((s) => { if (s.sweep.step && seen.at(-1) !== s.sweep.step) seen.push(s.sweep.step); });
    await startSweep({ make: (c) => new CpuTrainer(c), chunk: 15 }, store);
    unsub();
    const { sweep } = store.getState();
    expect(sweep.status).toBe('done');
    expect(seen).toEqual([15, 30, 40]);
    expect(sweep.results!.map((r) => r.sigma)).toEqual([0, 1]);
    expect(sweep.models.map((m) => m.traceSteps.length)).toEqual([40, 40]);
    expect(sweep.results!.every((r) => Number.isFinite(r.gradVar) && r.metrics.step === 40)).toBe(true);
  });

  it('stopSweep() during a sweep ends it as stopped, without results', async () => {
    const store = makeStore();
    setSweepSigmas([0, 0.5], store);
    const unsub = store.subscribe((s) => { if (s.sweep.step >= 10) stopSweep(store); });
    await startSweep({ make: (c) => new CpuTrainer(c), chunk: 10 }, store);
    unsub();
    expect(store.getState().sweep.status).toBe('stopped');
    expect(store.getState().sweep.results).toBeNull();
  });

  it('a failing factory leaves the sweep failed with the message', async () => {
    const store = makeStore();
    await startSweep({ make: () => { throw new Error('no adapter'); } }, store);
    expect(store.getState().sweep).toMatchObject({ status: 'failed', error: 'no adapter' });
  });

  it('startReflow() records round 0 and each reflow in the history', async () => {
    const store = makeStore({ ...TINY, coupling: 'rotated' });
    setReflowRounds(1, store);
    await startReflow({ make: (c) => new CpuTrainer(c), steps: 20 }, store);
    const { reflow } = store.getState();
    expect(reflow.status).toBe('done');
    expect(reflow.history.map((r) => [r.round, r.steps])).toEqual([[0, 20], [1, 20]]);
    expect(reflow.history[0].otCost).toBe(0);
  });

  it('measureFieldDistance() needs Gaussian ends and fitting weights; then gives both distances at the weights step', () => {
    const store = makeStore();
    measureFieldDistance(undefined, store);
    expect(store.getState().overlay.distance).toBeNull();
    store.setState({ weights: { theta: initParams(mlpShape(TINY), 1), step: 7 } } as never);
    setOverlay('both', store);
    measureFieldDistance(undefined, store);
    const d = store.getState().overlay.distance!;
    expect(d.step).toBe(7);
    expect(d.ot).toBeGreaterThan(0);
    expect(d.rotated).toBeGreaterThan(0);
    store.setState({ config: { ...TINY, target: 'moons' } } as never);
    measureFieldDistance(undefined, store);
    expect(store.getState().overlay.distance).toBeNull();
  });
});
