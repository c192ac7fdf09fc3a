// Loss, batch gradient and the exact per-sample gradient statistics of one batch (docs/math.md#the-network-and-its-training, docs/math.md#gradient-variance).
import { forward, backward, sampleGradDotMean, type MlpShape, type Params } from './mlp';
import { gradVarTrace, gradVarByT } from './metrics';
import type { Batch } from './batch';

export interface BatchGradient {
  loss: number;
  /** ∇θ of the mean loss ḡ */
  grad: Float64Array;
  /** ‖g_i‖² per sample */
  sampleNormSq: Float64Array;
  meanGradNormSq: number;
  gradVar: number;
  /** per-t-bin mean ‖g_i − ḡ‖² (only when asked: it costs one more pass) */
  gradVarByT: Float64Array | null;
}

/** ℓ_i = ‖v_θ(x_t, t) − u_t‖², L = mean ℓ_i; gradients of L and per-sample norms. */
export function batchGradient(shape: MlpShape, theta: Params, batch: Batch, withBins: boolean): BatchGradient {
  const cache = forward(shape, theta, batch.input, batch.size);
  const v = cache.a[cache.a.length - 1];
  const dOut = new Float64Array(batch.size * 2);
  let loss = 0;
  for (let i = 0; i < batch.size * 2; i++) {
    const r = v[i] - batch.target[i];
    loss += r * r;
    dOut[i] = 2 * r;
  }
  loss /= batch.size;
  const { grad, sampleGradNormSq, delta } = backward(shape, theta, cache, dOut, 1 / batch.size);
  let meanGradNormSq = 0, sumNormSq = 0;
  for (let k = 0; k < grad.length; k++) meanGradNormSq += grad[k] * grad[k];
  for (let i = 0; i < batch.size; i++) sumNormSq += sampleGradNormSq[i];
  const bins = withBins
    ? gradVarByT(batch.t, sampleGradNormSq, sampleGradDotMean(shape, cache, delta, grad), meanGradNormSq)
    : null;
  return {
    loss, grad, sampleNormSq: sampleGradNormSq, meanGradNormSq,
    gradVar: gradVarTrace(sumNormSq, meanGradNormSq, batch.size),
    gradVarByT: bins,
  };
}
