import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { ROW_KEYS } from '../../src/cli/format';
import { evaluationSteps } from '../../src/cli/run';

const TINY = 'seed=2&pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4';

async function capture(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Rows without the wall-clock throughput, the one figure that may change run to run. */
const withoutTiming = (lines: string[]) => lines.map((l) => ({ ...JSON.parse(l), stepsPerSec: 0 }));

describe('flowvar CLI', () => {
  it('run --json prints one JSON object per evaluation with the documented keys, in order', async () => {
    const { code, out, err } = await capture(['run', TINY, '--steps', '30', '--eval-every', '10', '--json']);
    expect(code).toBe(0);
    expect(err.filter((l) => !l.startsWith('#'))).toEqual([]);
    expect(out).toHaveLength(3);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.step)).toEqual([10, 20, 30]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([...ROW_KEYS]);
      expect(r.loss).toBeGreaterThan(0);
      expect(r.chance).toBe(1 / 8);
    }
  });

  it('the same query gives the same numbers run after run', async () => {
    const a = await capture(['run', TINY, '--steps', '20', '--eval-every', '10', '--json']);
    const b = await capture(['run', TINY, '--steps', '20', '--eval-every', '10', '--json']);
    expect(withoutTiming(a.out)).toEqual(withoutTiming(b.out));
  });

  it('a bad query prints each correction to stderr and still runs the nearest valid config', async () => {
    const { code, out, err } = await capture(['run', `${TINY}&lr=abc&pairs=-3&foo=1`, '--steps', '5', '--json']);
    expect(code).toBe(0);
    expect(err).toEqual(expect.arrayContaining([
      'correction: lr=abc is not a number: using 0.002',
      'correction: pairs=-3 is below 8: using 8',
      'correction: unknown setting "foo" ignored',
    ]));
    expect(out).toHaveLength(1);
  });

  it('the table has a header with every key and one aligned row per evaluation', async () => {
    const { code, out } = await capture(['run', TINY, '--steps', '10', '--eval-every', '5']);
    expect(code).toBe(0);
    const table = out.filter((l) => !l.startsWith('#'));
    expect(table[0].trim().split(/\s+/)).toEqual([...ROW_KEYS]);
    expect(table).toHaveLength(3);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });

  it('bad flags print the usage and exit with code 2', async () => {
    for (const argv of [['run', '--steps'], ['run', '--steps', '-1'], ['run', '--engine', 'tpu'], ['run', '--what'], ['run', 'a', 'b'], ['frobnicate'], []]) {
      const { code, err, out } = await capture(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect([...err, ...out].join('\n'), argv.join(' ')).toContain('Usage:');
    }
    expect((await capture(['run', '--help'])).code).toBe(0);
  });

  it('evaluationSteps() evaluates every K steps and always at the end', () => {
    expect(evaluationSteps(25, 10)).toEqual([10, 20, 25]);
    expect(evaluationSteps(20, 10)).toEqual([10, 20]);
    expect(evaluationSteps(7, null)).toEqual([7]);
    expect(evaluationSteps(0, null)).toEqual([0]);
  });

  it('bin/flowvar.mjs runs in a fresh process: JSON on stdout, exit 0; a bad flag exits 2 without a stack trace', () => {
    const bin = fileURLToPath(new URL('../../bin/flowvar.mjs', import.meta.url));
    const ok = spawnSync(process.execPath, [bin, 'run', TINY, '--steps', '3', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(Object.keys(JSON.parse(ok.stdout.trim()))).toEqual([...ROW_KEYS]);
    const bad = spawnSync(process.execPath, [bin, 'run', '--steps', 'many'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--steps "many" is not a whole number');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
