// The GPU buffers of one training run, sized from a NetPlan; and small buffer helpers.
import { RECORD_WORDS, DYNAMIC_STRIDE, LIVE_BYTES, MAX_STEPS_PER_SUBMIT, NET_BYTES, type NetPlan } from './gpuLayout';
import { T_BINS } from '../math/metrics';

/** Bytes of one model's records buffer slice (MAX_STEPS_PER_SUBMIT records) and per-bin values. */
export const RECORDS_BYTES = MAX_STEPS_PER_SUBMIT * RECORD_WORDS * 4;
export const BINS_BYTES = T_BINS * 2 * 4;

// GPUBufferUsage values (the global may be missing in a Worker's type context)
export const USAGE = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80 } as const;
const STORAGE = USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST;

/** Names of the storage buffers of a training run (also the test seam's names). */
export const TRAIN_BUFFER_NAMES = [
  'theta', 'moments', 'grad', 'gradPartials', 'pairs', 'state',
  'acts', 'zs', 'deltas', 'samples', 'perSample', 'statsPartials', 'gsqPartials', 'records', 'bins',
] as const;
export type TrainBufferName = (typeof TRAIN_BUFFER_NAMES)[number];

export interface TrainBuffers extends Record<TrainBufferName, GPUBuffer> {
  live: GPUBuffer;
  net: GPUBuffer;
  sel: GPUBuffer;
  stage: GPUBuffer;
}

/** Bytes of a storage buffer: at least 16 (an empty binding is invalid), a multiple of 4. */
const bytes = (floats: number) => Math.max(16, Math.ceil(floats) * 4);

export function createBuffer(device: GPUDevice, label: string, size: number, usage: number): GPUBuffer {
  return device.createBuffer({ label, size: Math.max(16, Math.ceil(size / 4) * 4), usage });
}

/** Floats of each storage buffer for `plan` (all its models) and `pairCapacity` pairs. */
export function trainBufferFloats(plan: NetPlan, pairCapacity: number): Record<TrainBufferName, number> {
  const P = plan.paramCount, B = plan.rows, M = plan.models;
  return {
    theta: M * P, moments: M * 2 * P, grad: M * P, gradPartials: M * plan.splitCount * P, pairs: 4 * pairCapacity, state: M * 4,
    acts: M * plan.actsFloats, zs: M * plan.zsFloats, deltas: M * plan.deltasFloats, samples: M * 4 * B, perSample: M * 4 * B,
    statsPartials: M * 2 * plan.statsJobs, gsqPartials: M * plan.adamJobs, records: M * MAX_STEPS_PER_SUBMIT * RECORD_WORDS, bins: M * 2 * T_BINS,
  };
}

export function createTrainBuffers(device: GPUDevice, plan: NetPlan, pairCapacity: number, layerCount: number): TrainBuffers {
  const floats = trainBufferFloats(plan, pairCapacity);
  const maxBinding = device.limits.maxStorageBufferBindingSize;
  const out = {} as Record<TrainBufferName, GPUBuffer>;
  for (const name of TRAIN_BUFFER_NAMES) {
    if (bytes(floats[name]) > maxBinding) {
      throw new Error(`run too large for this GPU: ${name} needs ${bytes(floats[name])} bytes, the device allows ${maxBinding} per buffer`);
    }
  }
  for (const name of TRAIN_BUFFER_NAMES) out[name] = createBuffer(device, name, bytes(floats[name]), STORAGE);
  return {
    ...out,
    live: createBuffer(device, 'live', LIVE_BYTES, USAGE.UNIFORM | USAGE.COPY_DST),
    net: createBuffer(device, 'net', NET_BYTES, USAGE.UNIFORM | USAGE.COPY_DST),
    sel: createBuffer(device, 'sel', layerCount * DYNAMIC_STRIDE, USAGE.UNIFORM | USAGE.COPY_DST),
    stage: createBuffer(device, 'stage (unused in training)', DYNAMIC_STRIDE, USAGE.UNIFORM | USAGE.COPY_DST),
  };
}

export function destroyBuffers(buffers: Record<string, GPUBuffer>): void {
  for (const b of Object.values(buffers)) b.destroy();
}

/** Pair set as vec4 (x0, y0, x1, y1) per pair, f32 (pairs.ts keeps f64). */
export function packPairs(x0: ArrayLike<number>, x1: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(4 * n);
  for (let i = 0; i < n; i++) {
    out[4 * i] = x0[2 * i]; out[4 * i + 1] = x0[2 * i + 1];
    out[4 * i + 2] = x1[2 * i]; out[4 * i + 3] = x1[2 * i + 1];
  }
  return out;
}

/**
 * Copies `size` bytes of `source` into a fresh MAP_READ buffer and resolves with them. For rare
 * reads (weights, evaluation paths, tests): per-step metrics use the ReadbackRing instead.
 */
export function readBuffer(device: GPUDevice, source: GPUBuffer, size = source.size, offset = 0): Promise<ArrayBuffer> {
  return readRegions(device, [[source, offset, size]]);
}

/**
 * Copies `regions` (source, offset, bytes; each a multiple of 4 bytes) back to back into one
 * MAP_READ buffer: one submit and one map for several buffers (θ with Adam's moments).
 */
export async function readRegions(device: GPUDevice, regions: ReadonlyArray<readonly [GPUBuffer, number, number]>): Promise<ArrayBuffer> {
  const size = regions.reduce((sum, [, , n]) => sum + n, 0);
  const staging = createBuffer(device, `read ${regions.map(([b]) => b.label).join(' + ')}`, size, USAGE.MAP_READ | USAGE.COPY_DST);
  const encoder = device.createCommandEncoder();
  let at = 0;
  for (const [source, offset, n] of regions) {
    encoder.copyBufferToBuffer(source, offset, staging, at, Math.ceil(n / 4) * 4);
    at += n;
  }
  device.queue.submit([encoder.finish()]);
  try {
    await staging.mapAsync(0x1 /* GPUMapMode.READ */);
    return staging.getMappedRange().slice(0, size);
  } finally {
    staging.destroy();
  }
}
