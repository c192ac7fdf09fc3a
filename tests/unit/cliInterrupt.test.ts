// A long sweep or reflow that is interrupted (docs/cli.md#flowvar-sweep, #flowvar-reflow): it
// streams its rows (and the sweep its progress lines) while it trains; SIGINT evaluates what has
// trained, prints those rows and exits 130, and the rows printed before it stay on stdout.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REFLOW_KEYS } from '../../src/cli/reflow';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs bin/flowvar.mjs with `args`, sends SIGINT once stderr matches `ready`; its exit code, stdout and stderr. */
async function interrupted(args: string[], ready: RegExp): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['bin/flowvar.mjs', ...args], { cwd: ROOT });
  let out = '', err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => { if (ready.test(err)) { clearInterval(poll); resolve(); } }, 50);
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out, err };
}

describe('flowvar sweep under SIGINT', () => {
  it('reports progress, then on SIGINT prints one partial row per σ at the step it reached and exits 130', async () => {
    // interrupt once a progress line said how far it is (the first evaluation is 10⁶ steps away)
    const { code, out, err } = await interrupted(['sweep', 'pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4', '--sigmas', '0,0.3', '--steps', '10000000', '--eval-every', '1000000', '--json'], /# progress: step \d+\/10000000 \(training, /);
    expect(code, err).toBe(130);
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    const partial = rows.filter((r) => r.partial);
    expect(rows).toEqual(partial);
    expect(partial.map((r) => r.sigma)).toEqual([0, 0.3]);
    expect(partial[0].step).toBeGreaterThan(0);
    expect(partial[0].step).toBeLessThan(1_000_000);
    expect(partial[1].step).toBe(partial[0].step);
    expect(err).toMatch(/# interrupted at step \d+: evaluating what has trained/);
  }, 60_000);
});

describe('flowvar reflow under SIGINT', () => {
  it('evaluates round 0 where it stopped, prints that one row and exits 130 without starting round 1', async () => {
    // "# 8 pairs; …" is printed just before round 0 trains its first 50-step chunk, which runs
    // before the signal can be handled: the round has trained when it stops
    const { code, out, err } = await interrupted(['reflow', 'coupling=rotated&pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4', '--rounds', '2', '--steps', '10000000', '--json'], /# 8 pairs; endpoints by euler 4\n/);
    expect(code, err).toBe(130);
    const rows = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual([...REFLOW_KEYS]);
    expect([rows[0].round, rows[0].run]).toEqual([0, 'round=0']);
    expect(rows[0].step).toBeGreaterThanOrEqual(50);
    expect(rows[0].step).toBeLessThan(10_000_000);
    expect(Number.isFinite(rows[0].lossTail) && Number.isFinite(rows[0].reproduction)).toBe(true);
    expect(err).toContain(`# interrupted in round 0 at step ${rows[0].step} of 10000000: its row is what had trained`);
    expect(err).not.toMatch(/# 3 rounds × /);
  }, 60_000);
});
