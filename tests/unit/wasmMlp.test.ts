// The WebAssembly SIMD engine (src/engine/wasm/) against its oracle, the plain-TS reference of
// src/math/ (micrograd's parity-test shape): on seeded random configurations, one step's loss,
// gradient, per-sample ‖g_i‖², variance trace and per-bin deviation, then θ after Adam steps and
// the recorded curves; and the same numbers for any thread count.
import { afterAll, describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { mlpShape, effectiveSigma } from '../../src/engine/world';
import { WasmMlp } from '../../src/engine/wasm/wasmMlp';
import { ADAM_DEFAULTS } from '../../src/math/adam';
import { sampleBatch } from '../../src/math/batch';
import { makePairs } from '../../src/math/couplings';
import { initParams, mlpLayout, velocity } from '../../src/math/mlp';
import { pcg4d, toIndex, toUniform } from '../../src/math/rng';
import { batchGradient } from '../../src/math/trainStep';
import { worldSpec } from '../../src/engine/world';
import { nodeMlpKernel } from '../../src/node/wasmKernel';
import { pooledKernel, type PoolAttach } from '../../src/engine/wasm/threadKernel';
import { readFileSync } from 'node:fs';
import { expectClose } from './expectClose';

const ACTIVATIONS = ['silu', 'relu', 'tanh', 'gelu'] as const;
const TEST_STREAM = 1001; // this file's own draws of the configurations

/** Configuration k: every activation and depth 1–6 appear; widths, batch, Fourier features drawn. */
function randomConfig(k: number): RunConfig {
  const [a, b, c, d] = pcg4d(7, TEST_STREAM, k, 0);
  return {
    ...defaultConfig(),
    seed: 10 + k, pairs: 64, coupling: (['independent', 'rotated', 'ot'] as const)[toIndex(a, 3)],
    activation: ACTIVATIONS[k % 4], depth: 1 + (k % 6),
    width: 13 + toIndex(b, 28), // 13…40: mostly not a multiple of 4
    batch: 17 + toIndex(c, 200), // 17…216: partial chunks and 1–4 slices
    fourier: toIndex(d, 3),
    interpolant: (['constant', 'bridge', 'deterministic'] as const)[k % 3], sigma: 0.2 * toUniform(a),
  };
}

/** Per-bin curves: empty bins are NaN in both, the others agree within the tolerance. */
function expectBinsClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: { rel: number; abs: number }): void {
  const a = Array.from(actual), b = Array.from(expected);
  expect(a.map(Number.isNaN)).toEqual(b.map(Number.isNaN));
  expectClose(a.filter((x) => !Number.isNaN(x)), b.filter((x) => !Number.isNaN(x)), tol);
}

const CONFIGS = Array.from({ length: 8 }, (_, k) => randomConfig(k));
const kernel1 = nodeMlpKernel(1);

describe('WasmMlp.step() against batchGradient() + adamUpdate() (f32 against f64)', () => {
  it.each(CONFIGS.map((c, k) => [k, `${c.activation} depth ${c.depth} width ${c.width} batch ${c.batch} fourier ${c.fourier}`, c] as const))(
    'config %i (%s): loss, gradient, ‖g_i‖², trace and per-bin deviation agree within f32 tolerance (measured worst: 2e-7, 5e-7, 1.5e-5, 8e-7, 2e-6)',
    (_k, _label, config) => {
      const shape = mlpShape(config);
      const theta = initParams(shape, config.seed);
      const batch = sampleBatch(makePairs(worldSpec(config), config.seed), { seed: config.seed, step: 0, size: config.batch, kind: config.interpolant, sigma: effectiveSigma(config), fourier: config.fourier });
      const ref = batchGradient(shape, theta, batch, true);
      const P = mlpLayout(shape).paramCount;
      const wasm = new WasmMlp(kernel1.create(shape, config.batch), shape, config.batch);
      wasm.load(theta, new Float32Array(P), new Float32Array(P));
      const got = wasm.step(batch, true, 1, { lr: 1e-3, weightDecay: 0, ...ADAM_DEFAULTS });
      expectClose(got.loss, ref.loss, { rel: 2e-6 });
      const gradScale = Math.max(...ref.grad.map(Math.abs));
      expectClose(wasm.lastGrad(), ref.grad, { abs: 5e-6 * gradScale });
      // ‖g_i‖²: a ReLU unit whose z is ~0 can switch on in f32 and off in f64
      expectClose(wasm.lastSampleNormSq(), ref.sampleNormSq, { rel: 1e-4 });
      expectClose(got.meanGradNormSq, ref.meanGradNormSq, { rel: 2e-5 });
      expectClose(got.gradVar, ref.gradVar, { rel: 1e-5 });
      expectBinsClose(got.gradVarByT!, ref.gradVarByT!, { rel: 2e-5, abs: 2e-5 * ref.gradVar });
    },
  );
});

