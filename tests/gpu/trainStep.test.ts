// One training step of GpuTrainer, kernel by kernel, against src/math (batch.ts, mlp.ts,
// trainStep.ts, adam.ts) and CpuTrainer. Every buffer a kernel writes is poisoned (NaN) first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuTrainer } from '../../src/engine/gpuTrainer';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { effectiveSigma, mlpShape } from '../../src/engine/world';
import { sampleBatch } from '../../src/math/batch';
import { backward, forward, sampleGradDotMean } from '../../src/math/mlp';
import { batchGradient } from '../../src/math/trainStep';
import { RECORD_WORDS } from '../../src/engine/gpuLayout';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, expectCloseWithNaN, f32, gpuOrSkip, randomTheta, SHADERS, u32 } from './helpers';
import { inspect, poison } from './seams';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

/** Sizes off the tile grid on purpose: batch 50 (tiles of 32), width 40, two dW chunks of 32. */
const BASE: RunConfig = {
  ...defaultConfig(), seed: 7, batch: 50, width: 40, depth: 3, pairs: 32, fourier: 2,
  interpolant: 'bridge', sigma: 0.5, activation: 'silu',
};
/** The tiled kernels, one submit per step(n) call up to stepsPerSubmit (no pacing: the records buffer is compared word by word). */
const SPLIT = { splitChunk: 32, path: 'tiled' as const, paceSubmits: false };

async function trainer(config: RunConfig, extra = {}): Promise<GpuTrainer> {
  return GpuTrainer.create(gpu!.device, config, SHADERS, { adapter: gpu!.adapter, ...SPLIT, ...extra });
}

/** Rows [off, off + rows·width) of a work buffer. */
const rowsOf = (data: ArrayBuffer, off: number, count: number) => new Float32Array(data, 4 * off, count);

describe('GpuTrainer batch (trainRows.wgsl)', () => {
  for (const kind of ['constant', 'bridge'] as const) {
    it(`draws the t, pair indices, x_t and u_t of sampleBatch() for steps 0–2 (${kind})`, async (ctx) => {
      if (!gpu) return ctx.skip();
      const config = { ...BASE, interpolant: kind };
      const g = await trainer(config);
      const inputDim = g.plan.inputDim;
      for (let step = 0; step < 3; step++) {
        poison(g, ['acts', 'samples']);
        await g.step(1);
        const cpu = sampleBatch(g.pairs, { seed: config.seed, step, size: config.batch, kind, sigma: effectiveSigma(config), fourier: config.fourier });
        const samples = f32(await inspect(g, 'samples'), 4 * config.batch);
        const acts = f32(await inspect(g, 'acts'), config.batch * inputDim);
        const t = [], k = [], u = [];
        for (let i = 0; i < config.batch; i++) {
          u.push(samples[4 * i], samples[4 * i + 1]); t.push(samples[4 * i + 2]); k.push(samples[4 * i + 3]);
        }
        expect(k, 'pair indices').toEqual(Array.from(cpu.pairIndex));
        if (kind === 'constant') expect(t, 't (24-bit, exact)').toEqual(Array.from(cpu.t, Math.fround));
        else expectClose(t, cpu.t, { abs: 1e-7 }, 't (clipped)');
        expectClose(acts, cpu.input, { abs: 2e-6, rel: 2e-6 }, 'input rows (x_t, t, Fourier features)');
        expectClose(u, cpu.target, { abs: 1e-5, rel: 1e-5 }, 'u_t');
      }
      g.dispose();
    });
  }
});

