// The runner's rebuild lifecycle: a replaced trainer finishes
// disposing (its in-flight work settled) before the next one is created, a device loss after a
// reset is still reported, "Continue on CPU" resumes from the carried weights with the curves cut
// back to that step, and the steps/s readout stays above 0 while steps advance.
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { Runner } from '../../src/state/runner';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import type { CreateOptions, TrainerHandle } from '../../src/engine/createTrainer';
import { continueOnCpu, resetRun, setConfigField } from '../../src/state/actions';
import { english } from '../../src/i18n/message';

const TINY: Partial<RunConfig> = { width: 16, depth: 1, batch: 32, pairs: 16, particles: 32, odeSteps: 4, steps: 0 };

function setup() {
  const store: AppStore = createAppStore();
  store.setState({ config: { ...defaultConfig(), ...TINY }, speed: 3 });
  let cb: ((t: number) => void) | null = null;
  let clock = 0;
  const log: string[] = [];
  const lost: ((m: string) => void)[] = [];
  let disposing: (() => void) | null = null;
  const create = async (config: RunConfig, opts: CreateOptions): Promise<TrainerHandle> => {
    const n = log.filter((l) => l.startsWith('create')).length;
    log.push(`create ${n} width ${config.width}`);
    lost.push(opts.onDeviceLost);
    const trainer = new CpuTrainer(config);
    // dispose resolves only when the test releases it: the old engine still "settling"
    (trainer as unknown as { dispose: () => Promise<void> }).dispose = () => new Promise<void>((done) => {
      log.push(`dispose ${n} begun`);
      disposing = () => { log.push(`dispose ${n} done`); done(); };
    });
    return { trainer, info: { kind: 'cpu', adapterName: `CPU ${n}`, software: false, fallbackReason: null } };
  };
  const runner = new Runner({ store, create, now: () => clock, requestFrame: (f) => { cb = f; return 1; }, cancelFrame: () => { cb = null; } });
  const frames = async (n: number, ms = 16) => {
    for (let i = 0; i < n; i++) {
      clock += ms;
      cb?.(clock);
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { store, runner, frames, log, lost, release: () => disposing?.() };
}

describe('runner lifecycle', () => {
  it('creates the next trainer only after the replaced one finished disposing', async () => {
    const { store, runner, frames, log, release } = setup();
    runner.start();
    await frames(3);
    setConfigField('width', 24, store);
    await frames(3);
    expect(log).toEqual(['create 0 width 16', 'dispose 0 begun']);
    expect(store.getState().engine.phase).toBe('starting');
    release();
    await frames(3);
    expect(log).toEqual(['create 0 width 16', 'dispose 0 begun', 'dispose 0 done', 'create 1 width 24']);
    await frames(3);
    expect(store.getState().stepCount).toBeGreaterThan(0);
    runner.stop();
  });

  it('a device loss after Reset is still reported (a reset keeps the trainer)', async () => {
    const { store, runner, frames, lost } = setup();
    runner.start();
    await frames(3);
    resetRun(store);
    await frames(1);
    lost[0]('GPU device lost: test');
    expect(store.getState().error?.kind).toBe('device-lost');
    runner.stop();
  });

  it('Continue on CPU resumes at the carried weights\' step: curves cut there, strictly increasing, a notice names the engine', async () => {
    const { store, runner, frames, release } = setup();
    runner.start();
    await frames(40);
    const s = store.getState();
    expect(s.weights).not.toBeNull();
    const carried = s.weights!.step;
    await frames(5);
    expect(store.getState().stepCount).toBeGreaterThan(carried);
    // the carried state holds Adam's moments: the steps trained again repeat the first engine's losses exactly
    expect(s.weights!.m?.length).toBe(s.weights!.theta.length);
    expect(s.weights!.v!.some((x) => x > 0)).toBe(true);
    const lossAt = (points: { step: number; loss: number }[]) => new Map(points.map((p) => [p.step, p.loss]));
    const first = lossAt(store.getState().curves.toArray());
    continueOnCpu(store);
    await frames(1);
    release();
    await frames(10);
    const after = store.getState();
    const steps = after.curves.toArray().map((p) => p.step);
    expect(steps.filter((v, i) => i > 0 && v <= steps[i - 1])).toEqual([]);
    expect(steps[0]).toBe(1);
    const again = [...lossAt(after.curves.toArray())].filter(([step]) => step > carried && first.has(step));
    expect(again.length).toBeGreaterThan(0);
    expect(again.map(([step, loss]) => [step, loss])).toEqual(again.map(([step]) => [step, first.get(step)]));
    expect(english(after.engineNotice!)).toMatch(new RegExp(`Continued on CPU 1 from step ${carried}`));
    runner.stop();
  });

  it('with `soon` the next steps go out as each reply lands: training advances without frames', async () => {
    const store: AppStore = createAppStore();
    store.setState({ config: { ...defaultConfig(), ...TINY }, speed: 2 });
    let cb: ((t: number) => void) | null = null;
    const create = async (config: RunConfig): Promise<TrainerHandle> => ({ trainer: new CpuTrainer(config), info: { kind: 'cpu', adapterName: 'CPU', software: false, fallbackReason: null } });
    const runner = new Runner({ store, create, now: () => 0, requestFrame: (f) => { cb = f; return 1; }, cancelFrame: () => {}, soon: (f) => { setTimeout(f, 0); } });
    runner.start();
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
    cb!(16); // one frame only
    for (let i = 0; i < 40; i++) await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().stepCount).toBeGreaterThan(2 * 5); // far more than one frame's 2 steps
    runner.stop();
  });

  it('steps/s stays above 0 while steps advance, even across a window without a step', async () => {
    const { store, runner, frames } = setup();
    runner.start();
    await frames(60, 50);
    expect(store.getState().stepsPerSec).toBeGreaterThan(0);
    store.setState({ playing: false });
    await frames(12, 50); // 600 ms without a step: within the span, the rate still counts the earlier steps
    expect(store.getState().stepsPerSec).toBeGreaterThan(0);
    runner.stop();
  });
});
