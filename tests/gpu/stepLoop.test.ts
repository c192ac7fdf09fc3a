// The two step paths of GpuRun: 'loop' (stepLoop.wgsl, K whole steps in one dispatch, one
// workgroup per model) against CpuTrainer (src/engine/cpuTrainer.ts over src/math) and against the
// 'tiled' path (trainRows → weightGrad → adamStep → finalizeStep); dispatch and submit counts;
// the 'auto' choice and its reuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuTrainer } from '../../src/engine/gpuTrainer';
import { GpuSweepTrainer } from '../../src/engine/gpuSweepTrainer';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { mlpShape } from '../../src/engine/world';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, expectCloseWithNaN, gpuOrSkip, randomTheta, SHADERS } from './helpers';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

/** Off the row tile on purpose: batch 70 (LOOP_ROWS 64: one full tile and one of 6), width 20. */
const BASE: RunConfig = {
  ...defaultConfig(), seed: 9, batch: 70, width: 20, depth: 3, pairs: 16, fourier: 1,
  interpolant: 'bridge', sigma: 0.4, activation: 'silu', warmup: 2, schedule: 'cosine', steps: 8, weightDecay: 0.01, lr: 5e-3,
};

async function trainer(path: 'tiled' | 'loop', config = BASE, extra = {}): Promise<GpuTrainer> {
  const g = await GpuTrainer.create(gpu!.device, config, SHADERS, { adapter: gpu!.adapter, path, ...extra });
  g.setWeights({ theta: randomTheta(mlpShape(config), 4), step: 0 });
  return g;
}