describe('WasmMlp.velocity() against velocity() (the ODE field)', () => {
  it.each(CONFIGS.map((c, k) => [k, c] as const))('config %i: 300 points, one t each, agree within 1e-5 of the largest speed', (k, config) => {
    const shape = mlpShape(config);
    const theta = initParams(shape, config.seed);
    const n = 300, xy = new Float64Array(2 * n), t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [a, b, c] = pcg4d(8, TEST_STREAM, k, i);
      xy[2 * i] = 6 * toUniform(a) - 3; xy[2 * i + 1] = 6 * toUniform(b) - 3; t[i] = toUniform(c);
    }
    const ref = velocity(shape, theta, xy, t, n);
    const got = new WasmMlp(kernel1.create(shape, config.batch), shape, config.batch).velocity(theta, xy, t, n);
    expectClose(got, ref, { abs: 1e-5 * Math.max(...ref.map(Math.abs)) });
  });
});

describe('CpuTrainer on the WebAssembly kernel', () => {
  it.each(CONFIGS.slice(0, 4).map((c, k) => [k, c] as const))('config %i: records and θ after 6 Adam steps stay within f32 tolerance of the reference', (_k, config) => {
    const ref = new CpuTrainer(config, null), wasm = new CpuTrainer(config, kernel1);
    const a = ref.stepSync(6), b = wasm.stepSync(6);
    expectClose(b.records.map((r) => r.loss), a.records.map((r) => r.loss), { rel: 5e-5 });
    expectClose(b.records.map((r) => r.gradVar), a.records.map((r) => r.gradVar), { rel: 1e-4 });
    expectBinsClose(b.gradVarByT, a.gradVarByT, { rel: 1e-4, abs: 1e-4 * a.records[5].gradVar });
    // Adam divides by √v: where a gradient is near 0 an f32 difference moves θ by a fraction of lr
    expectClose(wasm.weightsSync(), ref.weightsSync(), { abs: 5e-3 * config.lr });
    expect(wasm.deviceName).toBe('CPU (WebAssembly SIMD, 1 thread)');
  });

  const threaded = [nodeMlpKernel(2), nodeMlpKernel(3)];
  afterAll(() => undefined);

  it('1, 2 and 3 threads give bit-identical records and weights (batch 600: 8 slices), and a rerun repeats them', () => {
    const config: RunConfig = { ...CONFIGS[1], batch: 600, width: 37 };
    const runs = [kernel1, kernel1, ...threaded].map((kernel) => {
      const t = new CpuTrainer(config, kernel);
      const snap = t.stepSync(4);
      const out = { records: snap.records, bins: snap.gradVarByT, theta: t.weightsSync() };
      t.dispose();
      return out;
    });
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
    expect(runs[0].records[3].loss).toBeLessThan(runs[0].records[0].loss);
  });

  it('one pool of helper threads serves every model of a kernel: 4 models taking turns on 3 threads start 2 helpers and match 1 thread bit for bit', () => {
    const spawned: { post: PoolAttach[] }[] = [];
    const shared = new WebAssembly.Module(readFileSync(new URL('../../src/engine/wasm/mlpShared.wasm', import.meta.url)));
    const pool = pooledKernel(shared, 3, (start) => {
      const log = { post: [] as PoolAttach[] };
      spawned.push(log);
      // a helper on this thread would block it: the caller runs every slice (same numbers), and the log shows what helpers would get
      void start;
      return { post: (m) => log.post.push(m), terminate: () => undefined };
    });
    const configs = [0, 0.01, 0.1, 1].map((sigma): RunConfig => ({ ...CONFIGS[1], batch: 600, width: 37, sigma, interpolant: 'constant' }));
    const pooled = configs.map((c) => new CpuTrainer(c, pool)), alone = configs.map((c) => new CpuTrainer(c, kernel1));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < configs.length; i++) expect(pooled[i].stepSync(2).records).toEqual(alone[i].stepSync(2).records);
    }
    configs.forEach((_, i) => expect(pooled[i].weightsSync()).toEqual(alone[i].weightsSync()));
    expect(spawned).toHaveLength(2);
    pooled[1].dispose();
    expect(spawned[0].post.map((m) => [m.model, m.memory === null])).toEqual([[1, false], [2, false], [3, false], [4, false], [2, true]]);
    // and with real worker threads (src/node/wasmThread.mjs): 4 models interleaved on one 3-thread pool
    const real = nodeMlpKernel(3);
    const models = configs.map((c) => new CpuTrainer(c, real)), again = configs.map((c) => new CpuTrainer(c, kernel1));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < configs.length; i++) expect(models[i].stepSync(2).records).toEqual(again[i].stepSync(2).records);
    }
    models.forEach((m, i) => expect(m.weightsSync()).toEqual(again[i].weightsSync()));
  });
});
