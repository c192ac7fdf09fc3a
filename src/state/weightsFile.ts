// The trained weights and the run's settings as one JSON file (SPEC §6 Export "weights JSON"):
// written from the page, read back to continue training or to inspect. Reading never throws: a
// file that is not a flowvar weights file, or whose parameters do not fit its network, is
// refused with a reason; settings out of range are clamped and reported (sanitizeConfig).
import type { RunConfig } from '../engine/runConfig';
import { mlpShape } from '../engine/world';
import { mlpLayout } from '../math/mlp';
import { sanitizeConfig } from './url';
import { appStore, type AppStore } from './store';

export const WEIGHTS_FORMAT = 'flowvar-weights';
export const WEIGHTS_VERSION = 1;

export interface WeightsFile {
  config: RunConfig;
  /** steps taken when the weights were read */
  step: number;
  /** parameters in the layout of src/math/mlp.ts */
  theta: Float32Array;
}

/** The file's text. Each f32 is written as its shortest decimal, so reading it back is exact. */
export function encodeWeightsFile(file: WeightsFile, link: string): string {
  return JSON.stringify({
    format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, link, step: file.step, config: file.config,
    paramCount: file.theta.length, theta: Array.from(file.theta),
  });
}

export type DecodedWeights = { ok: true; file: WeightsFile; corrections: string[] } | { ok: false; reason: string };

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
  if (o.version !== WEIGHTS_VERSION) return { ok: false, reason: `version ${JSON.stringify(o.version)} is not ${WEIGHTS_VERSION}` };
  const { config, corrections } = sanitizeConfig(o.config);
  if (!Array.isArray(o.theta) || !o.theta.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return { ok: false, reason: 'theta is not a list of finite numbers' };
  }
  const expected = mlpLayout(mlpShape(config)).paramCount;
  if (o.theta.length !== expected) return { ok: false, reason: `theta has ${o.theta.length} numbers; a ${config.depth} × ${config.width} network has ${expected}` };
  const step = typeof o.step === 'number' && Number.isInteger(o.step) && o.step >= 0 ? o.step : 0;
  if (step !== o.step) corrections.push(`step ${JSON.stringify(o.step)} is not a step count: continuing from 0`);
  return { ok: true, file: { config, step, theta: Float32Array.from(o.theta as number[]) }, corrections };
}

/** Continues from a loaded file: its settings, its weights at its step, paused (inspect, then Play). */
export function loadWeights(file: WeightsFile, corrections: string[] = [], store: AppStore = appStore): void {
  store.setState((s) => ({
    config: { ...file.config }, playing: false, corrections, noticeDismissed: corrections.length === 0,
    loadedWeights: { theta: file.theta, step: file.step }, weightsRequest: s.weightsRequest + 1,
  }));
}
