// RunConfig: everything a share link must reproduce, as one table (docs/design.md#runconfig-is-one-table). The URL codec
// (src/link/url.ts), the controls, the `_hide` flags, the runner and the CLI all read this table.
// Enum values come from src/math (one list each); `live: true` marks the settings that act between
// steps without rebuilding the trainer (Trainer.setLive); every other change rebuilds it.
import { ACTIVATION_NAMES } from '../math/activations';
import { LR_SCHEDULES } from '../math/adam';
import { COUPLINGS } from '../math/couplings';
import { DISTRIBUTIONS } from '../math/distributions';
import { INTERPOLANTS } from '../math/interpolants';
import { INTEGRATORS } from '../math/ode';

interface FieldBase {
  doc: string;
  /** acts between steps (Trainer.setLive); absent = a change rebuilds the trainer */
  live?: true;
}
export interface NumberField extends FieldBase { type: 'number'; default: number; min: number; max: number; scale?: 'log' | 'linear' }
export interface IntField extends FieldBase { type: 'int'; default: number; min: number; max: number }
export interface EnumField<T extends string = string> extends FieldBase { type: 'enum'; default: T; values: readonly T[] }
export interface BoolField extends FieldBase { type: 'bool'; default: boolean }
export interface PairsField extends FieldBase { type: 'pairs'; default: number[]; maxPairs: number }
/** A set of 2-D points, flat [x, y, …], written in a link like userPairs (docs/classroom.md#links). */
export interface PointsField extends FieldBase { type: 'points'; default: number[]; maxPoints: number }
export type Field = NumberField | IntField | EnumField | BoolField | PairsField | PointsField;

const enumField = <T extends string>(values: readonly T[], def: T, doc: string): EnumField<T> => ({ type: 'enum', values, default: def, doc });
const liveEnum = <T extends string>(values: readonly T[], def: T, doc: string) => ({ ...enumField(values, def, doc), live: true as const });

/** Where a source or target shape sits (srcMx … srcRho, tgtMx … tgtRho): one definition for both sides. */
type PlacementKey<P extends string> = `${P}Mx` | `${P}My` | `${P}Sx` | `${P}Sy` | `${P}Rho`;
function placementFields<P extends 'src' | 'tgt'>(prefix: P, side: 'source' | 'target'): Record<PlacementKey<P>, NumberField> {
  const number = (def: number, min: number, max: number, doc: string): NumberField => ({ type: 'number', default: def, min, max, doc: `${side} ${doc}` });
  return {
    [`${prefix}Mx`]: number(0, -5, 5, 'mean x'),
    [`${prefix}My`]: number(0, -5, 5, 'mean y'),
    [`${prefix}Sx`]: number(1, 0.05, 3, 'std x (scale of other shapes)'),
    [`${prefix}Sy`]: number(1, 0.05, 3, 'std y'),
    [`${prefix}Rho`]: number(0, -0.95, 0.95, 'correlation'),
  } as Record<PlacementKey<P>, NumberField>;
}

/** Most points a loaded or painted set holds (a link carries them all: 512 take 2,731 characters). */
export const MAX_POINTS = 512;
const pointsField = (side: 'source' | 'target'): PointsField =>
  ({ type: 'points', default: [], maxPoints: MAX_POINTS, doc: `the ${side}'s own points x,y;… (${side}=points)` });