describe('GpuTrainer step against src/math/trainStep.ts', () => {
  // splitChunk 64 with batch 50: one dW chunk of two k slices (32 + 18 samples, KT = 32)
  const cases: Array<Partial<RunConfig> & { splitChunk?: number }> = [
    {},
    { depth: 1, activation: 'relu', width: 24, fourier: 0 },
    { depth: 2, activation: 'tanh', interpolant: 'constant', sigma: 0.2 },
    { depth: 2, activation: 'gelu', interpolant: 'deterministic', width: 33, splitChunk: 64 },
  ];
  for (const { splitChunk, ...change } of cases) {
    const name = JSON.stringify(change);
    it(`one step gives the activations, z, δ, ℓ_i, ‖g_i‖², g_i·ḡ, ḡ, loss, gradVar and per-bin values of batchGradient() ${name}`, async (ctx) => {
      if (!gpu) return ctx.skip();
      const config = { ...BASE, ...change };
      const shape = mlpShape(config);
      const theta = randomTheta(shape, 11);
      const g = await trainer(config, splitChunk ? { splitChunk } : {});
      g.setWeights({ theta, step: 0 });
      poison(g);
      const snap = await g.step(1);
      const B = config.batch, plan = g.plan, L = plan.layers.length;
      // CPU reference on the same θ and batch
      const batch = sampleBatch(g.pairs, { seed: config.seed, step: 0, size: B, kind: config.interpolant, sigma: effectiveSigma(config), fourier: config.fourier });
      const cache = forward(shape, theta, batch.input, B);
      const v = cache.a[L];
      const dOut = new Float64Array(2 * B), lossI = new Float64Array(B);
      for (let i = 0; i < B; i++) {
        for (let c = 0; c < 2; c++) { const r = v[2 * i + c] - batch.target[2 * i + c]; dOut[2 * i + c] = 2 * r; lossI[i] += r * r; }
      }
      const back = backward(shape, theta, cache, dOut, 1 / B);
      const ref = batchGradient(shape, theta, batch, true);
      const dots = sampleGradDotMean(shape, cache, back.delta, back.grad);

      const [acts, zs, deltas, perSample, grad, records] = await Promise.all(
        (['acts', 'zs', 'deltas', 'perSample', 'grad', 'records'] as const).map((n) => inspect(g, n)));
      const tol = { abs: 2e-5, rel: 2e-5 };
      for (let l = 0; l < L - 1; l++) {
        const n = B * plan.layers[l].fanOut;
        expectClose(rowsOf(acts, plan.layers[l].outOff, n), cache.a[l + 1], tol, `a_${l}`);
        expectClose(rowsOf(zs, plan.layers[l].zOff, n), cache.z[l], tol, `z_${l}`);
      }
      const deltaScale = Math.max(...back.delta.map((d) => Math.max(...d.map(Math.abs))));
      for (let l = 0; l < L; l++) {
        expectClose(rowsOf(deltas, plan.layers[l].deltaOff, B * plan.layers[l].fanOut), back.delta[l], { abs: 1e-5 * deltaScale, rel: 1e-4 }, `δ_${l}`);
      }
      const ps = f32(perSample, 4 * B);
      const col = (c: number) => Array.from({ length: B }, (_, i) => ps[4 * i + c]);
      expectClose(col(0), lossI, { abs: 1e-5, rel: 1e-5 }, 'ℓ_i');
      expectClose(col(1), back.sampleGradNormSq, { rel: 1e-4 }, '‖g_i‖²');
      const dotScale = Math.max(...dots.map(Math.abs));
      expectClose(col(2), dots, { abs: 1e-4 * dotScale, rel: 1e-4 }, 'g_i·ḡ');
      const gradScale = Math.max(...back.grad.map(Math.abs));
      const dg = expectClose(f32(grad, plan.paramCount), back.grad, { abs: 1e-5 * gradScale, rel: 1e-4 }, 'ḡ');
      const rec = f32(records, RECORD_WORDS);
      expect(u32(records, 1)[0], 'record step').toBe(1);
      expect(snap.records.map((r) => r.step)).toEqual([1]);
      expectClose([rec[1], rec[2], rec[3]], [ref.loss, ref.gradVar, ref.meanGradNormSq], { rel: 1e-4 }, 'loss, gradVar, ‖ḡ‖²');
      expectClose([snap.records[0].loss, snap.records[0].gradVar], [ref.loss, ref.gradVar], { rel: 1e-4 }, 'StepRecord');
      const meanNorm = back.sampleGradNormSq.reduce((s, x) => s + x, 0) / B;
      const db = expectCloseWithNaN(snap.gradVarByT, ref.gradVarByT!, { abs: 1e-4 * meanNorm, rel: 1e-3 }, 'gradVarByT');
      console.info(`step parity ${name}: ḡ max abs ${dg.maxAbs.toExponential(2)} (scale ${gradScale.toExponential(2)}), bins max rel ${db.maxRel.toExponential(2)}, loss rel ${Math.abs(rec[1] / ref.loss - 1).toExponential(2)}, gradVar rel ${Math.abs(rec[2] / ref.gradVar - 1).toExponential(2)}`);
      g.dispose();
    });
  }
});

