// The store through zustand/vanilla (no React): actions, the curve buffer, σ notches, link reading,
// and the runner loop driven frame by frame on a real CpuTrainer with a tiny config.
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/state/store';
import { newSeed, nextSeed, nudgeSigma, resetRun, setConfigField, setSigma, stepOnce, togglePlay } from '../../src/state/actions';
import { CurveBuffer } from '../../src/state/curves';
import { notchOf, PAPER_SIGMA, SIGMA_NOTCHES, sigmaAt, stepSigma } from '../../src/format/sigmaScale';
import { readLink, shareQuery } from '../../src/state/urlSync';
import { PREVIEW_PARTICLES, Runner } from '../../src/state/runner';
import { changeMarkers, mergeMarkers } from '../../src/state/markers';
import { chapterById, CPU_SIZES } from '../../src/story/chapters';
import { openChapter, tryChapter } from '../../src/state/storyActions';
import { CONFIG_KEYS, defaultConfig, isLiveKey, LIVE_KEYS, RUN_CONFIG_FIELDS, type ConfigKey, type RunConfig } from '../../src/engine/runConfig';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import type { CreateOptions, TrainerHandle } from '../../src/engine/createTrainer';

const TINY: Partial<RunConfig> = { width: 16, depth: 1, batch: 32, pairs: 16, particles: 32, odeSteps: 4, steps: 0 };

function tinyStore(): AppStore {
  const store = createAppStore();
  store.setState({ config: { ...defaultConfig(), ...TINY }, speed: 3 });
  return store;
}

/** A runner on CpuTrainer (promises resolve in microtasks) with a hand-pumped frame clock. */
function pumpedRunner(store: AppStore) {
  let cb: ((t: number) => void) | null = null;
  let clock = 0;
  const created: RunConfig[] = [];
  const create = async (config: RunConfig, _opts: CreateOptions): Promise<TrainerHandle> => {
    created.push(config);
    return { trainer: new CpuTrainer(config), info: { kind: 'cpu', adapterName: 'test CPU', software: false, fallbackReason: null } };
  };
  const runner = new Runner({ store, create, now: () => clock, requestFrame: (f) => { cb = f; return 1; }, cancelFrame: () => { cb = null; } });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const frames = async (n: number) => {
    for (let i = 0; i < n; i++) {
      clock += 16;
      cb?.(clock);
      await settle();
    }
  };
  return { runner, frames, created, settle };
}

/** A tiny store (set up by `prepare`) whose pumped runner is started and `warm` frames in. */
async function startedRunner(warm: number, prepare?: (store: AppStore) => void) {
  const store = tinyStore();
  prepare?.(store);
  const pumped = pumpedRunner(store);
  pumped.runner.start();
  await pumped.frames(warm);
  return { store, ...pumped };
}

describe('store actions', () => {
  it('setConfigField clamps out-of-range values into the field range', () => {
    const store = tinyStore();
    setConfigField('sigma', 99, store);
    expect(store.getState().config.sigma).toBe(2);
    setConfigField('lr', 'abc', store);
    expect(store.getState().config.lr).toBe(defaultConfig().lr);
  });

  it('nudgeSigma walks the notches and stops at both ends', () => {
    const store = tinyStore();
    setSigma(0, store);
    nudgeSigma(-1, store);
    expect(store.getState().config.sigma).toBe(0);
    nudgeSigma(1, store);
    expect(store.getState().config.sigma).toBe(SIGMA_NOTCHES[1]);
    for (let i = 0; i < 40; i++) nudgeSigma(1, store);
    expect(store.getState().config.sigma).toBe(2);
  });

  it('openChapter uses the CPU sizes on the CPU engine and the chapter\'s own seed (a fresh run)', () => {
    const store = tinyStore();
    setConfigField('seed', 77, store);
    store.setState({ engine: { phase: 'ready', kind: 'cpu', adapterName: '', software: false, fallbackReason: null } });
    const resets = store.getState().resetRequest;
    openChapter('memorize', store);
    const c = store.getState().config;
    expect(c.seed).toBe(1);
    expect(c.pairs).toBe(16);
    expect(c.width).toBe(CPU_SIZES.width);
    expect(store.getState().story).toMatchObject({ chapter: 'memorize', open: true, modified: false });
    expect(store.getState().resetRequest).toBe(resets + 1);
  });

  it('newSeed is a deterministic hash of the current seed', () => {
    const store = tinyStore();
    const before = store.getState().config.seed;
    newSeed(store);
    expect(store.getState().config.seed).toBe(nextSeed(before));
    expect(nextSeed(before)).not.toBe(before);
  });
});

