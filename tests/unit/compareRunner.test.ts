// The compare runner (src/state/compareRunner.ts) on the vanilla store, frame by frame, with two
// CpuTrainers: it trains both runs in lockstep while the store holds a compare setting, leaves the
// single run idle, and survives the switches users make while work is in flight.
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { CompareRunner } from '../../src/state/compareRunner';
import { Runner } from '../../src/state/runner';
import { pickCompare } from '../../src/state/compareActions';
import { shownFinished, shownLosses, shownStep, shownStepsPerSec } from '../../src/state/compareSlice';
import { resetRun, setConfigField, togglePlay } from '../../src/state/actions';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { PairedCompare, type CompareEngine, type CompareKey } from '../../src/engine/compare';
import type { CompareHandle } from '../../src/engine/createCompare';
import type { CreateOptions, TrainerHandle } from '../../src/engine/createTrainer';
import { english } from '../../src/i18n/message';

const TINY: Partial<RunConfig> = { width: 16, depth: 1, batch: 32, pairs: 16, particles: 32, odeSteps: 4, steps: 9, seed: 3 };

/** `soon`: the compare runner's re-request after a reply (null: frames only, as the page's tests pump them). */
function setup(soon: ((cb: () => void) => void) | null = null) {
  const store: AppStore = createAppStore();
  store.setState({ config: { ...defaultConfig(), ...TINY }, speed: 3, playing: true });
  const cbs: ((t: number) => void)[] = [];
  let clock = 0;
  const engines: CompareEngine[] = [];
  const disposed: CompareEngine[] = [];
  const create = async (configs: readonly [RunConfig, RunConfig], _key: CompareKey): Promise<CompareHandle> => {
    const engine = await PairedCompare.create(configs, (c) => new CpuTrainer(c));
    const dispose = engine.dispose.bind(engine);
    engine.dispose = () => { disposed.push(engine); dispose(); };
    engines.push(engine);
    return { engine, kind: 'cpu', notice: null };
  };
  const createSingle = async (config: RunConfig, _o: CreateOptions): Promise<TrainerHandle> =>
    ({ trainer: new CpuTrainer(config), info: { kind: 'cpu', adapterName: 'test', software: false, fallbackReason: null } });
  const frame = (f: (t: number) => void) => { cbs.push(f); return cbs.length; };
  const compare = new CompareRunner({ store, create, now: () => clock, requestFrame: frame, cancelFrame: () => {}, rebuildDelayMs: 0, soon });
  const single = new Runner({ store, create: createSingle, now: () => clock, requestFrame: frame, cancelFrame: () => {} });
  const frames = async (n: number) => {
    for (let i = 0; i < n; i++) {
      clock += 16;
      const pending = cbs.splice(0);
      for (const cb of pending) cb(clock);
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  single.start();
  compare.start();
  return { store, compare, single, engines, disposed, frames, cbs };
}

const losses = (store: AppStore) => store.getState().compareState.runs.map((r) => Array.from(r.curves.columns.loss.subarray(0, r.curves.length)));

describe('CompareRunner', () => {
  it('trains A and B to config.steps in lockstep, evaluates both, and the single run takes no step', async () => {
    const { store, frames } = setup();
    pickCompare('sigma', '0.3', store);
    await frames(20);
    const s = store.getState();
    expect(s.compareState.phase).toBe('ready');
    expect(s.compareState.step).toBe(9);
    expect(s.compareState.finished).toBe(true);
    expect(s.playing).toBe(false);
    expect(s.stepCount).toBe(0);
    expect(s.compareState.runs.map((r) => r.config.sigma)).toEqual([0, 0.3]);
    expect(s.compareState.runs.map((r) => r.evaluation?.metrics.step)).toEqual([9, 9]);
    const [a, b] = losses(store);
    const alone = new CpuTrainer({ ...defaultConfig(), ...TINY, sigma: 0.3 }).stepSync(9).records.map((r) => r.loss);
    expect(b).toEqual(alone);
    expect(a).not.toEqual(b);
  });

  it('after the target Play trains both runs one more segment of config.steps, in lockstep, and pauses again', async () => {
    const { store, frames } = setup();
    pickCompare('sigma', '0.3', store);
    await frames(20);
    expect(shownFinished(store.getState())).toBe(true);
    togglePlay(store);
    await frames(20);
    const s = store.getState();
    expect(s.compareState.step).toBe(18);
    expect(s.playing).toBe(false);
    expect(s.segments).toEqual([9]);
    const [a, b] = losses(store);
    expect(a.length).toBe(18);
    expect(b.length).toBe(18);
    const alone = new CpuTrainer({ ...defaultConfig(), ...TINY, sigma: 0.3 }).stepSync(b.length).records.map((r) => r.loss);
    expect(b).toEqual(alone);
  });

  it('switching the setting while a build or a step is in flight disposes the old engine and drops its replies', async () => {
    const { store, frames, engines, disposed } = setup();
    pickCompare('sigma', '0.3', store);
    pickCompare('width', '32', store); // before the first engine is ready
    await frames(2);
    pickCompare('lr', '0.01', store); // while steps are in flight
    await frames(20);
    expect(engines).toHaveLength(3);
    expect(disposed).toEqual(engines.slice(0, 2));
    const s = store.getState();
    expect(s.compareState.runs.map((r) => r.config.lr)).toEqual([2e-3, 0.01]);
    expect(s.compareState.runs.map((r) => r.config.width)).toEqual([16, 16]);
    expect(s.compareState.step).toBe(9);
    expect(losses(store).map((l) => l.length)).toEqual([9, 9]); // no record of the old engines
  });

  it('Reset restarts both runs from step 0 with the same losses; a burst of config changes rebuilds once; off hands back to the single run', async () => {
    const { store, frames, engines } = setup();
    pickCompare('sigma', null, store);
    await frames(20);
    const first = losses(store);
    resetRun(store);
    store.setState({ playing: true });
    await frames(20);
    expect(losses(store)).toEqual(first);
    // a burst of changes (a dragged slider) rebuilds once, after the last
    setConfigField('seed', 5, store);
    setConfigField('lr', 0.01, store);
    setConfigField('lr', 2e-3, store);
    setConfigField('seed', 4, store);
    store.setState({ playing: true });
    await frames(20);
    expect(engines).toHaveLength(2);
    expect(losses(store)[0]).not.toEqual(first[0]);
    pickCompare('off', null, store);
    store.setState({ playing: true });
    await frames(20);
    const s = store.getState();
    expect(s.compareState.phase).toBe('off');
    expect(s.compareState.runs).toEqual([]);
    expect(s.stepCount).toBe(9);
  });

  it('with `soon` the next steps go out as each reply lands: after one frame both runs keep training without frames', async () => {
    const ticks = async (n: number) => { for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0)); };
    for (const withSoon of [false, true]) {
      const { store, cbs, compare, single } = setup(withSoon ? (f) => { setTimeout(f, 0); } : null);
      store.setState((s) => ({ config: { ...s.config, steps: 0 }, speed: 2 }));
      pickCompare('sigma', '0.3', store);
      await ticks(5); // both runs built
      expect(store.getState().compareState.phase).toBe('ready');
      for (const cb of cbs.splice(0)) cb(16); // one frame only
      await ticks(40);
      const { step, runs } = store.getState().compareState;
      if (withSoon) expect(step).toBeGreaterThan(2 * 5); // far more than one frame's 2 steps
      else expect(step).toBe(2); // frames only: one frame sends one call of `speed` steps
      expect(runs.map((r) => r.curves.length)).toEqual([step, step]);
      compare.stop();
      single.stop();
    }
  });

  it('while comparing the header reads the compare runs: their step, their steps/s and both losses, not the idle single run', async () => {
    const { store, frames } = setup();
    store.setState((s) => ({ config: { ...s.config, steps: 0 } }));
    pickCompare('sigma', '0.3', store);
    await frames(40); // 640 ms of frames: two rate samples
    const s = store.getState();
    expect(s.stepCount).toBe(0);
    expect(s.stepsPerSec).toBe(0);
    expect(s.compareState.step).toBeGreaterThan(20);
    expect(shownStep(s)).toBe(s.compareState.step);
    expect(shownStepsPerSec(s)).toBe(s.compareState.stepsPerSec);
    // 3 steps a 16 ms frame, sampled 512 ms apart: ~190 steps/s on the frame clock
    expect(s.compareState.stepsPerSec).toBeGreaterThan(100);
    expect(shownLosses(s)).toEqual(s.compareState.runs.map((r) => r.curves.last()!.loss));
    pickCompare('off', null, store);
    await frames(10);
    const off = store.getState();
    expect(shownStep(off)).toBe(off.stepCount);
    expect(shownLosses(off)).toEqual([off.curves.last()?.loss]);
  });

  it('NaN in run B stops both runs with the diverged banner naming B, its setting and the step; Reset recovers both', async () => {
    const { store, engines, frames } = setup();
    store.setState((s) => ({ config: { ...s.config, steps: 0 } }));
    pickCompare('lr', '0.05', store);
    await frames(6);
    const engine = engines.at(-1) as PairedCompare;
    expect(store.getState().compareState.step).toBeGreaterThan(0);
    // run B's weights become NaN: its next step's loss is NaN (no in-range lr does this under Adam)
    const b = engine.trainer(1) as CpuTrainer;
    b.setWeights({ theta: new Float32Array(b.weightsSync().length).fill(NaN), step: b.stepCount });
    await frames(4);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.error?.kind).toBe('diverged');
    expect(english(s.error!.message)).toMatch(/^Run B \(lr = 0\.05\) diverged: the loss became NaN at step \d+\. Both runs are paused\. Lower the learning rate, then reset\.$/);
    // both stay where they stopped, even when Play is pressed again before Reset
    const stopped = s.compareState.step;
    store.setState({ playing: true });
    await frames(4);
    expect(store.getState().compareState.step).toBe(stopped);
    resetRun(store);
    expect(store.getState().error).toBeNull();
    store.setState({ playing: true });
    await frames(6);
    const after = store.getState();
    expect(after.error).toBeNull();
    expect(after.compareState.step).toBeGreaterThan(0);
    expect(losses(store).flat().every(Number.isFinite)).toBe(true);
  });

  it('a failure outside a request (a lost device, a dead worker) stops the compare with its message', async () => {
    let report: ((message: string) => void) | null = null;
    const store: AppStore = createAppStore();
    store.setState({ config: { ...defaultConfig(), ...TINY }, speed: 3, playing: true });
    const cbs: ((t: number) => void)[] = [];
    const compare = new CompareRunner({
      store, rebuildDelayMs: 0, now: () => 0, requestFrame: (f) => cbs.push(f), cancelFrame: () => {},
      create: async (configs, _key, _pref, onFailure) => {
        report = onFailure;
        return { engine: await PairedCompare.create(configs, (c) => new CpuTrainer(c)), kind: 'cpu', notice: null };
      },
    });
    compare.start();
    pickCompare('sigma', '0.3', store);
    await expect.poll(() => store.getState().compareState.phase).toBe('ready');
    report!('the CPU worker stopped answering (no reply in 30 s)');
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.compareState.phase).toBe('failed');
    expect(english(s.compareState.notice!)).toBe('The compare runs stopped: the CPU worker stopped answering (no reply in 30 s)');
    compare.stop();
  });
});
