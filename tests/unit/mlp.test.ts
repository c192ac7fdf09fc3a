import { describe, expect, it } from 'vitest';
import { backward, forward, initParams, mlpLayout, writeInput, type MlpShape } from '../../src/math/mlp';
import { adamUpdate, learningRate, ADAM_DEFAULTS } from '../../src/math/adam';
import type { ActivationName } from '../../src/math/activations';
import { normal2 } from '../../src/math/rng';
import { expectClose } from './expectClose';

const BATCH = 5;

/** A small net with random biases (init sets them to 0, which would leave their gradients untested). */
function setup(shape: MlpShape) {
  const layout = mlpLayout(shape);
  const theta = Float64Array.from(initParams(shape, 3));
  for (const layer of layout.layers) for (let o = 0; o < layer.fanOut; o++) theta[layer.b + o] = 0.3 * normal2(9, 0, layer.b, o)[0];
  const input = new Float64Array(BATCH * layout.inputDim);
  const target = new Float64Array(BATCH * 2);
  for (let i = 0; i < BATCH; i++) {
    const [x, y] = normal2(4, 1, 0, i);
    const [tx, ty] = normal2(4, 2, 0, i);
    writeInput(input, i * layout.inputDim, x, y, (i + 0.5) / BATCH, shape.fourier);
    target[2 * i] = tx;
    target[2 * i + 1] = ty;
  }
  return { layout, theta, input, target };
}

/** L(θ) = weight · Σ_i ‖v_θ(input_i) − target_i‖² */
function loss(shape: MlpShape, theta: Float64Array, input: Float64Array, target: Float64Array, weight: number): number {
  const out = forward(shape, theta, input, BATCH).a.at(-1)!;
  let s = 0;
  for (let k = 0; k < out.length; k++) s += (out[k] - target[k]) ** 2;
  return weight * s;
}

const ACTIVATION_NAMES: ActivationName[] = ['silu', 'relu', 'tanh', 'gelu'];

describe('mlp', () => {
  it('mlpLayout() counts (3 + 2·fourier)·w + w + depth−1 hidden (w² + w) + 2w + 2 parameters', () => {
    const shape: MlpShape = { width: 16, depth: 3, activation: 'silu', fourier: 2 };
    expect(mlpLayout(shape).paramCount).toBe(7 * 16 + 16 + 2 * (16 * 16 + 16) + 16 * 2 + 2);
  });

  for (const activation of ACTIVATION_NAMES) {
    for (const fourier of [0, 2]) {
      // f64 parameters, h = 1e-5: truncation error O(h²·f''') ≈ 1e-10, rounding ≈ 1e-16·L/h ≈ 1e-11
      it(`backward() matches central differences within rel 1e-6 + abs 1e-8 (${activation}, fourier ${fourier})`, () => {
        const shape: MlpShape = { width: 8, depth: 2, activation, fourier };
        const { layout, theta, input, target } = setup(shape);
        const weight = 1 / BATCH;
        const cache = forward(shape, theta, input, BATCH);
        const out = cache.a.at(-1)!;
        const dOut = out.map((v, k) => 2 * (v - target[k]));
        const { grad } = backward(shape, theta, cache, dOut, weight);
        const h = 1e-5;
        const numeric = new Float64Array(layout.paramCount);
        for (let k = 0; k < layout.paramCount; k++) {
          const keep = theta[k];
          theta[k] = keep + h;
          const up = loss(shape, theta, input, target, weight);
          theta[k] = keep - h;
          const down = loss(shape, theta, input, target, weight);
          theta[k] = keep;
          numeric[k] = (up - down) / (2 * h);
        }
        expectClose(grad, numeric, { rel: 1e-6, abs: 1e-8 });
        // the check is not vacuous: most gradient entries are far from zero
        expect(numeric.filter((g) => Math.abs(g) > 1e-3).length).toBeGreaterThan(layout.paramCount / 3);
      });
    }
  }

  it('adamUpdate() matches a hand computation over two steps (lr 0.1, weight decay 0.01)', () => {
    const theta = Float32Array.from([1, -2]);
    const m = new Float32Array(2), v = new Float32Array(2);
    const s = { lr: 0.1, weightDecay: 0.01, ...ADAM_DEFAULTS };
    adamUpdate(theta, m, v, [0.5, -0.1], 1, s);
    // step 1: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g²: the update is sign(g)·|g|/(|g| + 1e-8)
    const u1 = [0.5 / (0.5 + 1e-8), -0.1 / (0.1 + 1e-8)];
    const t1 = [1 - 0.1 * (u1[0] + 0.01 * 1), -2 - 0.1 * (u1[1] + 0.01 * -2)];
    expectClose(theta, t1, { rel: 1e-6 });
    expectClose(m, [0.05, -0.01], { rel: 1e-6 });
    expectClose(v, [0.00025, 0.00001], { rel: 1e-6 });
    adamUpdate(theta, m, v, [0.2, 0.3], 2, s);
    const m2 = [0.9 * 0.05 + 0.1 * 0.2, 0.9 * -0.01 + 0.1 * 0.3];
    const v2 = [0.999 * 0.00025 + 0.001 * 0.04, 0.999 * 0.00001 + 0.001 * 0.09];
    const c1 = 1 - 0.81, c2 = 1 - 0.999 ** 2;
    const t2 = t1.map((t, k) => t - 0.1 * ((m2[k] / c1) / (Math.sqrt(v2[k] / c2) + 1e-8) + 0.01 * t));
    expectClose(theta, t2, { rel: 1e-6 });
  });

  it('learningRate() warms up linearly, then stays constant or decays by cosine to 10 % at the horizon', () => {
    expectClose(learningRate(0.01, 0, 10, 'constant', 1000), 0.001, { rel: 1e-12 });
    expectClose(learningRate(0.01, 4, 10, 'constant', 1000), 0.005, { rel: 1e-12 });
    expectClose(learningRate(0.01, 9, 10, 'constant', 1000), 0.01, { rel: 1e-12 });
    expectClose(learningRate(0.01, 500, 10, 'constant', 1000), 0.01, { rel: 1e-12 });
    expectClose(learningRate(0.01, 0, 0, 'cosine', 1000), 0.01, { rel: 1e-12 });
    expectClose(learningRate(0.01, 500, 0, 'cosine', 1000), 0.0055, { rel: 1e-12 });
    expectClose(learningRate(0.01, 1000, 0, 'cosine', 1000), 0.001, { rel: 1e-12 });
    expectClose(learningRate(0.01, 5000, 0, 'cosine', 1000), 0.001, { rel: 1e-12 });
    // warm-up and cosine multiply: step 4 of 10 warm-up steps, 1/4 of the way: 0.5 · (0.1 + 0.45 (1 + cos(π/4)))
    expectClose(learningRate(0.01, 4, 10, 'cosine', 16), 0.01 * 0.5 * (0.1 + 0.45 * (1 + Math.cos(Math.PI / 4))), { rel: 1e-12 });
    // horizon 0 (train until paused) keeps the rate constant
    expectClose(learningRate(0.01, 10, 0, 'cosine', 0), 0.01, { rel: 1e-12 });
  });
});
