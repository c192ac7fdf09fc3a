// The script's output is flowvar's CLI contract: JSON Lines on stdout with exactly the keys and key
// order of `flowvar run --json` (engine "pytorch"), progress on stderr; --dim / --data append the
// D-dimensional keys after them, and --data trains on a file's rows under a fixed shuffled pairing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIM_KEY_DOCS, ROW_KEY_DOCS } from '../../src/export/rowKeys';
import { FLOWVAR_VERSION } from '../../src/export/pytorchScript';
import { runCommand, runScript, tempDir, torchPython, writeScript, PY_TIMEOUT_MS } from './torchPython';

/** The keys of a `flowvar run --json` row, in order. */
const RUN_ROW_KEYS = ROW_KEY_DOCS.map(([k]) => k);

const LINK = 'pairs=32&width=16&depth=1&batch=32&particles=64&odeSteps=4&sigma=0.05&bogus=1';
const CANONICAL = 'v=1&seed=1&pairs=32&sigma=0.05&width=16&depth=1&batch=32&odeSteps=4&particles=64';
const DIM_KEYS = DIM_KEY_DOCS.map(([k]) => k);

describe('rows of the exported script', { timeout: PY_TIMEOUT_MS }, () => {
  const dir = tempDir();
  const script = writeScript(LINK, dir);

  it('stdout holds only JSON rows with the contract\'s keys in order; progress goes to stderr', () => {
    const py = runScript(script, ['--steps', '6', '--eval-every', '3', '--threads', '1']);
    expect(py.status, py.stderr).toBe(0);
    const lines = py.stdout.trim().split('\n');
    expect(lines.length).toBe(2);
    expect(py.rows.map((r) => Object.keys(r))).toEqual([RUN_ROW_KEYS, RUN_ROW_KEYS]);
    expect(py.rows.map((r) => r.step)).toEqual([3, 6]);
    expect(py.rows[1]).toMatchObject({
      run: null, seed: 1, sigma: 0.05, link: CANONICAL, engine: 'pytorch', version: FLOWVAR_VERSION, corrections: 1, chance: 1 / 32,
    });
    expect(py.rows[1].device).toMatch(/^cpu \(torch \d+\.\d+, 1 threads\)$/);
    for (const key of ['loss', 'gradVar', 'reproduction', 'slicedW2', 'gaussianW2', 'stepsPerSec'] as const) expect(typeof py.rows[1][key], key).toBe('number');
    expect(py.stderr).toMatch(/^# flowvar export v=1&seed=1&pairs=32/m);
  });

  it('--dim 3 appends dim, pairedL2, otPairedL2, mmdFresh, mmdTrain and leaves the 2-D distances null', () => {
    const py = runScript(script, ['--steps', '4', '--dim', '3', '--threads', '1', '--quiet']);
    expect(py.status, py.stderr).toBe(0);
    expect(py.stderr).toBe('');
    const row = py.rows[0];
    expect(Object.keys(row)).toEqual([...RUN_ROW_KEYS, ...DIM_KEYS]);
    expect(row).toMatchObject({ dim: 3, slicedW2: null, gaussianW2: null, otCost: null });
    for (const key of ['pairedL2', 'otPairedL2', 'mmdFresh', 'mmdTrain', 'straightness'] as const) expect(row[key], key).toBeGreaterThan(0);
  });

  it('--data FILE.csv trains on its rows: the link\'s N pairs, the other rows held out for mmdFresh', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [Math.cos(i), Math.sin(i), i / 40].join(','));
    writeFileSync(join(dir, 'targets.csv'), rows.join('\n'));
    const py = runScript(script, ['--steps', '4', '--data', join(dir, 'targets.csv'), '--threads', '1', '--quiet']);
    expect(py.status, py.stderr).toBe(0);
    // 32 of the 40 rows train (the link's pairs), 8 are the held-out targets
    expect(py.rows[0]).toMatchObject({ dim: 3, chance: 1 / 32 });
    expect(py.rows[0].mmdFresh).toBeGreaterThan(0);
  });

  it('the exact assignment behind --data with coupling=ot (and otPairedL2) equals brute force on 40 random costs', () => {
    // the script's module imports only numpy until main() runs, so its functions load without torch
    const check = [
      'import itertools, runpy, numpy as np',
      `h = runpy.run_path(${JSON.stringify(script)}, run_name="export")["hungarian"]`,
      'rng = np.random.default_rng(3)',
      'for _ in range(40):',
      '    n = int(rng.integers(1, 7)); c = rng.normal(size=(n, n)); m = h(c)',
      '    best = min(sum(c[i, p[i]] for i in range(n)) for p in itertools.permutations(range(n)))',
      '    assert sorted(m) == list(range(n)) and abs(sum(c[i, m[i]] for i in range(n)) - best) < 1e-9, (c, m)',
      'print("ok")',
    ].join('\n');
    const py = runCommand(torchPython(), ['-c', check]);
    expect(py.stderr).toBe('');
    expect(py.stdout.trim()).toBe('ok');
  });
});