describe('sigma scale', () => {
  it('has 0 first, 2 last and the paper value 0.05 on a notch', () => {
    expect(SIGMA_NOTCHES[0]).toBe(0);
    expect(SIGMA_NOTCHES[SIGMA_NOTCHES.length - 1]).toBe(2);
    expect(sigmaAt(notchOf(PAPER_SIGMA))).toBe(PAPER_SIGMA);
  });
  it('stepSigma from an off-notch value moves from its nearest notch', () => {
    expect(stepSigma(0.06, 1)).toBe(0.1);
    expect(stepSigma(0.06, -1)).toBe(0.03);
  });
});

describe('CurveBuffer', () => {
  it('keeps the first point, a downsampled history and the newest records at full resolution, in bounded memory', () => {
    const c = new CurveBuffer(8);
    for (let s = 1; s <= 20; s++) c.push({ step: s, loss: s, gradVar: s, meanGradNormSq: 1, sigma: 0 });
    expect(c.length).toBeLessThanOrEqual(8);
    expect(c.point(0).step).toBe(1);
    const steps = c.toArray().map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.slice(-c.tail)).toEqual([19, 20]);
    // an hour-long run: 300 000 records in 4096 slots, the last 512 steps one per step
    const long = new CurveBuffer();
    for (let s = 1; s <= 300_000; s++) long.push({ step: s, loss: 1 / s, gradVar: s, meanGradNormSq: 1, sigma: 0 });
    const all = long.toArray().map((p) => p.step);
    expect(long.length).toBeLessThanOrEqual(long.capacity);
    expect(all[0]).toBe(1);
    expect(all.slice(-long.tail)).toEqual(Array.from({ length: long.tail }, (_, i) => 300_000 - long.tail + 1 + i));
    expect(all.every((s, i) => i === 0 || s > all[i - 1])).toBe(true);
    // the history is evenly spaced at its stride (no region thinned more than another)
    const history = all.slice(0, long.coarse);
    expect(long.stride).toBeGreaterThan(64);
    expect(history.every((s, i) => i === 0 || s - history[i - 1] === long.stride)).toBe(true);
    // a resumed run cuts the points after its step and keeps them increasing
    long.truncateAfter(299_900);
    long.push({ step: 299_901, loss: 1, gradVar: 1, meanGradNormSq: 1, sigma: 0 });
    const cut = long.toArray().map((p) => p.step);
    expect(cut.slice(-2)).toEqual([299_900, 299_901]);
  });
  it('debiased EMA of a constant series equals the constant', () => {
    const c = new CurveBuffer(16);
    for (let s = 1; s <= 5; s++) c.push({ step: s, loss: 3, gradVar: 2, meanGradNormSq: 1, sigma: 0 });
    expect(c.last()!.lossEma).toBeCloseTo(3, 12);
    expect(c.last()!.gradVarEma).toBeCloseTo(2, 12);
  });
});

describe('links', () => {
  it('readLink(shareQuery(s)) gives back the same config and view keys', () => {
    const store = tinyStore();
    setConfigField('sigma', 0.3, store);
    store.setState({ theme: 'projector', hidden: ['lr'] });
    const opened = readLink(shareQuery(store.getState(), 'cpu'));
    expect(opened.config).toEqual(store.getState().config);
    expect(opened.view.theme).toBe('projector');
    expect(opened.view.hidden).toEqual(['lr']);
    expect(opened.view.engine).toBe('cpu');
    expect(opened.corrections).toEqual([]);
  });
  it('a bare link has no config; a hostile one gives corrections and never throws', () => {
    expect(readLink('').config).toBeNull();
    expect(readLink('?engine=cpu&theme=projector').config).toBeNull();
    const hostile = readLink(`?sigma=NaN&lr=%3Cscript%3E&theme=<b>&speed=1e999&width=${'9'.repeat(10000)}&%E0%A4%A=1`);
    expect(hostile.config).not.toBeNull();
    expect(hostile.config!.sigma).toBe(defaultConfig().sigma);
    expect(hostile.config!.width).toBe(512);
    expect(hostile.corrections.length).toBeGreaterThanOrEqual(4);
  });
});

