// Turns integrated endpoints into the metrics of docs/design.md#what-is-measured; shared by both trainers so the page and
// the CLI report the same figures whichever engine integrated the paths.
import type { RunConfig } from './runConfig';
import type { PairSet } from '../math/couplings';
import type { EvalMetrics, Evaluation, IntegrateRequest, Trajectories } from './trainer';
import { sampleCloud, gaussianCovariance } from '../math/distributions';
import { fitGaussian, pairReproduction, slicedWasserstein, straightness, transportCost } from '../math/metrics';
import { w2GaussianSq } from '../math/theory';
import { Stream } from '../math/rng';
import { sourceSpec, targetSpec } from './world';

/** Training x0's integrated for the reproduction rate (nearest partner search is O(Q·N)). */
export const REPRODUCTION_QUERIES = 1024;
/** Fresh particles that enter the distances (sorting cost); more may be drawn. */
export const DISTANCE_PARTICLES = 4096;
export const SLICED_PROJECTIONS = 64;

/** The first `count` training x0's, as float32 start points. */
export function trainStarts(pairs: PairSet, count: number): Float32Array {
  return Float32Array.from(pairs.x0.subarray(0, 2 * count));
}

/** Fresh source particles for generalization metrics and drawing. */
export function freshStarts(config: RunConfig): Float32Array {
  return Float32Array.from(sampleCloud(sourceSpec(config), config.particles, config.seed, Stream.fresh));
}

/** The two integrations of an evaluation: the first training x0's (reproduction) and fresh x0's (distances). */
export function evaluationRequests(config: RunConfig, pairs: PairSet): { train: IntegrateRequest; fresh: IntegrateRequest } {
  const q = Math.min(pairs.n, REPRODUCTION_QUERIES);
  const base = { method: config.integrator, steps: config.odeSteps, direction: 'forward' as const };
  return {
    train: { ...base, start: trainStarts(pairs, q), count: q },
    fresh: { ...base, start: freshStarts(config), count: config.particles },
  };
}

/** The evaluation of one model from the paths of evaluationRequests() (every engine ends here). */
export function evaluationOf(step: number, config: RunConfig, pairs: PairSet, trainPaths: Trajectories, freshPaths: Trajectories): Evaluation {
  const q = trainPaths.count, last = (trainPaths.states - 1) * q * 2;
  const metrics = measure({
    step, config, pairs,
    trainEnd: trainPaths.path.subarray(last, last + 2 * q), trainCount: q,
    freshPath: freshPaths.path, freshCount: freshPaths.count, states: freshPaths.states,
  });
  return { metrics, trainPaths, freshPaths };
}

export interface MeasureInput {
  step: number;
  config: RunConfig;
  pairs: PairSet;
  /** endpoints of the first q training x0's */
  trainEnd: ArrayLike<number>;
  trainCount: number;
  /** full fresh paths, states × count × 2 */
  freshPath: Float32Array;
  freshCount: number;
  states: number;
}

export function measure(m: MeasureInput): EvalMetrics {
  const { config, pairs } = m;
  const rep = pairReproduction(m.trainEnd, pairs.x1, pairs.n, m.trainCount);
  const last = (m.states - 1) * m.freshCount * 2;
  const n = Math.min(m.freshCount, DISTANCE_PARTICLES);
  const start = m.freshPath.subarray(0, 2 * n);
  const end = m.freshPath.subarray(last, last + 2 * n);
  const target = targetSpec(config), source = sourceSpec(config);
  const reference = sampleCloud(target, n, config.seed, Stream.evalTarget);
  const fit = fitGaussian(end, n);
  const targetGaussian = target.kind === 'gaussian';
  const gaussianW2 = targetGaussian ? Math.sqrt(w2GaussianSq(fit.mean, fit.cov, target.mean, gaussianCovariance(target))) : null;
  const otCost = targetGaussian && source.kind === 'gaussian'
    ? w2GaussianSq(source.mean, gaussianCovariance(source), target.mean, gaussianCovariance(target))
    : null;
  // straightness over the first n paths only: keeps the cost bounded for 100 000 particles
  const sub = new Float32Array(m.states * n * 2);
  for (let s = 0; s < m.states; s++) sub.set(m.freshPath.subarray(s * m.freshCount * 2, s * m.freshCount * 2 + 2 * n), s * n * 2);
  return {
    step: m.step,
    reproduction: rep.rate,
    chance: rep.chance,
    partnerDistance: rep.partnerDistance,
    slicedW2: slicedWasserstein(end, reference, n, SLICED_PROJECTIONS, config.seed),
    gaussianW2,
    generatedCov: fit.cov,
    straightness: straightness(sub, m.states - 1, n),
    transportCost: transportCost(start, end, n),
    otCost,
  };
}
