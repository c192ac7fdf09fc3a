// The trained weights and the run's settings as one JSON file (docs/design.md#export):
// written from the page and by `flowvar --save-weights`, read back (`--load-weights`, the page's
// Load) to continue training or to inspect. Reading never throws: a
// file that is not a flowvar weights file, or whose parameters do not fit its network, is
// refused with a reason; settings out of range are clamped and reported (sanitizeConfig).
import { defaultConfig, RUN_CONFIG_FIELDS, type RunConfig } from '../engine/runConfig';
import { mlpShape } from '../engine/world';
import { mlpLayout } from '../math/mlp';
import { sanitizeConfig } from './url';
import { fullTrainState, type TrainState } from '../engine/trainState';
import { message, type Message, type MessageValue } from '../i18n/message';

export const WEIGHTS_FORMAT = 'flowvar-weights';
/** 2 adds Adam's moments `m` and `v`; version 1 (θ only) still loads, its moments zeroed. */
export const WEIGHTS_VERSION = 2;

/** The run's settings and its train state (θ, Adam's moments, step). */
export interface WeightsFile extends TrainState {
  config: RunConfig;
}

/** The file's text. Each f32 is written as its shortest decimal, so reading it back is exact. */
export function encodeWeightsFile(file: WeightsFile, link: string): string {
  const { theta, m, v } = fullTrainState(file, file.theta.length);
  return JSON.stringify({
    format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, link, step: file.step, config: file.config,
    paramCount: theta.length, theta: Array.from(theta), m: Array.from(m), v: Array.from(v),
  });
}

/** Characters one f32 takes at most in the file ("-1.2345678e-12,"). */
const CHARS_PER_NUMBER = 16;

/**
 * The largest weights file there can be: θ, m and v of the biggest network the settings allow, at
 * CHARS_PER_NUMBER each, and a megabyte for the rest. A bigger file is refused before it is read
 * (a 100 MB drop would otherwise sit in memory as text and then as numbers).
 */
export const MAX_WEIGHTS_FILE_BYTES = (() => {
  const biggest = { ...defaultConfig(), width: RUN_CONFIG_FIELDS.width.max, depth: RUN_CONFIG_FIELDS.depth.max, fourier: RUN_CONFIG_FIELDS.fourier.max };
  return 3 * mlpLayout(mlpShape(biggest)).paramCount * CHARS_PER_NUMBER + 2 ** 20;
})();

/** Why a file of `bytes` cannot be a weights file (too big), or null. */
export function weightsFileSizeProblem(bytes: number): Message | null {
  if (bytes <= MAX_WEIGHTS_FILE_BYTES) return null;
  const mb = (n: number) => ({ fixed: n / 2 ** 20, decimals: n < 10 * 2 ** 20 ? 1 : 0 });
  return message('weights.tooBig', { size: mb(bytes), depth: RUN_CONFIG_FIELDS.depth.max, width: RUN_CONFIG_FIELDS.width.max, max: mb(MAX_WEIGHTS_FILE_BYTES) });
}

/** A value from the file for a message: short, and safe for any nesting (JSON.stringify of a deep array overflows the stack). */
function shown(value: unknown): MessageValue {
  if (Array.isArray(value)) return message('file.aList');
  if (value !== null && typeof value === 'object') return message('file.anObject');
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export type DecodedWeights = { ok: true; file: WeightsFile; corrections: Message[] } | { ok: false; reason: Message };

/** `name` as `count` finite numbers (at least `min`), or why not. */
function floats(o: Record<string, unknown>, name: string, count: number, config: RunConfig, min = -Infinity): Float32Array | Message {
  const a = o[name];
  if (!Array.isArray(a) || !a.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= min)) {
    return message(min === 0 ? 'weights.notNonNegative' : 'weights.notFinite', { name });
  }
  if (a.length !== count) return message('weights.wrongLength', { name, length: a.length, depth: config.depth, width: config.width, expected: count });
  return Float32Array.from(a as number[]);
}

/** Reads a weights file's text; `ok: false` with the reason when it cannot be used. */
export function decodeWeightsFile(text: string): DecodedWeights {
  const tooBig = weightsFileSizeProblem(text.length);
  if (tooBig) return { ok: false, reason: tooBig };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: message('weights.notJson', { detail: (e as Error).message }) };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: message('weights.notWeights') };
  const o = raw as Record<string, unknown>;
  if (o.format !== WEIGHTS_FORMAT) return { ok: false, reason: message('weights.format', { format: shown(o.format), expected: WEIGHTS_FORMAT }) };
  if (o.version !== 1 && o.version !== WEIGHTS_VERSION) return { ok: false, reason: message('weights.version', { version: shown(o.version), latest: WEIGHTS_VERSION }) };
  const { config, corrections } = sanitizeConfig(o.config);
  const expected = mlpLayout(mlpShape(config)).paramCount;
  const theta = floats(o, 'theta', expected, config);
  if (!(theta instanceof Float32Array)) return { ok: false, reason: theta };
  let moments: Pick<TrainState, 'm' | 'v'> = {};
  if (o.version !== 1) {
    // v is a mean of squares: a negative one would make √v̂ NaN
    const m = floats(o, 'm', expected, config), v = floats(o, 'v', expected, config, 0);
    if (!(m instanceof Float32Array)) return { ok: false, reason: m };
    if (!(v instanceof Float32Array)) return { ok: false, reason: v };
    moments = { m, v };
  }
  const step = typeof o.step === 'number' && Number.isInteger(o.step) && o.step >= 0 ? o.step : 0;
  if (step !== o.step) corrections.push(message('weights.step', { step: shown(o.step) }));
  return { ok: true, file: { config, step, theta, ...moments }, corrections };
}

/** The one line shown once `file` is loaded (a version-1 file says its moments start from zero). */
export function loadedStatus(file: WeightsFile): Message {
  return message(file.m ? 'weights.loaded' : 'weights.loadedVersion1', { step: file.step });
}
