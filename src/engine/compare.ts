// Compare mode (docs/design.md#compare-two-runs): one configuration trained twice in
// lockstep, run A as configured and run B with one setting changed. Both runs draw the same pairs
// (seed), the same initial weights (initParams(shape, seed)), and the same batches: t, pair index
// and ε come from (seed, Stream.batch, step, i) (src/math/batch.ts), so with equal settings the two
// runs are the same computation. Where the shapes differ (width), "same initial weights" means the
// same seed: each network is drawn from the same stream, and the shared rows are not comparable.
// Where φ differs the pairs differ too (x1 = R_φ x0): that is the setting under study.
import type { RunConfig } from './runConfig';
import type { Evaluation, Trainer, TrainSnapshot } from './trainer';
import type { Message } from '../i18n/message';

/** Settings a compare can vary, in the order the picker lists them. */
export const COMPARE_KEYS = ['sigma', 'interpolant', 'width', 'lr', 'phi'] as const;
export type CompareKey = (typeof COMPARE_KEYS)[number];

/** The setting run B changes and its value there (validated by the caller against the field). */
export interface CompareSetting<K extends CompareKey = CompareKey> {
  key: K;
  value: RunConfig[K];
}

/** Run B's value when the link names only the key: σ = 0.05 is the paper's value (docs/math.md#interpolants-σ). */
export const COMPARE_DEFAULTS: { [K in CompareKey]: RunConfig[K] } = {
  sigma: 0.05, interpolant: 'bridge', width: 64, lr: 1e-2, phi: 0,
};

/** Symbol of each key in labels ("σ = 0.05"). */
const SYMBOL: Record<CompareKey, string> = { sigma: 'σ', interpolant: 'interpolant', width: 'width', lr: 'lr', phi: 'φ' };

/** Names of the two runs, in model order. */
export const RUN_NAMES = ['A', 'B'] as const;

/**
 * The two configurations: A = `base`, B = `base` with the setting. A σ compare on the deterministic
 * kind would be no compare (it ignores σ, docs/math.md#interpolants-σ), so both runs train the constant-σ kind then,
 * as the σ sweep does; at σ = 0 that is exactly deterministic.
 */
export function compareConfigs(base: RunConfig, setting: CompareSetting): [RunConfig, RunConfig] {
  const a = setting.key === 'sigma' && base.interpolant === 'deterministic' ? { ...base, interpolant: 'constant' as const } : { ...base };
  return [a, { ...a, [setting.key]: setting.value }];
}

/** "σ = 0.05", "width = 64", "φ = 1.571". */
export function settingLabel(key: CompareKey, value: RunConfig[CompareKey]): string {
  const text = typeof value === 'number' ? String(Number(value.toPrecision(4))) : value;
  return `${SYMBOL[key]} = ${text}`;
}

/** Machine label of a run (the CLI's `run` key): `sigma=0.05`. */
export function runTag(key: CompareKey, config: RunConfig): string {
  return `${key}=${String(config[key])}`;
}

/** Two models trained in lockstep: every call advances both by the same steps. */
export interface CompareEngine {
  /** configuration of A and B */
  readonly configs: readonly [RunConfig, RunConfig];
  readonly stepCount: number;
  /** true when one batched GPU run trains both models (each dispatch covers both) */
  readonly batched: boolean;
  /** why a GPU compare runs as two trainers, for the page to show; null otherwise */
  readonly notice: Message | null;
  /** the pairs of A and B (equal unless φ or a pair setting differs) */
  readonly pairs: readonly [Trainer['pairs'], Trainer['pairs']];
  /** n more steps for both; one snapshot per run */
  step(n: number): Promise<[TrainSnapshot, TrainSnapshot]>;
  evaluate(): Promise<[Evaluation, Evaluation]>;
  weights(): Promise<[Float32Array, Float32Array]>;
  /** both back to their initial weights, step 0 */
  reset(): void;
  dispose(): void;
}

/** Makes one trainer (CpuTrainer in Node, a Worker in the page, a GpuTrainer on the fallback path). */
export type CompareTrainerFactory = (config: RunConfig) => Trainer | Promise<Trainer>;

/**
 * Two independent trainers advanced together: on the CPU (and on the GPU where a setting cannot
 * share one batched run). step(n) gives both n steps; Worker trainers run them in parallel.
 */
export class PairedCompare implements CompareEngine {
  readonly batched = false;
  private constructor(readonly configs: readonly [RunConfig, RunConfig], private readonly trainers: [Trainer, Trainer], readonly notice: Message | null) {}

  static async create(configs: readonly [RunConfig, RunConfig], make: CompareTrainerFactory, notice: Message | null = null): Promise<PairedCompare> {
    const a = await make(configs[0]);
    let b: Trainer;
    try {
      b = await make(configs[1]);
    } catch (e) {
      a.dispose();
      throw e;
    }
    return new PairedCompare(configs, [a, b], notice);
  }

  get stepCount(): number { return Math.min(this.trainers[0].stepCount, this.trainers[1].stepCount); }
  get pairs(): [Trainer['pairs'], Trainer['pairs']] { return [this.trainers[0].pairs, this.trainers[1].pairs]; }

  /** Trainer of run i (0 = A, 1 = B), for tests. */
  trainer(i: 0 | 1): Trainer { return this.trainers[i]; }

  async step(n: number): Promise<[TrainSnapshot, TrainSnapshot]> {
    const [a, b] = this.trainers;
    return Promise.all([a.step(n), b.step(n)]);
  }

  async evaluate(): Promise<[Evaluation, Evaluation]> {
    const [a, b] = this.trainers;
    return Promise.all([a.evaluate(), b.evaluate()]);
  }

  async weights(): Promise<[Float32Array, Float32Array]> {
    const [a, b] = this.trainers;
    return Promise.all([a.weights(), b.weights()]);
  }

  reset(): void {
    for (const t of this.trainers) t.reset();
  }

  dispose(): void {
    for (const t of this.trainers) t.dispose();
  }
}
