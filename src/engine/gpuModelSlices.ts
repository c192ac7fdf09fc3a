// How the GPU run's buffers hold M models side by side (pure, no GPU objects): θ of model k at
// [k·P, (k+1)·P); Adam's moments of model k at [k·2P, k·2P + P) for m and v after it
// (shaders/adamUpdate.wgsl); and one readback of the metrics: per model k step records, then per
// model T_BINS (mean, count) pairs.
import type { StepRecord } from './trainer';
import type { TrainState } from './trainState';
import { T_BINS } from '../math/metrics';
import { readFields, RECORD_FIELDS, RECORD_WORDS } from './gpuLayout';

/** θ of every model from one array for all or one per model (the last repeats); throws on a wrong length. */
export function packThetas(theta: Float32Array | readonly Float32Array[], models: number, P: number): Float32Array {
  const list = theta instanceof Float32Array ? [theta] : theta;
  const all = new Float32Array(models * P);
  for (let m = 0; m < models; m++) {
    const t = list[Math.min(m, list.length - 1)];
    if (!t || t.length !== P) throw new Error(`invalid weights: ${t?.length} values, expected ${P}`);
    all.set(t, m * P);
  }
  return all;
}

/** The moments buffer with the same m and v for every model. */
export function packMoments({ m, v }: Required<Pick<TrainState, 'm' | 'v'>>, models: number, P: number): Float32Array {
  const all = new Float32Array(models * 2 * P);
  for (let k = 0; k < models; k++) {
    all.set(m, k * 2 * P);
    all.set(v, k * 2 * P + P);
  }
  return all;
}

/** Every model's state from one readback of θ (M·P floats) followed by the moments (M·2P). */
export function unpackStates(all: Float32Array, models: number, P: number, step: number): Required<TrainState>[] {
  const mAt = (k: number) => models * P + k * 2 * P;
  return Array.from({ length: models }, (_, k) => ({
    step, theta: all.slice(k * P, (k + 1) * P), m: all.slice(mAt(k), mAt(k) + P), v: all.slice(mAt(k) + P, mAt(k) + 2 * P),
  }));
}

/** Records (and bins) of one readback: per model k records, then per model T_BINS (mean, count). */
export function parseMetrics(data: ArrayBuffer, models: number, k: number, first: number, withBins: boolean): { records: StepRecord[][]; bins: number[][] | null } {
  const f = new Float32Array(data);
  const records: StepRecord[][] = [];
  for (let m = 0; m < models; m++) {
    const list: StepRecord[] = [];
    for (let s = 0; s < k; s++) {
      const r = readFields(data, RECORD_FIELDS, (m * k + s) * RECORD_WORDS);
      // the GPU writes its own step count: a mismatch means a lost or misordered step
      list.push({ ...r, step: r.step === first + s + 1 ? r.step : NaN });
    }
    records.push(list);
  }
  if (!withBins) return { records, bins: null };
  const at = models * k * RECORD_WORDS;
  const bins = Array.from({ length: models }, (_, m) => Array.from({ length: T_BINS }, (_, b) => {
    const o = at + 2 * (m * T_BINS + b);
    return f[o + 1] > 0 ? f[o] : NaN;
  }));
  return { records, bins };
}
