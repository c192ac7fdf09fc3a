// shaders/rng.wgsl against src/math/rng.ts through the rngProbe kernel (tests/gpu/rngProbe.wgsl: a
// test's kernel, so it stays out of the page's bundle).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxMuller, pcg4d, toIndex, toUniform, toUniformOpen } from '../../src/math/rng';
import { compileModule } from '../../src/engine/gpuPipelines';
import { readBuffer, USAGE } from '../../src/engine/gpuBuffers';
import { ROW_WG } from '../../src/engine/gpuLayout';
import type { NodeDevice } from '../../src/node/dawn';
import { expectClose, gpuOrSkip, SHADERS } from './helpers';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const COUNT = 4096;
const MODULUS = 37;

/** Keys covering edge values (0, 2^32 − 1) and hashed ones, drawn from the CPU generator itself. */
function makeKeys(): Uint32Array {
  const keys = new Uint32Array(4 * COUNT);
  const edges = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff];
  for (let i = 0; i < COUNT; i++) {
    const w = pcg4d(12345, 99, i >>> 6, i);
    for (let c = 0; c < 4; c++) keys[4 * i + c] = i < 625 ? edges[Math.floor(i / 5 ** c) % 5] : w[c];
  }
  return keys;
}

async function runProbe(device: GPUDevice, keys: Uint32Array) {
  const code = [SHADERS.trig, SHADERS.rng, readFileSync(new URL('./rngProbe.wgsl', import.meta.url), 'utf8')].join('\n');
  const module = await compileModule(device, code, 'rngProbe');
  const layout = device.createBindGroupLayout({
    entries: [
      { binding: 0, visibility: 4, buffer: { type: 'uniform' } },
      { binding: 1, visibility: 4, buffer: { type: 'read-only-storage' } },
      { binding: 2, visibility: 4, buffer: { type: 'storage' } },
      { binding: 3, visibility: 4, buffer: { type: 'storage' } },
      { binding: 4, visibility: 4, buffer: { type: 'storage' } },
    ],
  });
  const pipeline = device.createComputePipeline({
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    compute: { module, entryPoint: 'main', constants: { WG: ROW_WG } },
  });
  const storage = USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST;
  const params = device.createBuffer({ size: 16, usage: USAGE.UNIFORM | USAGE.COPY_DST });
  device.queue.writeBuffer(params, 0, new Uint32Array([COUNT, MODULUS, 0, 0]));
  const keyBuf = device.createBuffer({ size: keys.byteLength, usage: storage });
  device.queue.writeBuffer(keyBuf, 0, keys);
  const words = device.createBuffer({ size: 16 * COUNT, usage: storage });
  const values = device.createBuffer({ size: 16 * COUNT, usage: storage });
  const indices = device.createBuffer({ size: 4 * COUNT, usage: storage });
  // poison the outputs: an element the kernel does not write cannot pass
  device.queue.writeBuffer(words, 0, new Uint32Array(4 * COUNT).fill(0xdeadbeef));
  device.queue.writeBuffer(values, 0, new Uint32Array(4 * COUNT).fill(0x7fc00bad));
  device.queue.writeBuffer(indices, 0, new Uint32Array(COUNT).fill(0xdeadbeef));
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, device.createBindGroup({ layout, entries: [params, keyBuf, words, values, indices].map((buffer, binding) => ({ binding, resource: { buffer } })) }));
  pass.dispatchWorkgroups(Math.ceil(COUNT / ROW_WG));
  pass.end();
  device.queue.submit([encoder.finish()]);
  return {
    words: new Uint32Array(await readBuffer(device, words)),
    values: new Float32Array(await readBuffer(device, values)),
    indices: new Uint32Array(await readBuffer(device, indices)),
  };
}

describe('shaders/rng.wgsl', () => {
  it('pcg4d, toUniform, toUniformOpen and toIndex give the bits of src/math/rng.ts; Box–Muller normals within 1e-5', async (ctx) => {
    if (!gpu) return ctx.skip();
    const keys = makeKeys();
    const out = await runProbe(gpu.device, keys);
    const expectedWords = new Uint32Array(4 * COUNT), expectedValues = new Float32Array(4 * COUNT);
    const normals = new Float64Array(2 * COUNT), gpuNormals = new Float64Array(2 * COUNT);
    const expectedIndices = new Uint32Array(COUNT);
    for (let i = 0; i < COUNT; i++) {
      const w = pcg4d(keys[4 * i], keys[4 * i + 1], keys[4 * i + 2], keys[4 * i + 3]);
      expectedWords.set(w, 4 * i);
      expectedValues[4 * i] = toUniform(w[0]);
      expectedValues[4 * i + 1] = toUniformOpen(w[1]);
      const [n0, n1] = boxMuller(w[2], w[3]);
      normals[2 * i] = n0; normals[2 * i + 1] = n1;
      gpuNormals[2 * i] = out.values[4 * i + 2]; gpuNormals[2 * i + 1] = out.values[4 * i + 3];
      expectedIndices[i] = toIndex(w[1], MODULUS);
    }
    expect(Array.from(out.words)).toEqual(Array.from(expectedWords));
    expect(Array.from(out.indices)).toEqual(Array.from(expectedIndices));
    for (let i = 0; i < COUNT; i++) {
      // uniforms are exact 24-bit values: compared as bits
      expect(out.values[4 * i], `toUniform[${i}]`).toBe(expectedValues[4 * i]);
      expect(out.values[4 * i + 1], `toUniformOpen[${i}]`).toBe(expectedValues[4 * i + 1]);
    }
    const d = expectClose(gpuNormals, normals, { abs: 1e-5 }, 'boxMuller');
    console.info(`rng: ${COUNT} keys, words/uniforms/indices bit-identical, normals max abs diff ${d.maxAbs.toExponential(2)}`);
  });
});
