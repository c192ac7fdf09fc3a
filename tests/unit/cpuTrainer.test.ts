import { describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';

const SMALL: RunConfig = { ...defaultConfig(), seed: 4, pairs: 16, width: 16, depth: 2, batch: 32, particles: 64, odeSteps: 8, sigma: 0 };

describe('CpuTrainer', () => {
  it('the same config twice gives identical records, weights and evaluation', () => {
    const a = new CpuTrainer(SMALL), b = new CpuTrainer(SMALL);
    const ra = a.stepSync(12), rb = b.stepSync(12);
    expect(ra.records).toHaveLength(12);
    expect(ra).toEqual(rb);
    expect(a.weightsSync()).toEqual(b.weightsSync());
    expect(a.evaluateSync().metrics).toEqual(b.evaluateSync().metrics);
  });

  it('a different seed gives different pairs, initial weights and records', () => {
    const a = new CpuTrainer(SMALL), b = new CpuTrainer({ ...SMALL, seed: 5 });
    expect(a.pairs.x0).not.toEqual(b.pairs.x0);
    expect(a.weightsSync()).not.toEqual(b.weightsSync());
    expect(a.stepSync(3).records).not.toEqual(b.stepSync(3).records);
  });

  it('reset() restores the initial weights, step 0, and the same first records', () => {
    const t = new CpuTrainer(SMALL);
    const initial = t.weightsSync();
    const first = t.stepSync(6).records;
    expect(t.weightsSync()).not.toEqual(initial);
    t.reset();
    expect(t.stepCount).toBe(0);
    expect(t.weightsSync()).toEqual(initial);
    expect(t.stepSync(6).records).toEqual(first);
  });

  it('setLive({ sigma }) trains with the new σ from the next step on, keeping the weights and step count', () => {
    const live = new CpuTrainer(SMALL);
    const before = live.stepSync(5).records;
    const weightsAtSwitch = live.weightsSync();
    live.setLive({ sigma: 0.5 });
    expect(live.stepCount).toBe(5);
    expect(live.weightsSync()).toEqual(weightsAtSwitch);
    const after = live.stepSync(5).records;
    expect(before.map((r) => r.sigma)).toEqual([0, 0, 0, 0, 0]);
    expect(after.map((r) => [r.step, r.sigma])).toEqual([[6, 0.5], [7, 0.5], [8, 0.5], [9, 0.5], [10, 0.5]]);
    // the same steps 6…10 as a σ = 0 run would take differ: σ acts
    const still = new CpuTrainer(SMALL);
    still.stepSync(5);
    expect(still.stepSync(5).records.map((r) => r.loss)).not.toEqual(after.map((r) => r.loss));
    // step 6 is measured on the weights trained so far: a σ = 0.5 trainer given those weights agrees
    const fresh = new CpuTrainer({ ...SMALL, sigma: 0.5 });
    fresh.setWeights({ theta: weightsAtSwitch, step: 5 });
    expect(fresh.stepSync(1).records[0]).toEqual(after[0]);
  });

  it('the deterministic interpolant trains with σ = 0 whatever the slider says', () => {
    const t = new CpuTrainer({ ...SMALL, interpolant: 'deterministic', sigma: 1 });
    expect(t.stepSync(2).records.map((r) => r.sigma)).toEqual([0, 0]);
  });
});