describe('GpuTrainer over several steps', () => {
  it('θ after 5 Adam steps (warm-up 2, cosine horizon 8, weight decay 0.01) matches CpuTrainer within 5e-5', async (ctx) => {
    if (!gpu) return ctx.skip();
    const config: RunConfig = { ...BASE, warmup: 2, schedule: 'cosine', steps: 8, weightDecay: 0.01, lr: 5e-3 };
    const theta = randomTheta(mlpShape(config), 5);
    const g = await trainer(config);
    const c = new CpuTrainer(config);
    g.setWeights({ theta, step: 0 });
    c.setWeights({ theta, step: 0 });
    poison(g, ['moments', 'grad', 'gradPartials', 'records']);
    g.setWeights({ theta, step: 0 }); // re-zero the moments after the poison
    const sg = await g.step(5);
    const sc = c.stepSync(5);
    const d = expectClose(await g.weights(), c.weightsSync(), { abs: 5e-5 }, 'θ after 5 steps');
    expect(sg.records.map((r) => r.step)).toEqual([1, 2, 3, 4, 5]);
    expectClose(sg.records.map((r) => r.loss), sc.records.map((r) => r.loss), { rel: 1e-4 }, 'losses');
    expectClose(sg.records.map((r) => r.gradVar), sc.records.map((r) => r.gradVar), { rel: 1e-3 }, 'gradVars');
    console.info(`θ after 5 Adam steps: max abs diff ${d.maxAbs.toExponential(2)}`);
    g.dispose();
  });

  it('the same start gives bit-identical ḡ, θ, moments, records and per-bin values (fixed-order reductions)', async (ctx) => {
    if (!gpu) return ctx.skip();
    const theta = randomTheta(mlpShape(BASE), 3);
    const g = await trainer(BASE);
    const run = async () => {
      // poisoned before each run, so areas no kernel writes (unused record slots) compare equal too
      poison(g, ['grad', 'moments', 'records', 'bins', 'gradPartials', 'acts', 'deltas', 'perSample']);
      g.setWeights({ theta, step: 0 });
      const snap = await g.step(3);
      const bufs = await Promise.all((['grad', 'theta', 'moments', 'records', 'bins', 'gradPartials'] as const).map((n) => inspect(g, n)));
      return { snap, words: bufs.map((b) => Array.from(new Uint32Array(b))) };
    };
    const a = await run();
    const b = await run();
    expect(b.words).toEqual(a.words);
    expect(b.snap).toEqual(a.snap);
    g.dispose();
  });

  it('setLive() changes σ, interpolant and lr between steps without a rebuild, as CpuTrainer does', async (ctx) => {
    if (!gpu) return ctx.skip();
    const config = { ...BASE, interpolant: 'constant' as const, sigma: 0.5 };
    const g = await trainer(config);
    const c = new CpuTrainer(config);
    const first = [await g.step(2), c.stepSync(2)];
    g.setLive({ sigma: 0.05, interpolant: 'bridge', lr: 1e-2 });
    c.setLive({ sigma: 0.05, interpolant: 'bridge', lr: 1e-2 });
    const second = [await g.step(2), c.stepSync(2)];
    expect(second[0].records.map((r) => r.sigma)).toEqual([Math.fround(0.05), Math.fround(0.05)]);
    expect(first[0].records.map((r) => r.sigma)).toEqual([0.5, 0.5]);
    const gl = [...first[0].records, ...second[0].records].map((r) => r.loss);
    const cl = [...first[1].records, ...second[1].records].map((r) => r.loss);
    expectClose(gl, cl, { rel: 1e-4 }, 'losses across the change');
    expectClose(await g.weights(), c.weightsSync(), { abs: 5e-5 }, 'θ');
    g.dispose();
  });

  it('step(n) splits n over submits and returns one record per step in order, also with calls in flight', async (ctx) => {
    if (!gpu) return ctx.skip();
    const g = await trainer({ ...BASE, batch: 16, width: 16 }, { stepsPerSubmit: 3 });
    const s7 = await g.step(7);
    expect(s7.records.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s7.step).toBe(7);
    const [a, b] = await Promise.all([g.step(2), g.step(4)]);
    expect(a.records.map((r) => r.step)).toEqual([8, 9]);
    expect(b.records.map((r) => r.step)).toEqual([10, 11, 12, 13]);
    expect(g.stepCount).toBe(13);
    expect(b.gradVarByT).toHaveLength(10);
    for (const r of [...s7.records, ...a.records, ...b.records]) expect(Number.isFinite(r.loss) && Number.isFinite(r.gradVar)).toBe(true);
    const none = await g.step(0);
    expect(none.records).toEqual([]);
    g.dispose();
  });
});
