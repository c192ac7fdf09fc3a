// The science holds on loaded data (GPU engine, the batched sweep through Dawn): the CPU claim of
// tests/unit/pointsClaims.test.ts, same config (a 64-point ring read from a CSV as the target, 8
// independent pairs, seed 1, 800 steps), trained on the WGSL kernels in f32. Same thresholds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GpuSweepEngine } from '../../src/engine/gpuSweepEngine';
import { runSweep, type SweepResult } from '../../src/engine/sweep';
import type { NodeDevice } from '../../src/node/dawn';
import { gpuOrSkip, SHADERS } from './helpers';
import { CLAIM_SIGMAS, CLAIM_STEPS, RING_CLAIM } from '../unit/pointsClaims';

let gpu: NodeDevice | null = null;
let zero: SweepResult | null = null, noisy: SweepResult | null = null;
beforeAll(async () => {
  gpu = await gpuOrSkip();
  if (!gpu) return;
  const engine = await GpuSweepEngine.create(gpu.device, RING_CLAIM, CLAIM_SIGMAS, SHADERS);
  [zero, noisy] = (await runSweep(engine, CLAIM_STEPS, { chunk: 200 }))!;
  engine.dispose();
}, 300_000);
afterAll(() => gpu?.device.destroy());

describe('claim on a loaded point set (GPU): σ = 0 memorizes the pairings to a 64-point ring, σ = 0.3 does not (seed 1)', () => {
  it('σ = 0 returns ≥ 2× chance of the training x0\'s to their own partner, and at least as many as σ = 0.3', (ctx) => {
    if (!zero || !noisy) return ctx.skip();
    expect(zero.metrics.chance).toBe(1 / 8);
    expect(zero.metrics.reproduction).toBeGreaterThanOrEqual(2 / 8);
    expect(zero.metrics.reproduction).toBeGreaterThanOrEqual(noisy.metrics.reproduction);
  });

  it('σ = 0 fits the fixed pairs (tail loss under 0.3 of σ = 0.3\'s) with the lower gradient variance', (ctx) => {
    if (!zero || !noisy) return ctx.skip();
    expect(zero.loss).toBeLessThan(0.3 * noisy.loss);
    expect(zero.gradVar).toBeLessThan(noisy.gradVar);
  });
});
