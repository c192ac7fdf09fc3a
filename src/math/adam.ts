// Adam (Kingma & Ba) with decoupled weight decay and the learning-rate schedule of docs/math.md#the-network-and-its-training.
// Mirrored by shaders/adamUpdate.wgsl adamUpdate() and shaders/common.wgsl learningRate().

export interface AdamSettings {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

/** Learning-rate schedules after warm-up (the config table's `schedule` values). */
export const LR_SCHEDULES = ['constant', 'cosine'] as const;
export type LrSchedule = (typeof LR_SCHEDULES)[number];

/**
 * Learning rate at 0-based step `step`: linear warm-up over `warmup` steps, then constant or a
 * cosine decay to 10 % of `lr` at `horizon` steps (kept at 10 % after it).
 */
export function learningRate(lr: number, step: number, warmup: number, schedule: LrSchedule, horizon: number): number {
  const warm = warmup > 0 ? Math.min(1, (step + 1) / warmup) : 1;
  if (schedule === 'constant' || horizon <= 0) return lr * warm;
  const progress = Math.min(1, step / horizon);
  return lr * warm * (0.1 + 0.45 * (1 + Math.cos(Math.PI * progress)));
}

/** One Adam update in place; `step` is 1-based for the bias correction. */
export function adamUpdate(theta: Float32Array, m: Float32Array, v: Float32Array, grad: ArrayLike<number>, step: number, s: AdamSettings): void {
  const c1 = 1 - Math.pow(s.beta1, step);
  const c2 = 1 - Math.pow(s.beta2, step);
  for (let k = 0; k < theta.length; k++) {
    const g = grad[k];
    m[k] = s.beta1 * m[k] + (1 - s.beta1) * g;
    v[k] = s.beta2 * v[k] + (1 - s.beta2) * g * g;
    const update = (m[k] / c1) / (Math.sqrt(v[k] / c2) + s.eps);
    theta[k] = theta[k] - s.lr * (update + s.weightDecay * theta[k]);
  }
}
