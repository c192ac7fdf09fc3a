// The CLI on the GPU engine (docs/cli.md): a compare's rows equal `flowvar run` of each run's own
// link within the GPU's f32 tolerance, and a software adapter (SwiftShader here) is named as such
// in the `device` key, with the hint to use the CPU engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { NodeDevice } from '../../src/node/dawn';
import { isSoftwareInfo } from '../../src/engine/gpu';
import { gpuOrSkip } from './helpers';

let gpu: NodeDevice | null = null;
beforeAll(async () => { gpu = await gpuOrSkip(); });
afterAll(() => gpu?.device.destroy());

const TINY = 'seed=3&pairs=16&width=16&depth=2&batch=32&particles=32&odeSteps=4';

async function capture(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, err, rows: out.map((l) => JSON.parse(l)) };
}

describe('flowvar --engine gpu', () => {
  // two GPU sessions only (each compiles the kernels: ~20 s on SwiftShader)
  it('a σ compare (one batched GPU run) gives run B the row `flowvar run` prints for B\'s own link, within f32 tolerance; the device is named honestly', async (ctx) => {
    if (!gpu) return ctx.skip();
    const compare = await capture(['run', `${TINY}&compare=sigma:0.3`, '--steps', '20', '--engine', 'gpu', '--json']);
    expect(compare.code).toBe(0);
    expect(compare.rows.map((r) => r.run)).toEqual(['sigma=0', 'sigma=0.3']);
    const row = compare.rows[1];
    const alone = await capture(['run', row.link, '--steps', '20', '--engine', 'gpu', '--json']);
    const [single] = alone.rows;
    expect(row.step).toBe(single.step);
    for (const key of ['loss', 'gradVar', 'partnerDistance', 'slicedW2', 'transportCost']) {
      expect(Math.abs(row[key] - single[key]), `${key}: ${row[key]} vs ${single[key]}`).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(single[key])));
    }
    expect(row.reproduction).toBeCloseTo(single.reproduction, 6);
    // honest devices: a software adapter says so in the device key and prints the hint once
    const software = isSoftwareInfo(gpu.adapter.info);
    expect(single.engine).toBe('gpu');
    expect(single.device.endsWith(software ? '(WebGPU, software GPU)' : '(WebGPU)')).toBe(true);
    expect(alone.err.filter((l) => l === '# hint: this is a software GPU (no hardware adapter): --engine cpu is faster here')).toHaveLength(software ? 1 : 0);
    expect(alone.err).toContain(`# device: ${single.device}`);
  });
});
