// GpuTrainer integration (odeInput/forwardHidden/odeOutput) against src/math/ode.ts through
// CpuTrainer, evaluate() against CpuTrainer.evaluateSync(), and the lifecycle: weights, reset,
// setPairs, failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuTrainer } from '../../src/engine/gpuTrainer';
import { GpuSweepTrainer } from '../../src/engine/gpuSweepTrainer';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { mlpShape } from '../../src/engine/world';
import { initParams } from '../../src/math/mlp';
import { normal2 } from '../../src/math/rng';
import type { IntegrateRequest } from '../../src/engine/trainer';
import type { GpuFailure } from '../../src/engine/gpu';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, gpuOrSkip, randomTheta, SHADERS } from './helpers';
import { poisonIntegration } from './seams';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const BASE: RunConfig = {
  ...defaultConfig(), seed: 3, batch: 32, width: 24, depth: 3, pairs: 24, fourier: 1,
  interpolant: 'constant', sigma: 0.3, particles: 48, odeSteps: 6,
};

async function pair(config: RunConfig, options = {}): Promise<[GpuTrainer, CpuTrainer]> {
  const g = await GpuTrainer.create(gpu!.device, config, SHADERS, { adapter: gpu!.adapter, ...options });
  const c = new CpuTrainer(config);
  const theta = randomTheta(mlpShape(config), 17);
  g.setWeights({ theta, step: 0 });
  c.setWeights({ theta, step: 0 });
  return [g, c];
}

function starts(count: number, seed: number): Float32Array {
  const out = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) out.set(normal2(seed, 97, 0, i).map((x) => 1.5 * x), 2 * i);
  return out;
}

describe('GpuTrainer.integrate (odeInput.wgsl, forwardHidden.wgsl, odeOutput.wgsl)', () => {
  for (const method of ['euler', 'heun', 'rk4'] as const) {
    it(`${method} forward and backward gives every state of src/math/ode.ts integrate() within 1e-4`, async (ctx) => {
      if (!gpu) return ctx.skip();
      const [g, c] = await pair(BASE);
      await g.integrate({ start: starts(40, 0), count: 40, method, steps: 5, direction: 'forward' }); // allocates the buffers
      for (const direction of ['forward', 'backward'] as const) {
        const req: IntegrateRequest = { start: starts(40, method.length + direction.length), count: 40, method, steps: 5, direction };
        poisonIntegration(g);
        const got = await g.integrate(req);
        const want = c.integrateSync(req);
        expect([got.count, got.states]).toEqual([40, 6]);
        const d = expectClose(got.path, want.path, { abs: 1e-4, rel: 1e-4 }, `${method} ${direction} path`);
        console.info(`integrate ${method} ${direction}: max abs diff ${d.maxAbs.toExponential(2)}`);
      }
      g.dispose();
    });
  }

  it('cuts many particles into chunks and stitches the same paths as the CPU', async (ctx) => {
    if (!gpu) return ctx.skip();
    const [g, c] = await pair({ ...BASE, depth: 2, fourier: 0 }, { integrateChunk: 30 });
    const req: IntegrateRequest = { start: starts(70, 5), count: 70, method: 'heun', steps: 3, direction: 'forward' };
    await g.integrate(req);
    poisonIntegration(g);
    expectClose((await g.integrate(req)).path, c.integrateSync(req).path, { abs: 1e-4, rel: 1e-4 }, 'chunked path');
    const empty = await g.integrate({ ...req, count: 0 });
    expect(empty.path.length).toBe(0);
    await expect(g.integrate({ ...req, method: 'leapfrog' as never })).rejects.toThrow('invalid integrator: leapfrog');
    await expect(g.integrate({ ...req, steps: 0 })).rejects.toThrow('invalid steps: 0');
    g.dispose();
  });

  it('evaluate() after training gives the metrics of CpuTrainer.evaluateSync()', async (ctx) => {
    if (!gpu) return ctx.skip();
    const [g, c] = await pair(BASE);
    await g.step(4);
    c.stepSync(4);
    const [eg, ec] = [await g.evaluate(), c.evaluateSync()];
    const m = eg.metrics, r = ec.metrics;
    expect(m.step).toBe(4);
    expect(m.reproduction).toBe(r.reproduction);
    expect(m.chance).toBe(r.chance);
    expectClose(
      [m.partnerDistance, m.slicedW2, m.gaussianW2!, ...m.generatedCov, m.straightness, m.transportCost],
      [r.partnerDistance, r.slicedW2, r.gaussianW2!, ...r.generatedCov, r.straightness, r.transportCost],
      { abs: 1e-4, rel: 1e-3 }, 'metrics');
    expectClose(eg.freshPaths.path, ec.freshPaths.path, { abs: 2e-4, rel: 2e-4 }, 'fresh paths');
    expect(eg.trainPaths.count).toBe(BASE.pairs);
    g.dispose();
  });
});

