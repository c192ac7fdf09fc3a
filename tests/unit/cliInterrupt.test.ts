// A long sweep that is interrupted (docs/cli.md#flowvar-sweep): it streams its rows and progress
// lines while it trains; SIGINT evaluates what has trained, prints those rows marked partial and
// exits 130, and the rows printed before it stay on stdout.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('flowvar sweep under SIGINT', () => {
  it('reports progress, then on SIGINT prints one partial row per σ at the step it reached and exits 130', async () => {
    const child = spawn(process.execPath, ['bin/flowvar.mjs', 'sweep', 'pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4', '--sigmas', '0,0.3', '--steps', '10000000', '--eval-every', '1000000', '--json'], { cwd: ROOT });
    let out = '', err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    // interrupt once a progress line said how far it is (the first evaluation is 10⁶ steps away)
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => { if (/# progress: step \d+\/10000000 \(training, /.test(err)) { clearInterval(poll); resolve(); } }, 50);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
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