describe('runner', () => {
  it('the first evaluation of a run is a 128-particle preview; the next one, at once, uses the configured 300', async () => {
    const { store, runner, frames } = await startedRunner(0, (s) => setConfigField('particles', 300, s));
    const seen: [number, number | null][] = [];
    const off = store.subscribe((s, prev) => { if (s.evaluation && s.evaluation !== prev.evaluation) seen.push([s.evaluation.freshPaths.count, s.evaluationPreview]); });
    await frames(6);
    expect(seen[0]).toEqual([PREVIEW_PARTICLES, 128]);
    expect(seen[1]).toEqual([300, null]);
    // a reset starts a fresh run: a preview again, then the full count
    resetRun(store);
    seen.length = 0;
    await frames(6);
    expect(seen.slice(0, 2)).toEqual([[128, 128], [300, null]]);
    off();
    runner.stop();
  });

  it('trains while playing, stops at config.steps and evaluates the final state', async () => {
    const { store, runner } = await startedRunner(12, (s) => setConfigField('steps', 7, s));
    const s = store.getState();
    expect(s.stepCount).toBe(7);
    expect(s.playing).toBe(false);
    expect(s.finished).toBe(true);
    expect(s.curves.length).toBe(7);
    expect(s.evaluation?.metrics.step).toBe(7);
    runner.stop();
  });

  it('Play after the goal trains one more segment of config.steps and pauses; a chapter\'s Try this change does the same', async () => {
    const { store, runner, frames } = await startedRunner(12, (s) => setConfigField('steps', 7, s));
    expect(store.getState().stepCount).toBe(7);
    togglePlay(store);
    await frames(12);
    let s = store.getState();
    expect([s.stepCount, s.playing, s.finished, s.goal, s.segments]).toEqual([14, false, true, 14, [7]]);
    expect(s.curves.length).toBe(14);
    // a live change in place, as a chapter's "Try this": σ moves, one more segment, then a pause
    tryChapter({ ...chapterById('rotated')!, tryThis: { action: { kind: 'config', patch: { sigma: 0.3 } } } }, store);
    await frames(12);
    s = store.getState();
    expect([s.stepCount, s.playing, s.config.sigma, s.segments]).toEqual([21, false, 0.3, [7, 14]]);
    expect(s.markers.map((m) => [m.step, m.label])).toEqual([[14, 'σ 0 → 0.3']]);
    // a reset starts again from one segment
    resetRun(store);
    await frames(2);
    expect([store.getState().goal, store.getState().segments]).toEqual([0, []]);
    runner.stop();
  });

  it('a σ change acts live: no rebuild, the step count continues, a labelled marker appears', async () => {
    const { store, runner, frames, created } = await startedRunner(3);
    const before = store.getState().stepCount;
    expect(before).toBeGreaterThan(0);
    setSigma(0.3, store);
    await frames(3);
    const s = store.getState();
    expect(created.length).toBe(1);
    expect(s.stepCount).toBeGreaterThan(before);
    expect(s.markers.map((m) => [m.step, m.label])).toEqual([[before, 'σ 0 → 0.3']]);
    expect(s.curves.point(s.curves.length - 1).sigma).toBe(0.3);
    runner.stop();
  });

  it('a rebuild key (width) rebuilds the trainer and clears the curves', async () => {
    const { store, runner, frames, created } = await startedRunner(3);
    setConfigField('width', 24, store);
    await frames(1);
    expect(created.length).toBe(2);
    expect(created[1].width).toBe(24);
    await frames(2);
    expect(store.getState().curves.point(0).step).toBe(1);
    runner.stop();
  });

  it('every row marked live in the config table acts through setLive; every other row rebuilds the trainer', async () => {
    const other = (key: ConfigKey): unknown => {
      const f = RUN_CONFIG_FIELDS[key];
      if (f.type === 'enum') return f.values.find((v) => v !== store.getState().config[key]);
      if (f.type === 'pairs') return [0, 0, 1, 1];
      if (f.type === 'points') return [0, 0, 1, 1];
      const now = store.getState().config[key] as number;
      return now < f.max ? (f.type === 'int' ? now + 1 : now + (f.max - now) / 4) : f.min;
    };
    const { store, runner, frames, created } = await startedRunner(2);
    const live: ConfigKey[] = [], rebuilt: ConfigKey[] = [];
    for (const key of CONFIG_KEYS) {
      if (key === 'steps') continue; // steps = the stop point: tested above
      const before = created.length;
      setConfigField(key, other(key), store);
      await frames(2);
      (created.length > before ? rebuilt : live).push(key);
    }
    expect(live).toEqual(LIVE_KEYS.filter((k) => k !== 'steps'));
    expect(rebuilt).toEqual(CONFIG_KEYS.filter((k) => !isLiveKey(k)));
    expect(live).toEqual(['interpolant', 'sigma', 'lr', 'weightDecay', 'warmup', 'schedule', 'integrator', 'odeSteps', 'particles', 'seeds']);
    runner.stop();
  });

  it('reset returns to step 0 with the same curve values as the first run', async () => {
    const { store, runner, frames } = await startedRunner(4);
    const first = store.getState().curves.toArray().slice(0, 3).map((p) => p.loss);
    resetRun(store);
    expect(store.getState().stepCount).toBe(0);
    await frames(4);
    const again = store.getState().curves.toArray().slice(0, 3).map((p) => p.loss);
    expect(again).toEqual(first);
    runner.stop();
  });

  it('stepOnce pauses and takes exactly one step', async () => {
    const { store, runner, frames } = await startedRunner(3, (s) => togglePlay(s)); // paused before it starts
    expect(store.getState().stepCount).toBe(0);
    stepOnce(store);
    await frames(3);
    expect(store.getState().stepCount).toBe(1);
    runner.stop();
  });

  it('a non-finite loss pauses the run with a diverged error', async () => {
    const { store, runner, frames } = await startedRunner(2, (store) => {
      setConfigField('lr', 0.1, store);
      setConfigField('tgtSx', 3, store);
    });
    // Poison the weights: the next step's loss is NaN.
    const t = runner.current as CpuTrainer;
    t.setWeights({ theta: new Float32Array(t.weightsSync().length).fill(NaN), step: t.stepCount });
    await frames(3);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.error?.kind).toBe('diverged');
    resetRun(store);
    expect(store.getState().error).toBeNull();
    runner.stop();
  });

  it('changeMarkers labels each changed training setting and skips evaluation-only ones', () => {
    const a = defaultConfig();
    expect(changeMarkers(5, a, { ...a, sigma: 0.05, lr: 0.01, odeSteps: 8 }).map((m) => m.label)).toEqual(['σ 0 → 0.05', 'lr 0.002 → 0.01']);
  });

  it('mergeMarkers folds a dragged slider into one marker per step and drops a round trip', () => {
    const a = defaultConfig();
    const b = { ...a, sigma: 0.3 }, c = { ...a, sigma: 0.5 };
    let m = mergeMarkers([], changeMarkers(9, a, b));
    m = mergeMarkers(m, changeMarkers(9, b, c));
    expect(m.map((x) => x.label)).toEqual(['σ 0 → 0.5']);
    expect(m[0]).toMatchObject({ key: 'sigma', from: 0, to: 0.5 }); // merged from the values, not read back from the label
    m = mergeMarkers(m, changeMarkers(9, c, a));
    expect(m).toEqual([]);
    m = mergeMarkers(m, changeMarkers(12, a, b));
    expect(m.map((x) => [x.step, x.label])).toEqual([[12, 'σ 0 → 0.3']]);
  });
});