describe('GpuSweepTrainer: M models in one dispatch per kernel', () => {
  it('three σ trained side by side give each model the records, per-bin values, θ and evaluation of its own CpuTrainer', async (ctx) => {
    if (!gpu) return ctx.skip();
    const sigmas = [0, 0.1, 0.6];
    const config: RunConfig = { ...BASE, interpolant: 'deterministic', particles: 32, odeSteps: 4 };
    const sweep = await GpuSweepTrainer.create(gpu.device, config, sigmas, SHADERS, { splitChunk: 16 });
    const theta = randomTheta(mlpShape(config), 23);
    sweep.setWeights(theta, 0);
    const cpus = sigmas.map((s) => {
      const c = new CpuTrainer({ ...config, interpolant: 'constant', sigma: s });
      c.setWeights({ theta, step: 0 });
      return c;
    });
    const snaps = await sweep.step(3);
    const weights = await sweep.weights();
    const evals = await sweep.evaluate();
    expect(snaps).toHaveLength(3);
    sigmas.forEach((sigma, m) => {
      const ref = cpus[m].stepSync(3);
      expect(snaps[m].records.map((r) => r.step)).toEqual([1, 2, 3]);
      expect(snaps[m].records.map((r) => r.sigma)).toEqual([sigma, sigma, sigma].map(Math.fround));
      expectClose(snaps[m].records.map((r) => r.loss), ref.records.map((r) => r.loss), { rel: 1e-4 }, `σ=${sigma} losses`);
      expectClose(snaps[m].records.map((r) => r.gradVar), ref.records.map((r) => r.gradVar), { rel: 1e-3 }, `σ=${sigma} gradVars`);
      const finite = ref.gradVarByT.filter(Number.isFinite).length;
      expect(snaps[m].gradVarByT.filter(Number.isFinite).length).toBe(finite);
      expectClose(snaps[m].gradVarByT.map((v) => (Number.isFinite(v) ? v : 0)), ref.gradVarByT.map((v) => (Number.isFinite(v) ? v : 0)), { rel: 1e-3, abs: 1e-4 }, `σ=${sigma} bins`);
      expectClose(weights[m], cpus[m].weightsSync(), { abs: 5e-5 }, `σ=${sigma} θ`);
      const e = evals[m].metrics, r = cpus[m].evaluateSync().metrics;
      expect(e.reproduction).toBe(r.reproduction);
      expectClose([e.partnerDistance, e.slicedW2, e.straightness], [r.partnerDistance, r.slicedW2, r.straightness], { abs: 1e-4, rel: 1e-3 }, `σ=${sigma} metrics`);
    });
    // the models really differ: σ changes the batch targets
    expect(snaps[0].records[2].loss).not.toBe(snaps[2].records[2].loss);
    sweep.dispose();
  });
});

