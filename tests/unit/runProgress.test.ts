// `flowvar run` progress on stderr (src/cli/progress.ts), on a fake trainer and a fake clock: a
// maximal configuration announces its first step, reports steps with the time left, and announces
// each evaluation with an estimate; a small run prints nothing.
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../src/cli/progress';
import { defaultConfig, RUN_CONFIG_FIELDS, type RunConfig } from '../../src/engine/runConfig';
import type { Trainer, TrainSnapshot } from '../../src/engine/trainer';

/** A trainer whose steps take `stepSeconds` and whose integration takes `particleStepSeconds` per particle-step. */
function fakeTrainer(clock: { t: number }, stepSeconds: number, particleStepSeconds: number, callSeconds = 0): Trainer {
  const fake = {
    stepCount: 0,
    pairs: { n: 512 },
    async step(n: number): Promise<TrainSnapshot> {
      clock.t += n * stepSeconds;
      const records = Array.from({ length: n }, (_, k) => ({ step: fake.stepCount + k + 1, loss: 1, gradVar: 1, meanGradNormSq: 1, sigma: 0 }));
      fake.stepCount += n;
      return { step: fake.stepCount, records, gradVarByT: [] };
    },
    async integrate(req: { count: number; steps: number }) { clock.t += req.steps * (callSeconds + req.count * particleStepSeconds); return {}; },
  };
  return fake as unknown as Trainer;
}

const MAX: RunConfig = {
  ...defaultConfig(), particles: RUN_CONFIG_FIELDS.particles.max, batch: RUN_CONFIG_FIELDS.batch.max,
  width: RUN_CONFIG_FIELDS.width.max, depth: RUN_CONFIG_FIELDS.depth.max, odeSteps: 64,
};

describe('ProgressReporter', () => {
  it('a maximal run prints the first step, steps with steps/s and time left, and the evaluation phase with its estimate', async () => {
    const clock = { t: 0 }, lines: string[] = [];
    const trainer = fakeTrainer(clock, 1.5, 1e-4);
    const progress = new ProgressReporter(trainer, MAX, 5, [5], (l) => lines.push(l), () => clock.t);
    const trained = await progress.train(5, 0);
    expect(trained.stepsPerSec).toBeCloseTo(1 / 1.5, 6);
    await progress.evaluate(async () => { clock.t += 30; return 'metrics'; }, 0);
    expect(lines[0]).toMatch(/^# progress: step 0\/5, training \(one step is about \d+ GFLOP\)$/);
    expect(lines).toContain('# progress: step 2/5 (training, 0.667 steps/s), about 4.5 s left');
    // the probes integrate 64 and 320 particles at 1e-4 s per particle-step: (100000 + 512) × 64 × 1e-4 s ≈ 10.7 min
    expect(lines).toContain('# progress: step 5/5, evaluating (100000 fresh + 512 training particles × 64 euler steps, about 10.7 min), about 10.7 min left');
    expect(lines.at(-1)).toBe('# progress: step 5/5, evaluation took 30 s, about 0.0 s left');
    expect(lines.every((l) => l.startsWith('# progress: '))).toBe(true);
  });

  it('the evaluation estimate separates a fixed cost per ODE step from the cost per particle', async () => {
    const clock = { t: 0 }, lines: string[] = [];
    const trainer = fakeTrainer(clock, 1.5, 1e-5, 0.5);
    const progress = new ProgressReporter(trainer, MAX, 5, [5], (l) => lines.push(l), () => clock.t);
    await progress.evaluate(async () => null, 0);
    // 64 ODE steps × (2 integrations × 0.5 s + 100512 particles × 1e-5 s) = 128.3 s
    expect(lines[0]).toContain('euler steps, about 2.1 min)');
  });

  it('a small run (fast steps, quick evaluation) prints nothing', async () => {
    const clock = { t: 0 }, lines: string[] = [];
    const trainer = fakeTrainer(clock, 0.001, 1e-7);
    const progress = new ProgressReporter(trainer, defaultConfig(), 100, [50, 100], (l) => lines.push(l), () => clock.t);
    await progress.train(50, 0);
    await progress.evaluate(async () => { clock.t += 0.05; return null; }, 0);
    await progress.train(50, 1);
    await progress.evaluate(async () => { clock.t += 0.05; return null; }, 1);
    expect(lines).toEqual([]);
  });
});
