// `flowvar grid` (docs/cli.md#flowvar-grid): every combination of the varied settings in one
// process, one labelled row per run, each equal to `flowvar run` of its own link; --seeds adds
// mean and std rows per cell; a bad --vary is one line and exit 2.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { GRID_KEYS } from '../../src/cli/grid';

const TINY = 'pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4';

async function capture(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, rows: code === 0 ? out.map((l) => JSON.parse(l)) : [] };
}

describe('flowvar grid', () => {
  it('one row per cell, the first axis slowest, labelled; each row is `flowvar run` of its own link', async () => {
    const { code, rows } = await capture(['grid', TINY, '--vary', 'width=16,32', '--vary', 'lr=1e-3,3e-3', '--steps', '12', '--json']);
    expect(code).toBe(0);
    expect(rows.map((r) => r.run)).toEqual(['width=16 lr=0.001', 'width=16 lr=0.003', 'width=32 lr=0.001', 'width=32 lr=0.003']);
    expect(rows.map((r) => r.cell)).toEqual(rows.map((r) => r.run));
    for (const r of rows) expect(Object.keys(r)).toEqual([...GRID_KEYS]);
    const last = rows[3];
    expect(last.link).toContain('width=32');
    expect(last.link).toContain('lr=0.003');
    const [alone] = (await capture(['run', last.link, '--steps', '12', '--json'])).rows;
    const strip = (r: Record<string, unknown>) => ({ ...r, stepsPerSec: 0, run: null, cell: undefined, partial: undefined });
    expect(strip(last)).toEqual(strip(alone));
  });

  it('--seeds 3 trains seeds s, s+1, s+2 per cell, then a mean and a std row (n − 1) per cell', async () => {
    const { code, rows } = await capture(['grid', `seed=7&${TINY}`, '--vary', 'sigma=0,0.3', '--seeds', '3', '--steps', '10', '--json']);
    expect(code).toBe(0);
    expect(rows.map((r) => [r.run, r.seed, r.sigma])).toEqual([
      ['sigma=0 seed=7', 7, 0], ['sigma=0 seed=8', 8, 0], ['sigma=0 seed=9', 9, 0], ['mean', null, 0], ['std', null, 0],
      ['sigma=0.3 seed=7', 7, 0.3], ['sigma=0.3 seed=8', 8, 0.3], ['sigma=0.3 seed=9', 9, 0.3], ['mean', null, 0.3], ['std', null, 0.3],
    ]);
    const losses = rows.slice(0, 3).map((r) => r.loss);
    const mean = losses.reduce((s, v) => s + v, 0) / 3;
    const std = Math.sqrt(losses.reduce((s, v) => s + (v - mean) ** 2, 0) / 2);
    expect(rows[3].loss).toBeCloseTo(mean, 12);
    expect(rows[4].loss).toBeCloseTo(std, 12);
    expect(rows[4].loss).toBeGreaterThan(0);
    expect(rows[3].cell).toBe('sigma=0');
    expect(new Set(losses).size).toBe(3);
  });

  it('without --seeds the link\'s seeds=K sets the seeds (the page\'s sweep reads the same key); --seeds overrides it', async () => {
    const fromLink = await capture(['grid', `seed=7&seeds=2&${TINY}`, '--vary', 'sigma=0', '--steps', '4', '--json']);
    expect(fromLink.rows.map((r) => r.run)).toEqual(['sigma=0 seed=7', 'sigma=0 seed=8', 'mean', 'std']);
    const flag = await capture(['grid', `seed=7&seeds=2&${TINY}`, '--vary', 'sigma=0', '--seeds', '1', '--steps', '4', '--json']);
    expect(flag.rows.map((r) => r.run)).toEqual(['sigma=0']);
  });

  it('a bad --vary is one line naming the problem, exit 2, nothing trained', async () => {
    const cases: [string[], string][] = [
      [['--vary', 'Sigma=0,0.3'], '--vary "Sigma" is not a setting (did you mean sigma?); flowvar fields lists them'],
      [['--vary', 'width=abc'], '--vary width=abc: width=abc is not a number: using 128'],
      [['--vary', 'width=4'], '--vary width=4: width=4 is below 16: using 16'],
      [['--vary', 'userPairs=1,2'], '--vary userPairs: a list setting cannot be varied'],
      [['--vary', 'width'], '--vary width needs values: --vary width=V1,V2'],
      [['--vary', 'width=16,16'], '--vary width: a value is given twice'],
      [['--vary', 'width=16', '--vary', 'width=32'], '--vary: a setting is varied twice'],
      [[], 'give at least one --vary KEY=V1,V2'],
      [['--vary', 'seed=1,2', '--seeds', '2'], '--seeds and --vary seed=… both set the seed: give one'],
      [['--vary', `seed=${Array.from({ length: 100 }, (_, i) => i).join(',')}`, '--vary', `pairs=${Array.from({ length: 50 }, (_, i) => i + 8).join(',')}`], 'the grid has 5000 cells × 1 seeds = 5000 runs; it must be ≤ 4096'],
    ];
    for (const [flags, message] of cases) {
      const { code, out, err } = await capture(['grid', TINY, ...flags, '--steps', '2', '--json']);
      expect(code, flags.join(' ')).toBe(2);
      expect(out).toEqual([]);
      expect(err.filter((l) => l.startsWith('flowvar grid: ')), flags.join(' ')).toEqual([`flowvar grid: ${message}`]);
    }
  });
});
