// RunConfig: everything a share link must reproduce, as one table (STYLE rule 8). The URL codec
// (src/state/url.ts), the controls, the `_hide` flags and the CLI all read this table.

interface FieldBase { doc: string }
export interface NumberField extends FieldBase { type: 'number'; default: number; min: number; max: number; scale?: 'log' | 'linear' }
export interface IntField extends FieldBase { type: 'int'; default: number; min: number; max: number }
export interface EnumField<T extends string = string> extends FieldBase { type: 'enum'; default: T; values: readonly T[] }
export interface BoolField extends FieldBase { type: 'bool'; default: boolean }
export interface PairsField extends FieldBase { type: 'pairs'; default: number[]; maxPairs: number }
export type Field = NumberField | IntField | EnumField | BoolField | PairsField;

const enumField = <T extends string>(values: readonly T[], def: T, doc: string): EnumField<T> => ({ type: 'enum', values, default: def, doc });
const DISTRIBUTIONS = ['gaussian', 'mixture', 'moons', 'rings', 'checker'] as const;

export const RUN_CONFIG_FIELDS = {
  seed: { type: 'int', default: 1, min: 0, max: 2 ** 31 - 1, doc: 'seed of pairs, initial weights and batches' },
  source: enumField(DISTRIBUTIONS, 'gaussian', 'source distribution (x0)'),
  srcMx: { type: 'number', default: 0, min: -5, max: 5, doc: 'source mean x' },
  srcMy: { type: 'number', default: 0, min: -5, max: 5, doc: 'source mean y' },
  srcSx: { type: 'number', default: 1, min: 0.05, max: 3, doc: 'source std x (scale of other shapes)' },
  srcSy: { type: 'number', default: 1, min: 0.05, max: 3, doc: 'source std y' },
  srcRho: { type: 'number', default: 0, min: -0.95, max: 0.95, doc: 'source correlation' },
  target: enumField(DISTRIBUTIONS, 'gaussian', 'target distribution (x1)'),
  tgtMx: { type: 'number', default: 0, min: -5, max: 5, doc: 'target mean x' },
  tgtMy: { type: 'number', default: 0, min: -5, max: 5, doc: 'target mean y' },
  tgtSx: { type: 'number', default: 1, min: 0.05, max: 3, doc: 'target std x (scale of other shapes)' },
  tgtSy: { type: 'number', default: 1, min: 0.05, max: 3, doc: 'target std y' },
  tgtRho: { type: 'number', default: 0, min: -0.95, max: 0.95, doc: 'target correlation' },
  coupling: enumField(['independent', 'ot', 'rotated', 'cross', 'user'] as const, 'independent', 'how training pairs are formed (SPEC §2)'),
  phi: { type: 'number', default: Math.PI / 2, min: 0, max: 2 * Math.PI, doc: 'rotation angle φ of the rotated coupling (radians)' },
  pairs: { type: 'int', default: 512, min: 8, max: 65536, doc: 'number of training pairs N' },
  userPairs: { type: 'pairs', default: [], maxPairs: 256, doc: 'user-drawn pairs x0,y0,x1,y1;… (coupling=user)' },
  interpolant: enumField(['deterministic', 'constant', 'bridge'] as const, 'constant', 'interpolant kind (SPEC §3)'),
  sigma: { type: 'number', default: 0, min: 0, max: 2, scale: 'log', doc: 'interpolant noise σ' },
  width: { type: 'int', default: 128, min: 16, max: 512, doc: 'hidden width' },
  depth: { type: 'int', default: 3, min: 1, max: 6, doc: 'hidden layers' },
  activation: enumField(['silu', 'relu', 'tanh', 'gelu'] as const, 'silu', 'hidden activation'),
  fourier: { type: 'int', default: 0, min: 0, max: 8, doc: 'Fourier frequencies of t in the input' },
  lr: { type: 'number', default: 2e-3, min: 1e-4, max: 1e-1, scale: 'log', doc: 'Adam learning rate' },
  batch: { type: 'int', default: 1024, min: 16, max: 65536, doc: 'batch size' },
  weightDecay: { type: 'number', default: 0, min: 0, max: 0.1, doc: 'decoupled weight decay' },
  warmup: { type: 'int', default: 0, min: 0, max: 10000, doc: 'linear learning-rate warm-up steps' },
  schedule: enumField(['constant', 'cosine'] as const, 'constant', 'learning-rate schedule after warm-up'),
  integrator: enumField(['euler', 'heun', 'rk4'] as const, 'euler', 'ODE integrator'),
  odeSteps: { type: 'int', default: 64, min: 1, max: 256, doc: 'ODE steps from t = 0 to 1' },
  particles: { type: 'int', default: 1000, min: 16, max: 100000, doc: 'fresh particles for generalization metrics and drawing' },
  steps: { type: 'int', default: 3000, min: 0, max: 1000000, doc: 'steps to train to (0 = until paused)' },
} as const satisfies Record<string, Field>;

type FieldValue<F> = F extends EnumField<infer T> ? T : F extends BoolField ? boolean : F extends PairsField ? number[] : number;
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

/** Fields whose change needs a rebuilt trainer (new pairs or a new network); the rest act live. */
export const REBUILD_KEYS: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'seed', 'source', 'srcMx', 'srcMy', 'srcSx', 'srcSy', 'srcRho', 'target', 'tgtMx', 'tgtMy', 'tgtSx', 'tgtSy', 'tgtRho',
  'coupling', 'phi', 'pairs', 'userPairs', 'width', 'depth', 'activation', 'fourier', 'batch',
]);
