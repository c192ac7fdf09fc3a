// replyTransfers (src/engine/workerTrainer.ts): the CPU worker's replies move the buffers made for
// them (paths, weights) and copy the rest, so a reply never detaches a buffer the trainer keeps.
import { describe, expect, it } from 'vitest';
import { replyTransfers } from '../../src/engine/workerTrainer';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';

const TINY: RunConfig = { ...defaultConfig(), width: 8, depth: 1, batch: 8, pairs: 8, particles: 8, odeSteps: 2 };

describe('replyTransfers', () => {
  it('an evaluation moves its two path buffers, weights their θ copy, a snapshot nothing', () => {
    const t = new CpuTrainer(TINY);
    const snapshot = t.stepSync(2);
    const evaluation = t.evaluateSync();
    expect(replyTransfers({ type: 'evaluation', id: 1, evaluation })).toEqual([evaluation.trainPaths.path.buffer, evaluation.freshPaths.path.buffer]);
    const theta = t.weightsSync();
    const moved = replyTransfers({ type: 'weights', id: 2, theta });
    expect(moved).toHaveLength(1);
    expect(moved[0]).toBe(theta.buffer);
    // moving them (as postMessage does) detaches only the reply's buffers; the trainer trains on
    structuredClone(theta, { transfer: moved });
    structuredClone(evaluation, { transfer: replyTransfers({ type: 'evaluation', id: 1, evaluation }) });
    expect(theta.length).toBe(0);
    expect(t.stepSync(1).step).toBe(3);
    expect(t.weightsSync().length).toBeGreaterThan(0);
    expect(t.evaluateSync().trainPaths.path.length).toBeGreaterThan(0);
    expect(replyTransfers({ type: 'snapshot', id: 3, snapshot })).toEqual([]);
    expect(replyTransfers({ type: 'error', id: null, message: 'x' })).toEqual([]);
  });
});
