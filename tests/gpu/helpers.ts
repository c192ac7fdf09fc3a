// Shared setup of the GPU tests: one Dawn device per test file (SwiftShader when no GPU driver is
// configured), the shader texts read from shaders/, and the NaN-aware tolerance check (the plain
// one, expectClose, is tests/unit/expectClose.ts, shared by both test projects). Without an
// adapter the tests FAIL, unless FLOWVAR_ALLOW_NO_GPU=1 (then they skip).
import { expect } from 'vitest';
import { createNodeDevice, type NodeDevice } from '../../src/node/dawn';
import { loadShaderSources } from '../../src/node/shaderSources';
import type { ShaderSources } from '../../src/engine/gpuShaders';
import { normal2 } from '../../src/math/rng';
import { mlpLayout, type MlpShape } from '../../src/math/mlp';
import { expectClose, type Diff, type Tolerance } from '../unit/expectClose';

export { expectClose };

export const SHADERS: ShaderSources = loadShaderSources();

export const ALLOW_NO_GPU = process.env.FLOWVAR_ALLOW_NO_GPU === '1';

/** The device for this file, or null (only with FLOWVAR_ALLOW_NO_GPU=1) when none exists. */
export async function gpuOrSkip(): Promise<NodeDevice | null> {
  try {
    return await createNodeDevice();
  } catch (error) {
    if (ALLOW_NO_GPU) return null;
    throw new Error(`no WebGPU adapter (set FLOWVAR_ALLOW_NO_GPU=1 to skip the GPU tests): ${String(error)}`);
  }
}

export const f32 = (data: ArrayBuffer, count?: number) => new Float32Array(data, 0, count);
export const u32 = (data: ArrayBuffer, count?: number) => new Uint32Array(data, 0, count);

/** Random parameters with non-zero biases (initParams has zero biases, which would hide a missing bias). */
export function randomTheta(shape: MlpShape, seed: number): Float32Array {
  const layout = mlpLayout(shape);
  const theta = new Float32Array(layout.paramCount);
  for (const layer of layout.layers) {
    const std = Math.sqrt(2 / layer.fanIn);
    for (let o = 0; o < layer.fanOut; o++) {
      for (let k = 0; k < layer.fanIn; k++) theta[layer.w + o * layer.fanIn + k] = normal2(seed, 99, layer.w, o * layer.fanIn + k)[0] * std;
      theta[layer.b + o] = 0.3 * normal2(seed, 98, layer.b, o)[1];
    }
  }
  return theta;
}

/** Same NaN positions; finite entries within tolerance (bins may be empty: NaN). */
export function expectCloseWithNaN(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance, what: string): Diff {
  const a: number[] = [], e: number[] = [];
  for (let i = 0; i < expected.length; i++) {
    expect(Number.isNaN(actual[i]), `${what}[${i}] NaN`).toBe(Number.isNaN(expected[i]));
    if (!Number.isNaN(expected[i])) { a.push(actual[i]); e.push(expected[i]); }
  }
  return expectClose(a, e, tol, what);
}
