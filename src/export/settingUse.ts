// Where each setting of the config table acts in the exported PyTorch script: a Record over every
// config key, so a new setting cannot be added to RUN_CONFIG_FIELDS without saying what it means
// in the export (the type check fails), and tests/unit/exportScript.test.ts checks that the
// script reads each one.
import type { ConfigKey } from '../engine/runConfig';

export const SETTING_USE: Record<ConfigKey, string> = {
  seed: 'keys of the pairs, the initial weights, the batches and the evaluation',
  source: 'shape of x0 (at D > 2 its first two axes; docs/math.md)',
  srcMx: 'source mean, axis 1', srcMy: 'source mean, axis 2', srcSx: 'source std, axis 1', srcSy: 'source std, axis 2', srcRho: 'source correlation of axes 1, 2',
  target: 'shape of x1 (at D > 2 its first two axes)',
  tgtMx: 'target mean, axis 1', tgtMy: 'target mean, axis 2', tgtSx: 'target std, axis 1', tgtSy: 'target std, axis 2', tgtRho: 'target correlation of axes 1, 2',
  coupling: 'how the training pairs are formed',
  phi: 'rotation angle of the rotated coupling (in every coordinate plane at D > 2)',
  pairs: 'number of training pairs N (--data: the first N rows after a fixed shuffle; the rest are held out)',
  userPairs: 'the drawn pairs of coupling=user',
  sourcePoints: 'the points of source=points (at D > 2 the other axes get pointJitter noise)',
  targetPoints: 'the points of target=points',
  pointJitter: 'std of the jitter added to a drawn point of source or target = points',
  interpolant: 'x_t and u_t of each batch row',
  sigma: 'interpolant noise (--sigmas replaces it)',
  width: 'hidden width', depth: 'hidden layers', activation: 'hidden activation', fourier: 'Fourier frequencies of t in the input',
  lr: 'Adam learning rate', batch: 'global batch size (split over torchrun processes)', weightDecay: 'decoupled weight decay',
  warmup: 'linear learning-rate warm-up steps', schedule: 'learning-rate schedule after warm-up (its horizon is the link\'s steps)',
  integrator: 'ODE integrator of the evaluation', odeSteps: 'ODE steps of the evaluation', particles: 'fresh particles of the evaluation',
  steps: 'steps to train (--steps replaces it; the cosine schedule keeps the link\'s)',
  seeds: 'seeds per sigma of a --sigmas sweep (--seeds replaces it)',
};
