// Compare mode on the GPU engine diverges like the single run: NaN in run B of
// a batched GPU compare stops both runs with the banner naming B, its setting and the step; Reset
// trains both again; a GPU failure outside a request (onError) stops the compare with its message.
// The compare runner (src/state/compareRunner.ts) drives a real GpuBatchedCompare on Dawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuBatchedCompare } from '../../src/engine/gpuCompare';
import type { GpuSweepTrainer } from '../../src/engine/gpuSweepTrainer';
import { CompareRunner } from '../../src/state/compareRunner';
import { createAppStore } from '../../src/state/store';
import { pickCompare } from '../../src/state/compareActions';
import { resetRun } from '../../src/state/actions';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import type { NodeDevice } from '../../src/node/dawn';
import { gpuOrSkip, SHADERS } from './helpers';
import { english } from '../../src/i18n/message';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const CONFIG: RunConfig = { ...defaultConfig(), seed: 7, pairs: 12, width: 16, depth: 1, batch: 32, particles: 32, odeSteps: 4, steps: 0, sigma: 0 };

describe('compare on the GPU: divergence and failures', () => {
  it('NaN in run B stops both with the diverged banner; Reset trains both again; onError stops the compare', async (ctx) => {
    if (!gpu) return ctx.skip();
    const device = gpu.device;
    const store = createAppStore();
    store.setState({ config: CONFIG, speed: 2, playing: true });
    let engine: GpuBatchedCompare | null = null;
    const compare = new CompareRunner({
      store, rebuildDelayMs: 0,
      // Node has no requestAnimationFrame: a 16 ms timer stands in for the page's frames
      now: () => performance.now(), requestFrame: (f) => setTimeout(() => f(performance.now()), 16) as unknown as number, cancelFrame: (id) => clearTimeout(id),
      create: async (configs, _key, _pref, onFailure) => {
        engine = await GpuBatchedCompare.create(device, configs, SHADERS);
        engine.onError = (f) => onFailure(f.message);
        return { engine, kind: 'gpu', notice: null };
      },
    });
    compare.start();
    pickCompare('sigma', '0.3', store);
    await expect.poll(() => store.getState().compareState.step, { timeout: 60_000 }).toBeGreaterThan(2);
    // run B's weights become NaN (the batched run's models share one buffer: A keeps its own)
    const sweep = (engine as unknown as { sweep: GpuSweepTrainer }).sweep;
    const [wa, wb] = await sweep.weights();
    sweep.setWeights([wa, new Float32Array(wb.length).fill(NaN)], sweep.stepCount);
    await expect.poll(() => store.getState().error?.kind, { timeout: 60_000 }).toBe('diverged');
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(english(s.error!.message)).toMatch(/^Run B \(σ = 0\.3\) diverged: the loss became NaN at step \d+\. Both runs are paused\./);
    resetRun(store);
    store.setState({ playing: true });
    await expect.poll(() => store.getState().compareState.step, { timeout: 60_000 }).toBeGreaterThan(2);
    expect(store.getState().error).toBeNull();
    const finite = store.getState().compareState.runs.every((r) => Array.from(r.curves.columns.loss.subarray(0, r.curves.length)).every(Number.isFinite));
    expect(finite).toBe(true);
    // a lost device reaches the page through onError: the compare stops and says why
    engine!.onError?.({ kind: 'device-lost', message: 'GPU device lost: simulated by the test' });
    expect(store.getState().compareState.phase).toBe('failed');
    expect(english(store.getState().compareState.notice!)).toBe('The compare runs stopped: GPU device lost: simulated by the test');
    expect(store.getState().playing).toBe(false);
    compare.stop();
  });
});