describe('stepLoop.wgsl: K steps in one dispatch', () => {
  it('5 steps in one dispatch give the θ, losses, gradVars and per-bin values of CpuTrainer (θ within 5e-5)', async (ctx) => {
    if (!gpu) return ctx.skip();
    const g = await trainer('loop');
    const c = new CpuTrainer(BASE);
    c.setWeights({ theta: randomTheta(mlpShape(BASE), 4), step: 0 });
    const sg = await g.step(5);
    const sc = c.stepSync(5);
    expect(sg.records.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
    const d = expectClose(await g.weights(), c.weightsSync(), { abs: 5e-5 }, 'θ after 5 steps');
    expectClose(sg.records.map((r) => r.loss), sc.records.map((r) => r.loss), { rel: 1e-4 }, 'losses');
    expectClose(sg.records.map((r) => r.gradVar), sc.records.map((r) => r.gradVar), { rel: 1e-3 }, 'gradVars');
    expectCloseWithNaN(sg.gradVarByT, sc.gradVarByT, { rel: 1e-3, abs: 1e-6 }, 'gradVarByT');
    console.info(`stepLoop θ after 5 Adam steps: max abs diff ${d.maxAbs.toExponential(2)}`);
    g.dispose();
  }, 300_000); // the first test compiles every pipeline and stepLoop: minutes on SwiftShader under load

  it('the loop and tiled paths agree within f32 tolerance over 6 steps of a 3-model σ sweep, and the loop reruns bit-identically', async (ctx) => {
    if (!gpu) return ctx.skip();
    const config = { ...BASE, batch: 40, depth: 2, interpolant: 'constant' as const };
    const sigmas = [0, 0.3, 1];
    const run = async (path: 'tiled' | 'loop') => {
      const s = await GpuSweepTrainer.create(gpu!.device, config, sigmas, SHADERS, { path, stepsPerSubmit: 3 });
      const snaps = await s.step(6);
      const theta = await s.weights();
      s.dispose();
      return { snaps, theta };
    };
    const [loop, tiled, again] = [await run('loop'), await run('tiled'), await run('loop')];
    for (let m = 0; m < sigmas.length; m++) {
      expectClose(loop.snaps[m].records.map((r) => r.loss), tiled.snaps[m].records.map((r) => r.loss), { rel: 1e-5 }, `losses σ=${sigmas[m]}`);
      expectClose(loop.theta[m], tiled.theta[m], { abs: 2e-6, rel: 1e-5 }, `θ σ=${sigmas[m]}`);
    }
    expect(again.snaps).toEqual(loop.snaps);
    expect(again.theta.map((t) => Array.from(t))).toEqual(loop.theta.map((t) => Array.from(t)));
  });

  it('counts one dispatch and one submit per K = stepsPerSubmit steps (tiled: 4 dispatches per step whatever the depth)', async (ctx) => {
    if (!gpu) return ctx.skip();
    const loop = await trainer('loop', { ...BASE, batch: 16, width: 16 }, { stepsPerSubmit: 4, paceSubmits: false });
    await loop.step(8);
    // 2 submits of 4 steps: one stepLoop each, and the per-bin values once (loopGrad, gradDotMean, gradVarBins)
    expect(loop.counters).toEqual({ steps: 8, submits: 2, dispatches: 2 + 3 });
    expect(loop.dispatchesPerStep).toBe(1 / 4);
    const tiled = await trainer('tiled', { ...BASE, batch: 16, width: 16, depth: 5 }, { stepsPerSubmit: 4, paceSubmits: false });
    await tiled.step(8);
    expect(tiled.counters).toEqual({ steps: 8, submits: 2, dispatches: 4 * 8 + 2 });
    expect(tiled.dispatchesPerStep).toBe(4);
    loop.dispose();
    tiled.dispose();
  });

  it("'auto' probes both paths once per size, records the choice and reuses it; large runs stay tiled without a probe", async (ctx) => {
    if (!gpu) return ctx.skip();
    const config = { ...BASE, batch: 24, width: 16, depth: 1 };
    const software = await GpuTrainer.create(gpu.device, { ...config, batch: 20 }, SHADERS, { path: 'auto' });
    const isSoftware = /swiftshader/i.test(gpu.adapter.info.description);
    expect(software.pathChoice === null, 'no probe on a software adapter unless asked').toBe(isSoftware);
    software.dispose();
    const a = await GpuTrainer.create(gpu.device, config, SHADERS, { path: 'auto', probeOnSoftware: true });
    const first = a.pathChoice!;
    expect(first.reused).toBe(false);
    expect(Number.isFinite(first.msPerStep.loop) && Number.isFinite(first.msPerStep.tiled)).toBe(true);
    expect(a.stepPath).toBe(first.msPerStep.loop < first.msPerStep.tiled ? 'loop' : 'tiled');
    expect((await a.step(2)).records.map((r) => r.step)).toEqual([1, 2]); // the probe's steps are not counted
    const b = await GpuTrainer.create(gpu.device, config, SHADERS, { path: 'auto', probeOnSoftware: true });
    expect(b.pathChoice).toMatchObject({ path: first.path, reused: true });
    const big = await GpuTrainer.create(gpu.device, { ...config, batch: 300 }, SHADERS, { path: 'auto', probeOnSoftware: true });
    expect([big.stepPath, big.pathChoice]).toEqual(['tiled', null]);
    for (const t of [a, b, big]) t.dispose();
  });
});

describe('evaluate() while training (bench/frameProbe.ts: steps must keep advancing)', () => {
  it('a step submitted during a long integration finishes before it (chunks of ~CHUNK_TARGET_MS), and paths and evaluations use θ of their own step', async (ctx) => {
    if (!gpu) return ctx.skip();
    const config = { ...BASE, batch: 32, width: 32, particles: 4000, odeSteps: 8, integrator: 'euler' as const };
    const g = await trainer('tiled', config);
    await g.step(2);
    const req = { start: new Float32Array(2 * 4000).map((_, i) => Math.sin(i)), count: 4000, method: 'euler' as const, steps: 8, direction: 'forward' as const };
    const quietPaths = await g.integrate(req); // no step in flight: the reference (also sizes the chunks)
    const quiet = await g.evaluate();
    let stepAt = 0, pathsAt = 0;
    const paths = g.integrate(req).then((p) => { pathsAt = performance.now(); return p; });
    const stepped = g.step(1).then((s) => { stepAt = performance.now(); return s; });
    const [busyPaths, snap] = await Promise.all([paths, stepped]);
    expect(snap.records.map((r) => r.step)).toEqual([3]);
    expect(stepAt, 'the step finished before the integration').toBeLessThan(pathsAt);
    expect(Array.from(busyPaths.path)).toEqual(Array.from(quietPaths.path)); // θ of step 2, not 3
    // an evaluation started at step 3 with a step in flight: both of its integrations use θ of step 3
    await g.step(0);
    const before = await g.evaluate();
    const [busy] = await Promise.all([g.evaluate(), g.step(1)]);
    expect(busy.metrics).toEqual(before.metrics);
    expect(quiet.metrics.step).toBe(2);
    g.dispose();
  }, 300_000);
});
