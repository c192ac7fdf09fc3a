// Continuing a run from its train state (θ, Adam's moments, step), through the weights file: the
// resumed CPU trainer takes the uninterrupted run's steps bit for bit, on the plain-TS reference
// and on the WebAssembly kernel. With the moments zeroed (a version-1 file) every parameter's first
// update is lr·((1−β1)/c1)/√((1−β2)/c2) (→ 3.16·lr for late steps): the test shows that jolt, so it can fail.
import { describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { decodeWeightsFile, encodeWeightsFile } from '../../src/link/weightsFile';
import { nodeMlpKernel } from '../../src/node/wasmKernel';
import { replyTransfers } from '../../src/engine/workerTrainer';
import { ADAM_DEFAULTS } from '../../src/math/adam';
import type { MlpKernel } from '../../src/engine/wasm/mlpKernel';
import { expectClose } from './expectClose';
import { english } from '../../src/i18n/message';

const SMALL: RunConfig = { ...defaultConfig(), seed: 9, pairs: 16, width: 16, depth: 2, batch: 32, sigma: 0.2, lr: 3e-3 };
const SAVED_AT = 300, MORE = 15;

/** |a − b| per parameter, and a mean. */
const moves = (a: Float32Array, b: Float32Array) => Array.from(a, (x, i) => Math.abs(x - b[i]));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe.each([['the plain-TS reference', null], ['the WebAssembly kernel', nodeMlpKernel(1)]] as [string, MlpKernel | null][])('resuming on %s', (_name, kernel) => {
  it(`a train state saved at step ${SAVED_AT} and read back from a weights file continues exactly: the next ${MORE} losses and θ equal the uninterrupted run's`, () => {
    const run = new CpuTrainer(SMALL, kernel);
    run.stepSync(SAVED_AT);
    const saved = run.trainStateSync();
    const straight = run.stepSync(MORE).records;

    const r = decodeWeightsFile(encodeWeightsFile({ ...saved, config: SMALL }, ''));
    if (!r.ok) throw new Error(english(r.reason));
    const resumed = new CpuTrainer(r.file.config, kernel);
    resumed.setWeights(r.file);
    expect(resumed.stepCount).toBe(SAVED_AT);
    const again = resumed.stepSync(MORE).records;
    expect(again).toEqual(straight);
    expect(Array.from(resumed.weightsSync())).toEqual(Array.from(run.weightsSync()));
    expect(Array.from(resumed.trainStateSync().v)).toEqual(Array.from(run.trainStateSync().v));
  });

  it(`with the moments zeroed every parameter's first resumed update at step ${SAVED_AT + 1} is the bias-corrected jolt (≈ 1.6·lr), 10× the kept moments' mean update, and the losses part from the run`, () => {
    const run = new CpuTrainer(SMALL, kernel);
    run.stepSync(SAVED_AT);
    const saved = run.trainStateSync();
    const straight = run.stepSync(MORE).records.map((r) => r.loss);

    const zeroed = new CpuTrainer(SMALL, kernel);
    zeroed.setWeights({ theta: saved.theta, step: saved.step });
    zeroed.stepSync(1);
    const kept = new CpuTrainer(SMALL, kernel);
    kept.setWeights(saved);
    kept.stepSync(1);
    // m = v = 0 then one gradient g: |Δθ| = lr · ((1−β1)/c1) / √((1−β2)/c2), the same for every parameter
    const { beta1, beta2 } = ADAM_DEFAULTS, t = SAVED_AT + 1;
    const jolt = SMALL.lr * ((1 - beta1) / (1 - beta1 ** t)) / Math.sqrt((1 - beta2) / (1 - beta2 ** t));
    const zeroedMoves = moves(zeroed.weightsSync(), saved.theta), keptMoves = moves(kept.weightsSync(), saved.theta);
    expectClose(zeroedMoves, zeroedMoves.map(() => jolt), { rel: 0.01 }, '|Δθ| with zeroed moments');
    // measured: mean |Δθ| 4.84e-3 zeroed, 4.6e-4 kept (the plain-TS path)
    expect(mean(keptMoves)).toBeLessThan(0.2 * mean(zeroedMoves));
    const parted = zeroed.stepSync(MORE - 1).records.map((r) => r.loss);
    expect(parted).not.toEqual(straight.slice(1));
  });
});

describe('the worker protocol', () => {
  it("a 'trainState' reply moves its θ, m and v buffers (the worker made them for the reply)", () => {
    const t = new CpuTrainer({ ...SMALL, width: 8, depth: 1 }, null);
    t.stepSync(2);
    const state = t.trainStateSync();
    const moved = replyTransfers({ type: 'trainState', id: 1, state });
    expect(moved).toEqual([state.theta.buffer, state.m.buffer, state.v.buffer]);
    const copy = structuredClone({ state }, { transfer: moved }).state;
    expect(state.m.length).toBe(0);
    expect(Array.from(copy.m)).toEqual(Array.from(t.trainStateSync().m));
    expect(t.stepSync(1).step).toBe(3);
  });
});