export const RUN_CONFIG_FIELDS = {
  seed: { type: 'int', default: 1, min: 0, max: 2 ** 31 - 1, doc: 'seed of pairs, initial weights and batches' },
  source: enumField(DISTRIBUTIONS, 'gaussian', 'source distribution (x0)'),
  ...placementFields('src', 'source'),
  target: enumField(DISTRIBUTIONS, 'gaussian', 'target distribution (x1)'),
  ...placementFields('tgt', 'target'),
  sourcePoints: pointsField('source'),
  targetPoints: pointsField('target'),
  pointJitter: { type: 'number', default: 0.05, min: 0, max: 1, doc: 'std of the jitter added to a drawn point (source or target = points)' },
  coupling: enumField(COUPLINGS, 'independent', 'how training pairs are formed (docs/math.md, Worlds and couplings)'),
  phi: { type: 'number', default: Math.PI / 2, min: 0, max: 2 * Math.PI, doc: 'rotation angle φ of the rotated coupling (radians)' },
  pairs: { type: 'int', default: 512, min: 8, max: 65536, doc: 'number of training pairs N' },
  userPairs: { type: 'pairs', default: [], maxPairs: 256, doc: 'user-drawn pairs x0,y0,x1,y1;… (coupling=user)' },
  interpolant: liveEnum(INTERPOLANTS, 'constant', 'interpolant kind (docs/math.md, Interpolants)'),
  sigma: { type: 'number', default: 0, min: 0, max: 2, scale: 'log', live: true, doc: 'interpolant noise σ' },
  width: { type: 'int', default: 128, min: 16, max: 512, doc: 'hidden width' },
  depth: { type: 'int', default: 3, min: 1, max: 6, doc: 'hidden layers' },
  activation: enumField(ACTIVATION_NAMES, 'silu', 'hidden activation'),
  fourier: { type: 'int', default: 0, min: 0, max: 8, doc: 'Fourier frequencies of t in the input' },
  lr: { type: 'number', default: 2e-3, min: 1e-4, max: 1e-1, scale: 'log', live: true, doc: 'Adam learning rate' },
  batch: { type: 'int', default: 1024, min: 16, max: 65536, doc: 'batch size' },
  weightDecay: { type: 'number', default: 0, min: 0, max: 0.1, live: true, doc: 'decoupled weight decay' },
  warmup: { type: 'int', default: 0, min: 0, max: 10000, live: true, doc: 'linear learning-rate warm-up steps' },
  schedule: liveEnum(LR_SCHEDULES, 'constant', 'learning-rate schedule after warm-up'),
  integrator: liveEnum(INTEGRATORS, 'euler', 'ODE integrator'),
  odeSteps: { type: 'int', default: 64, min: 1, max: 256, live: true, doc: 'ODE steps from t = 0 to 1' },
  particles: { type: 'int', default: 1000, min: 16, max: 100000, live: true, doc: 'fresh particles for generalization metrics and drawing' },
  steps: { type: 'int', default: 3000, min: 0, max: 1000000, live: true, doc: 'steps to train to (0 = until paused)' },
  seeds: { type: 'int', default: 1, min: 1, max: 16, live: true, doc: 'seeds per σ of a sweep (the sweep panel, flowvar sweep --seeds): mean ± 1 std over seeds s … s+K−1' },
} as const satisfies Record<string, Field>;

type FieldValue<F> = F extends EnumField<infer T> ? T : F extends BoolField ? boolean : F extends PairsField | PointsField ? number[] : number;
type Fields = typeof RUN_CONFIG_FIELDS;

/** A validated run configuration: every value within its field's range. */
export type RunConfig = { -readonly [K in keyof Fields]: FieldValue<Fields[K]> };
export type ConfigKey = keyof RunConfig;

export const CONFIG_KEYS = Object.keys(RUN_CONFIG_FIELDS) as ConfigKey[];

export function defaultConfig(): RunConfig {
  const out: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const d = RUN_CONFIG_FIELDS[key].default;
    out[key] = Array.isArray(d) ? [...d] : d;
  }
  return out as RunConfig;
}

/** Keys whose row says `live: true`. */
export type LiveKey = { [K in ConfigKey]: Fields[K] extends { live: true } ? K : never }[ConfigKey];
/** Settings that act between steps without a rebuild (Trainer.setLive). */
export type LiveSettings = Pick<RunConfig, LiveKey>;

/** Whether a change of `key` acts live (else it rebuilds the trainer: new pairs or a new network). */
export function isLiveKey(key: ConfigKey): key is LiveKey {
  return 'live' in RUN_CONFIG_FIELDS[key];
}

/** The live keys, in table order. */
export const LIVE_KEYS: readonly LiveKey[] = CONFIG_KEYS.filter(isLiveKey);
/** The keys whose change rebuilds the trainer, in table order. */
export const REBUILD_KEYS: readonly ConfigKey[] = CONFIG_KEYS.filter((k) => !isLiveKey(k));

/** The σ bounds of the table, for code that checks or clamps σ outside the codec (sweeps, the slider). */
export const SIGMA_RANGE = { min: RUN_CONFIG_FIELDS.sigma.min, max: RUN_CONFIG_FIELDS.sigma.max } as const;

/** Whether σ lies in SIGMA_RANGE (false for NaN). */
export function sigmaInRange(sigma: number): boolean {
  return sigma >= SIGMA_RANGE.min && sigma <= SIGMA_RANGE.max;
}

/** σ clamped into SIGMA_RANGE (callers filter non-finite values first). */
export function clampSigma(sigma: number): number {
  return Math.min(SIGMA_RANGE.max, Math.max(SIGMA_RANGE.min, sigma));
}

/** The configs of K seeds from the config's own seed: s, s+1, …, s+K−1 (capped at the seed field's maximum). */
export function seedConfigs(config: RunConfig, k: number): RunConfig[] {
  const max = RUN_CONFIG_FIELDS.seed.max;
  return Array.from({ length: k }, (_, i) => ({ ...config, seed: Math.min(max, config.seed + i) }));
}
