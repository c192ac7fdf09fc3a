// The TF.js column: the same model trained with TF.js on its WebGPU backend, in the same page.
// Same initial weights (src/math/mlp.ts initParams), same batches (src/math/batch.ts sampleBatch,
// the engines' first BATCH_POOL steps, cycled), same loss (mean over the batch of ‖u − v‖²),
// Adam(2e-3, 0.9, 0.999, 1e-8). A step is optimizer.minimize(): forward + backward + Adam;
// the batch tensors are uploaded once, so TF.js does no per-step sampling (slightly in its favour).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-webgpu';
import type { RunConfig } from '../src/engine/runConfig';
import { makePairs } from '../src/math/couplings';
import { sampleBatch } from '../src/math/batch';
import { initParams, mlpLayout } from '../src/math/mlp';
import { effectiveSigma, mlpShape, worldSpec } from '../src/engine/world';
import { measureRate, reasonOf } from './timing';
import type { BenchPlan, Cell } from './types';

const BATCH_POOL = 8;
const MAX_TFJS_STEPS = 20000;

/** Switch TF.js to WebGPU; null when it worked, else the reason for the table cell. */
export async function initTfjs(): Promise<string | null> {
  try {
    const ok = await tf.setBackend('webgpu');
    await tf.ready();
    if (!ok || tf.getBackend() !== 'webgpu') return `n/a (TF.js WebGPU backend unavailable, got ${tf.getBackend()})`;
    return null;
  } catch (err) {
    return `n/a (TF.js WebGPU backend: ${reasonOf(err)})`;
  }
}

interface Layer { w: tf.Variable; b: tf.Variable }

/** W_l is fanOut × fanIn row-major in src/math/mlp.ts; TF.js multiplies x[B, in] · W[in, out]. */
function makeLayers(config: RunConfig): Layer[] {
  const shape = mlpShape(config);
  const theta = initParams(shape, config.seed);
  return mlpLayout(shape).layers.map((l) => {
    const w = new Float32Array(l.fanIn * l.fanOut);
    for (let o = 0; o < l.fanOut; o++) for (let i = 0; i < l.fanIn; i++) w[i * l.fanOut + o] = theta[l.w + o * l.fanIn + i];
    return {
      w: tf.variable(tf.tensor2d(w, [l.fanIn, l.fanOut])),
      b: tf.variable(tf.tensor1d(theta.slice(l.b, l.b + l.fanOut))),
    };
  });
}

function forward(layers: Layer[], x: tf.Tensor2D): tf.Tensor2D {
  let h = x;
  layers.forEach((l, k) => {
    const z = tf.add(tf.matMul(h, l.w), l.b) as tf.Tensor2D;
    h = k === layers.length - 1 ? z : tf.mul(z, tf.sigmoid(z)); // SiLU(z) = z·σ(z)
  });
  return h;
}

export async function tfjsTrainCell(config: RunConfig, plan: BenchPlan): Promise<Cell> {
  const pairs = makePairs(worldSpec(config), config.seed);
  const sigma = effectiveSigma(config);
  const inputs: tf.Tensor2D[] = [], targets: tf.Tensor2D[] = [];
  let layers: Layer[] = [];
  try {
    for (let s = 0; s < BATCH_POOL; s++) {
      const b = sampleBatch(pairs, { seed: config.seed, step: s, size: config.batch, kind: config.interpolant, sigma, fourier: 0 });
      inputs.push(tf.tensor2d(Float32Array.from(b.input), [b.size, 3]));
      targets.push(tf.tensor2d(Float32Array.from(b.target), [b.size, 2]));
    }
    layers = makeLayers(config);
    const vars = layers.flatMap((l) => [l.w, l.b]);
    const optimizer = tf.train.adam(config.lr, 0.9, 0.999, 1e-8);
    const lossOf = (k: number): tf.Scalar => tf.mean(tf.sum(tf.square(tf.sub(forward(layers, inputs[k]), targets[k])), 1)) as tf.Scalar;
    const probe = layers[layers.length - 1].b;
    const readLoss = async (k: number): Promise<number> => {
      const t = tf.tidy(() => lossOf(k));
      const v = (await t.data())[0];
      t.dispose();
      return v;
    };
    let step = 0;
    const lossFirst = await readLoss(0);
    const rate = await measureRate(async (n) => {
      for (let k = 0; k < n; k++, step++) optimizer.minimize(() => lossOf(step % BATCH_POOL), false, vars);
      await probe.data(); // the last Adam update writes this bias: reading it waits for all queued steps
    }, { warmup: plan.warmupSteps, targetSeconds: plan.targetSeconds, maxCount: MAX_TFJS_STEPS });
    const lossLast = await readLoss(step % BATCH_POOL);
    optimizer.dispose();
    return { ok: true, ...rate, lossFirst, lossLast };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  } finally {
    tf.dispose([...inputs, ...targets, ...layers.flatMap((l) => [l.w, l.b])]);
  }
}