describe('GpuTrainer lifecycle', () => {
  it('reset() restores the initial weights and step 0 and replays the same records', async (ctx) => {
    if (!gpu) return ctx.skip();
    const g = await GpuTrainer.create(gpu.device, BASE, SHADERS, { adapter: gpu.adapter });
    expect(Array.from(await g.weights())).toEqual(Array.from(initParams(mlpShape(BASE), BASE.seed)));
    const first = await g.step(3);
    expect(g.stepCount).toBe(3);
    g.reset();
    expect(g.stepCount).toBe(0);
    expect(Array.from(await g.weights())).toEqual(Array.from(initParams(mlpShape(BASE), BASE.seed)));
    const again = await g.step(3);
    expect(again).toEqual(first);
    expect(g.lastWeights()?.step).toBe(0);
    g.dispose();
    await expect(g.step(1)).rejects.toThrow('dispose');
  });

  it('setPairs() trains on the new pairs (Reflow), growing the pair buffer, like CpuTrainer', async (ctx) => {
    if (!gpu) return ctx.skip();
    const [g, c] = await pair(BASE);
    const n = 40; // more than the 24 of the run: a new buffer and bind group
    const x0 = Float64Array.from(starts(n, 1)), x1 = Float64Array.from(starts(n, 2));
    g.setPairs({ n, x0, x1 });
    c.setPairs({ n, x0, x1 });
    const [sg, sc] = [await g.step(2), c.stepSync(2)];
    expectClose(sg.records.map((r) => r.loss), sc.records.map((r) => r.loss), { rel: 1e-4 }, 'losses on new pairs');
    expect(g.pairs.n).toBe(n);
    g.dispose();
  });

  it('a train state read at step 4 (also by the background copy) continues exactly on a fresh GpuTrainer: the next 3 losses and θ equal the run\'s; with zeroed moments they part', async (ctx) => {
    if (!gpu) return ctx.skip();
    const g = await GpuTrainer.create(gpu.device, BASE, SHADERS, { adapter: gpu.adapter, weightsEvery: 4 });
    await g.step(4);
    await gpu.device.queue.onSubmittedWorkDone();
    await new Promise((r) => setTimeout(r, 50));
    const background = g.lastWeights();
    const saved = await g.trainState();
    expect(saved.step).toBe(4);
    expect(saved.v.some((x) => x > 0)).toBe(true);
    // the background copy (θ, m, v in one readback) is the same state
    expect(background?.step).toBe(4);
    expect([background!.theta, background!.m, background!.v].map((a) => Array.from(a))).toEqual([saved.theta, saved.m, saved.v].map((a) => Array.from(a)));
    const straight = await g.step(3);
    const h = await GpuTrainer.create(gpu.device, BASE, SHADERS, { adapter: gpu.adapter, weightsEvery: 0 });
    h.setWeights(saved);
    expect(h.stepCount).toBe(4);
    expect((await h.step(3)).records).toEqual(straight.records);
    expect(Array.from(await h.weights())).toEqual(Array.from(await g.weights()));
    h.setWeights({ theta: saved.theta, step: saved.step });
    const zeroed = (await h.step(3)).records.map((r) => r.loss);
    expect(zeroed).not.toEqual(straight.records.map((r) => r.loss));
    g.dispose();
    h.dispose();
  });

  it('reports an uncaptured GPU error and a lost device through onError once each run, then step() rejects and the last weights stay', async (ctx) => {
    if (!gpu) return ctx.skip();
    const g = await GpuTrainer.create(gpu.device, BASE, SHADERS, { adapter: gpu.adapter, weightsEvery: 2 });
    const seen: GpuFailure[] = [];
    g.onError = (f) => seen.push(f);
    await g.step(1);
    await g.step(2);
    await gpu.device.queue.onSubmittedWorkDone();
    await new Promise((r) => setTimeout(r, 50));
    // read in the background after the steps queued by step(2), without a weights() call
    expect(g.lastWeights()?.step).toBe(3);
    const kept = await g.weights();
    // a validation error nobody captures (MAP_READ with STORAGE is invalid)
    gpu.device.createBuffer({ size: 16, usage: 0x1 | 0x80 });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((f) => f.kind)).toEqual(['gpu-error']);
    expect(g.failure?.message).toMatch(/GPU error/);
    await expect(g.step(1)).rejects.toThrow('GPU error');
    expect(Array.from(g.lastWeights()!.theta)).toEqual(Array.from(kept));
    expect(g.lastWeights()!.step).toBe(3);
    g.dispose();

    // device loss: a second trainer on this device, then the device goes away (last test of the file)
    const h = await GpuTrainer.create(gpu.device, BASE, SHADERS, { adapter: gpu.adapter });
    const lost: GpuFailure[] = [];
    h.onError = (f) => lost.push(f);
    gpu.device.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(lost.map((f) => f.kind)).toEqual(['device-lost']);
    await expect(h.step(1)).rejects.toThrow('GPU device lost');
    gpu = null;
  });
});
