// The science slice through the vanilla store (docs/design.md#test-names-say-what-they-prove): actions, the sweep and reflow jobs
// (ScienceJobs) on CPU trainers passed in as the page passes its engine factories, and hostile values.
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { initialScienceState } from '../../src/state/scienceSlice';
import {
  setCrossingGrid, setCrossingT, setReflowRounds, setSweepSigmas,
  setSweepSteps, startReflow, startSweep, stopReflow, stopSweep,
} from '../../src/state/scienceActions';
import { ScienceJobs, type ScienceDeps } from '../../src/state/scienceJobs';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { SweepRunner } from '../../src/engine/sweep';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { english } from '../../src/i18n/message';

const TINY: RunConfig = { ...defaultConfig(), pairs: 8, width: 16, depth: 1, batch: 32, particles: 64, odeSteps: 8, steps: 40 };

function makeStore(config: RunConfig = TINY): AppStore {
  const store = createAppStore();
  store.setState({ ...initialScienceState(), config });
  return store;
}

/** ScienceJobs on CPU trainers, started on `store`. */
function cpuJobs(store: AppStore, opts: Partial<ScienceDeps> = {}): ScienceJobs {
  const jobs = new ScienceJobs({
    store,
    createTrainer: async (c) => ({ engine: new CpuTrainer(c), fallbackReason: null }),
    createSweep: async (c, sigmas) => ({ engine: await SweepRunner.create(c, sigmas, (m) => new CpuTrainer(m)), fallbackReason: null }),
    ...opts,
  });
  jobs.start();
  return jobs;
}

/** Starts a job with `start` on CPU ScienceJobs and resolves when it has ended. */
async function runJob(store: AppStore, start: (store: AppStore) => void, opts: Partial<ScienceDeps> = {}): Promise<void> {
  const jobs = cpuJobs(store, opts);
  start(store);
  await jobs.idle();
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
    await runJob(store, startSweep, { sweepChunk: 15 });
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
    await runJob(store, startSweep, { sweepChunk: 10 });
    unsub();
    expect(store.getState().sweep.step).toBe(10);
    expect(store.getState().sweep.status).toBe('stopped');
    expect(store.getState().sweep.results).toBeNull();
  });

  it('a failing factory leaves the sweep failed with the message', async () => {
    const store = makeStore();
    await runJob(store, startSweep, { createSweep: async () => { throw new Error('no adapter'); } });
    expect(store.getState().sweep.status).toBe('failed');
    expect(english(store.getState().sweep.error!)).toBe('no adapter');
  });

  it('a sweep on the CPU although the GPU was wanted keeps the reason in the store for the panel', async () => {
    const store = makeStore();
    setSweepSigmas([0], store);
    const jobs = cpuJobs(store, {
      createSweep: async (c, sigmas) => ({ engine: await SweepRunner.create(c, sigmas, (m) => new CpuTrainer(m)), fallbackReason: { key: 'engine.sweepUnavailable', values: { detail: 'this browser has no WebGPU' } } }),
    });
    startSweep(store);
    await jobs.idle();
    expect(store.getState().sweep.status).toBe('done');
    expect(english(store.getState().sweep.fallbackReason!)).toBe('GPU sweep unavailable: this browser has no WebGPU');
  });

  it('a second startSweep() while one runs is ignored; stop then start runs a fresh sweep to the end', async () => {
    const store = makeStore();
    setSweepSigmas([0, 0.5], store);
    const jobs = cpuJobs(store, { sweepChunk: 10 });
    startSweep(store);
    const runId = store.getState().sweep.runId;
    startSweep(store);
    expect(store.getState().sweep.runId).toBe(runId);
    stopSweep(store);
    startSweep(store);
    await jobs.idle();
    const { sweep } = store.getState();
    expect(sweep.runId).toBe(runId + 2);
    expect(sweep.status).toBe('done');
    expect(sweep.results!.map((r) => r.metrics.step)).toEqual([40, 40]);
  });

  it('startReflow() records round 0 and each reflow in the history', async () => {
    const store = makeStore({ ...TINY, coupling: 'rotated' });
    setReflowRounds(1, store);
    await runJob(store, startReflow);
    const { reflow } = store.getState();
    expect(reflow.status).toBe('done');
    expect(reflow.history.map((r) => [r.round, r.steps])).toEqual([[0, 40], [1, 40]]);
    expect(reflow.history[0].otCost).toBe(0);
  });

  it('stopReflow() mid-round keeps the rounds already measured and ends stopped', async () => {
    const store = makeStore({ ...TINY, coupling: 'rotated' });
    setReflowRounds(3, store);
    const unsub = store.subscribe((s) => { if (s.reflow.history.length === 1 && s.reflow.progress?.round === 1) stopReflow(store); });
    await runJob(store, startReflow, { reflowChunk: 10 });
    unsub();
    const { reflow } = store.getState();
    expect(reflow.status).toBe('stopped');
    expect(reflow.history.map((r) => r.round)).toEqual([0]);
  });

  it('a GPU device lost during ReFlow fails the job with the message instead of hanging or passing', async () => {
    const store = makeStore({ ...TINY, coupling: 'rotated' });
    setReflowRounds(1, store);
    const jobs = cpuJobs(store, {
      reflowChunk: 10,
      createTrainer: async (c, onLost) => {
        const t = new CpuTrainer(c);
        const step = t.step.bind(t);
        t.step = async (n) => { const snap = await step(n); if (snap.step >= 20) onLost('adapter reset'); return snap; };
        return { engine: t, fallbackReason: null };
      },
    });
    startReflow(store);
    await jobs.idle();
    expect(store.getState().reflow.status).toBe('failed');
    expect(english(store.getState().reflow.error!)).toBe('GPU device lost: adapter reset');
  });
});
