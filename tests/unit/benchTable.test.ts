// The bench's CPU engines table (bench/table.ts): Node mode puts PyTorch and the ratios beside the
// WebAssembly columns, browser mode has no PyTorch column; both give the N-thread/1-thread ratio.
// And --threads, the N of that column (bench/args.ts).
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../bench/table';
import { parseArgs } from '../../bench/args';
import type { BenchReport, Cell, CpuEngineRow } from '../../bench/types';

const rate = (r: number): Cell => ({ ok: true, rate: r, count: 10, seconds: 1 });
const plan: BenchReport['plan'] = { sizes: [{ batch: 1024, width: 128 }], depth: 3, quick: true, targetSeconds: 0.5, warmupSteps: 2, integrate: { steps: 64, gpuParticles: 1024, cpuParticles: 64 }, tfjs: false };
const row: CpuEngineRow = { batch: 1024, width: 128, js: rate(5), wasm1: rate(200), wasmThreads: rate(300), threads: 2 };
const report = (mode: BenchReport['mode'], rows: CpuEngineRow[]): BenchReport =>
  ({ mode, runtime: 'test', adapter: null, plan, train: [], integrate: [], notes: [], cpuEngines: rows });

/** The line of the table's row for batch 1024, split into cells. */
const rowCells = (text: string): string[] => text.split('\n').find((l) => /^\s*1024\s/.test(l))!.trim().split(/\s{3,}/);

describe('renderReport() CPU engines table', () => {
  it('browser mode: JavaScript, WebAssembly on 1 and 2 threads and 2t/1t = 1.50x, no PyTorch column', () => {
    const text = renderReport(report('browser', [row]));
    expect(text).toContain('WASM 2 threads');
    expect(text).not.toContain('PyTorch');
    expect(rowCells(text)).toEqual(['1024', '128', '5.00', '200', '300', '1.50x']);
  });

  it('node mode: PyTorch 400 steps/s gives WASM/PyTorch 0.50x and 0.75x, then 2t/1t', () => {
    const text = renderReport(report('node', [{ ...row, torch: rate(400), torchVersion: '1.13' }]));
    expect(text).toContain('PyTorch 1.13');
    expect(rowCells(text)).toEqual(['1024', '128', '5.00', '200', '300', '400', '0.50x', '0.75x', '1.50x']);
  });

  it('a missing N-thread cell says why and leaves the ratio empty', () => {
    const text = renderReport(report('browser', [{ ...row, wasmThreads: { ok: false, reason: 'n/a (not cross-origin isolated)' } }]));
    expect(rowCells(text)).toEqual(['1024', '128', '5.00', '200', 'n/a [1]', '-']);
    expect(text).toContain('[1] n/a (not cross-origin isolated)');
  });
});

describe('parseArgs() --threads', () => {
  const planOf = (argv: string[]) => { const a = parseArgs(argv); if (a === 'help') throw new Error('help'); return a.plan; };
  it('sets the N-thread column to 4, is absent by default, and names the flag and value when out of 2…8', () => {
    expect(planOf(['--quick', '--threads', '4']).threads).toBe(4);
    expect(planOf(['--node', '--threads=8']).threads).toBe(8);
    expect(planOf(['--quick']).threads).toBeUndefined();
    expect(() => planOf(['--threads', '1'])).toThrow('invalid --threads: 1 (an integer, 2…8)');
    expect(() => planOf(['--threads=9'])).toThrow('invalid --threads: 9');
    expect(() => planOf(['--threads', 'two'])).toThrow('invalid --threads: two');
  });
});
