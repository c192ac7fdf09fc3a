// Compare mode on the GPU (src/engine/gpuCompare.ts): runs A and B as one batched run must match
// two single GpuTrainer runs of the same configs within f32 tolerance, and with σ made equal the
// two models of the batched run must agree with each other. Tiny sizes: SwiftShader is slow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuBatchedCompare } from '../../src/engine/gpuCompare';
import { GpuTrainer } from '../../src/engine/gpuTrainer';
import { compareConfigs } from '../../src/engine/compare';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import type { StepRecord } from '../../src/engine/trainer';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, gpuOrSkip, SHADERS } from './helpers';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const CONFIG: RunConfig = { ...defaultConfig(), seed: 7, pairs: 12, width: 16, depth: 2, batch: 32, particles: 32, odeSteps: 4, steps: 10, sigma: 0 };
const STEPS = 10;

const losses = (r: StepRecord[]) => r.map((x) => x.loss);

describe('GpuBatchedCompare: A and B in one batched GPU run', () => {
  it('σ 0 against σ 0.3: each model matches its config trained alone on the GPU (losses, gradVar, weights within f32 tolerance)', async (ctx) => {
    if (!gpu) return ctx.skip();
    const configs = compareConfigs(CONFIG, { key: 'sigma', value: 0.3 });
    const batched = await GpuBatchedCompare.create(gpu.device, configs, SHADERS);
    const [a, b] = await batched.step(STEPS);
    const [wa, wb] = await batched.weights();
    batched.dispose();
    expect(batched.batched).toBe(true);
    const single = [];
    for (const c of configs) {
      const t = await GpuTrainer.create(gpu.device, c, SHADERS);
      const snap = await t.step(STEPS);
      single.push({ records: snap.records, weights: await t.weights() });
      t.dispose();
    }
    expectClose(losses(a.records), losses(single[0].records), { rel: 1e-4, abs: 1e-6 }, 'A loss');
    expectClose(losses(b.records), losses(single[1].records), { rel: 1e-4, abs: 1e-6 }, 'B loss');
    expectClose(b.records.map((r) => r.gradVar), single[1].records.map((r) => r.gradVar), { rel: 1e-3 }, 'B gradVar');
    expectClose(wa, single[0].weights, { rel: 1e-4, abs: 1e-5 }, 'A weights');
    expectClose(wb, single[1].weights, { rel: 1e-4, abs: 1e-5 }, 'B weights');
    // and the setting matters: B's losses are not A's
    expect(Math.abs(a.records[STEPS - 1].loss - b.records[STEPS - 1].loss)).toBeGreaterThan(1e-3);
  });

  it('with σ made equal (0.05 against 0.05) the two models of the batched run agree within f32 tolerance', async (ctx) => {
    if (!gpu) return ctx.skip();
    const batched = await GpuBatchedCompare.create(gpu.device, compareConfigs({ ...CONFIG, sigma: 0.05 }, { key: 'sigma', value: 0.05 }), SHADERS);
    const [a, b] = await batched.step(STEPS);
    const [wa, wb] = await batched.weights();
    batched.dispose();
    expectClose(losses(b.records), losses(a.records), { rel: 1e-6, abs: 1e-7 }, 'loss');
    expectClose(wb, wa, { rel: 1e-6, abs: 1e-7 }, 'weights');
  });
});
