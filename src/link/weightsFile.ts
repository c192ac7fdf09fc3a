// The trained weights and the run's settings as one JSON file (docs/design.md#export):
// written from the page and by `flowvar --save-weights`, read back (`--load-weights`, the page's
// Load) to continue training or to inspect. Reading never throws: a
// file that is not a flowvar weights file, or whose parameters do not fit its network, is
// refused with a reason; settings out of range are clamped and reported (sanitizeConfig).
import type { RunConfig } from '../engine/runConfig';
import { mlpShape } from '../engine/world';
import { mlpLayout } from '../math/mlp';
import { sanitizeConfig } from './url';
import { fullTrainState, type TrainState } from '../engine/trainState';

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

export type DecodedWeights = { ok: true; file: WeightsFile; corrections: string[] } | { ok: false; reason: string };

/** `name` as `count` finite numbers (at least `min`), or why not. */
function floats(o: Record<string, unknown>, name: string, count: number, config: RunConfig, min = -Infinity): Float32Array | string {
  const a = o[name];
  if (!Array.isArray(a) || !a.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= min)) {
    return `${name} is not a list of finite numbers${min === 0 ? ' ≥ 0' : ''}`;
  }
  if (a.length !== count) return `${name} has ${a.length} numbers; a ${config.depth} × ${config.width} network has ${count}`;
  return Float32Array.from(a as number[]);
}

/** Reads a weights file's text; `ok: false` with the reason when it cannot be used. */
export function decodeWeightsFile(text: string): DecodedWeights {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not a flowvar weights file' };
  const o = raw as Record<string, unknown>;
  if (o.format !== WEIGHTS_FORMAT) return { ok: false, reason: `format is ${JSON.stringify(o.format)}, not "${WEIGHTS_FORMAT}"` };
  if (o.version !== 1 && o.version !== WEIGHTS_VERSION) return { ok: false, reason: `version ${JSON.stringify(o.version)} is not 1 or ${WEIGHTS_VERSION}` };
  const { config, corrections } = sanitizeConfig(o.config);
  const expected = mlpLayout(mlpShape(config)).paramCount;
  const theta = floats(o, 'theta', expected, config);
  if (typeof theta === 'string') return { ok: false, reason: theta };
  let moments: Pick<TrainState, 'm' | 'v'> = {};
  if (o.version !== 1) {
    // v is a mean of squares: a negative one would make √v̂ NaN
    const m = floats(o, 'm', expected, config), v = floats(o, 'v', expected, config, 0);
    if (typeof m === 'string') return { ok: false, reason: m };
    if (typeof v === 'string') return { ok: false, reason: v };
    moments = { m, v };
  }
  const step = typeof o.step === 'number' && Number.isInteger(o.step) && o.step >= 0 ? o.step : 0;
  if (step !== o.step) corrections.push(`step ${JSON.stringify(o.step)} is not a step count: continuing from 0`);
  return { ok: true, file: { config, step, theta, ...moments }, corrections };
}

/** The one line shown once `file` is loaded (a version-1 file says its moments start from zero). */
export function loadedStatus(file: WeightsFile): string {
  const status = `loaded step ${file.step}: press Play to continue`;
  return file.m ? status : `${status} (a version-1 file: Adam's moments start from zero, so the next steps differ from the original run)`;
}
