// What GpuTrainer (one model) and GpuSweepTrainer ((σ, seed) models) share around their GpuRun: the config they
// train with, the initial weights reset() returns to, the first-failure callback and the run's
// read-only state. Each subclass adds its own step/evaluate shapes (one model or one per σ).
import type { RunConfig } from './runConfig';
import type { PairSet } from '../math/couplings';
import type { GpuRun } from './gpuRun';
import type { StepPath } from './gpuTrainPass';
import type { GpuFailure } from './gpu';
import type { Trajectories } from './trainer';
import { evaluationRequests } from './measure';

export abstract class GpuRunOwner {
  /** called once with the first GPU failure (device lost, uncaptured error) */
  onError: ((failure: GpuFailure) => void) | null = null;
  protected config: RunConfig;

  protected constructor(protected readonly run: GpuRun, config: RunConfig, private readonly initial: readonly Float32Array[]) {
    this.config = { ...config };
    run.onError = (f) => this.onError?.(f);
  }

  get pairs(): PairSet { return this.run.pairs; }
  get stepCount(): number { return this.run.stepCount; }
  /** first GPU failure; once set, step() rejects and the UI falls back to the CPU engine */
  get failure(): GpuFailure | null { return this.run.failure; }
  /** how steps are encoded (GpuRunOptions.path) */
  get stepPath(): StepPath { return this.run.path; }

  /**
   * The evaluation's paths of every model (from its seed's training and fresh x0; configs[m] is
   * model m's config) and the step they belong to: both integrations are requested now, so each
   * integrates θ as of this step even if steps are submitted meanwhile.
   */
  protected async evaluationPaths(configs: readonly RunConfig[]): Promise<{ step: number; train: Trajectories[]; fresh: Trajectories[] }> {
    const step = this.stepCount;
    // the start points depend on the seed (and pairs) only: one set per seed
    const bySeed = new Map<number, ReturnType<typeof evaluationRequests>>();
    const reqs = configs.map((c, m) => {
      if (!bySeed.has(c.seed)) bySeed.set(c.seed, evaluationRequests(c, this.run.pairsOf(m)));
      return bySeed.get(c.seed)!;
    });
    const [train, fresh] = await Promise.all([
      this.run.integrate(reqs[0].train, reqs.map((r) => r.train.start)),
      this.run.integrate(reqs[0].fresh, reqs.map((r) => r.fresh.start)),
    ]);
    return { step, train, fresh };
  }

  setPairs(pairs: PairSet): void {
    this.run.setPairs(pairs);
  }

  /** Back to the initial weights (Adam moments zeroed) at step 0. */
  reset(): void {
    this.run.setWeights(this.initial, 0);
  }
}
