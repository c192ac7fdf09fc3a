// Bad input to the exported script: a clear message on stderr and exit code 2, never a traceback
// (torch too old, --dim < 2, --data malformed, a bad option). The torch check runs before any work,
// so a fake `torch` module with an old version shows it without installing one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, tempDir, writeScript, PY_TIMEOUT_MS } from './torchPython';

const dir = tempDir();
const script = writeScript('pairs=16&width=16&depth=1&batch=16&particles=16&odeSteps=2', dir);
const file = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };

const CASES: [string, string[], RegExp][] = [
  ['--dim 1', ['--dim', '1'], /--dim 1: the dimension must be at least 2/],
  ['a file with a NaN', ['--data', file('nan.csv', '1,2\n3,nan\n5,6\n')], /row 1 holds NaN or infinity/],
  ['an empty file', ['--data', file('empty.csv', '')], /needs at least 2 rows, has 0|cannot read it/],
  ['one column', ['--data', file('one.csv', '1\n2\n3\n')], /needs D >= 2 columns, has 1/],
  ['ragged rows', ['--data', file('ragged.csv', '1,2\n3\n')], /cannot read it/],
  ['an unknown extension', ['--data', file('x.txt', '1,2\n')], /use a \.npy, \.pt or \.csv file/],
  ['--data that does not match --dim', ['--data', file('ok.csv', '1,2\n3,4\n5,6\n'), '--dim', '3'], /has D = 2 columns but --dim is 3/],
  ['a weights file for another network', ['--resume', file('w.json', '{"format":"flowvar-weights","version":2,"theta":[1,2]}')], /theta is not \d+ finite numbers/],
  ['--sigmas out of range', ['--sigmas', '0,5'], /each sigma must lie in 0 \.\.\. 2/],
  ['an unknown option', ['--nope'], /unrecognized arguments: --nope/],
];

describe('the exported script refuses bad input with exit code 2', { timeout: PY_TIMEOUT_MS }, () => {
  it.each(CASES)('%s', (_name, args, message) => {
    const py = runScript(script, ['--steps', '2', '--quiet', ...args]);
    expect(py.stderr).toMatch(message);
    expect(py.stderr).not.toContain('Traceback');
    expect(py.status).toBe(2);
  });

  it('torch older than 1.13 (a stand-in torch module first on the path)', () => {
    const fake = join(dir, 'oldtorch');
    mkdirSync(join(fake, 'torch'), { recursive: true });
    writeFileSync(join(fake, 'torch', '__init__.py'), '__version__ = "1.12.1"\n');
    const py = runScript(script, [], { PYTHONPATH: fake });
    expect(py.stderr).toMatch(/torch 1\.12\.1 is too old: this script needs torch >= 1\.13/);
    expect(py.status).toBe(2);
  });
});
