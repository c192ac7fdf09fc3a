// `flowvar run` as a script sees it (docs/cli.md): the row contract with its identity keys,
// corrections counted in every row and fatal under --strict, one-line flag errors that name the
// bound, a header that pastes back into a shell, CSV and --out, --version.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { METRIC_KEYS, ROW_KEYS } from '../../src/cli/rows';
import { evaluationSteps, shellWord } from '../../src/cli/common';

const TINY = 'seed=2&pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

async function capture(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Rows without the wall-clock throughput, the one figure that may change run to run. */
const withoutTiming = (lines: string[]) => lines.map((l) => ({ ...JSON.parse(l), stepsPerSec: 0 }));

describe('flowvar run', () => {
  it('--json prints one row per evaluation: the contract\'s keys in order, ending with the run\'s identity', async () => {
    const { code, out, err } = await capture(['run', TINY, '--steps', '30', '--eval-every', '10', '--json']);
    expect(code).toBe(0);
    expect(err.filter((l) => !l.startsWith('#'))).toEqual([]);
    const rows = out.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.step)).toEqual([10, 20, 30]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual([...ROW_KEYS]);
      expect(r.loss).toBeGreaterThan(0);
      expect(r.chance).toBe(1 / 8);
      expect(r).toMatchObject({ run: null, seed: 2, sigma: 0, engine: 'cpu', version: VERSION, corrections: 0 });
      expect(r.link).toBe('v=1&seed=2&pairs=8&width=16&depth=1&batch=16&odeSteps=4&particles=32');
      expect(r.device).toMatch(/^CPU \(WebAssembly SIMD, \d+ threads?\)$/);
    }
  });

  it('the same link gives the same numbers run after run, and the row\'s own link reproduces it', async () => {
    const a = await capture(['run', TINY, '--steps', '20', '--eval-every', '10', '--json']);
    const b = await capture(['run', TINY, '--steps', '20', '--eval-every', '10', '--json']);
    expect(withoutTiming(a.out)).toEqual(withoutTiming(b.out));
    const again = await capture(['run', JSON.parse(a.out[1]).link, '--steps', '20', '--json']);
    expect(withoutTiming(again.out)).toEqual(withoutTiming(a.out.slice(1)));
  });

  it('a corrected link runs the nearest valid config, lists each correction on stderr once and counts them in every row', async () => {
    const { code, out, err } = await capture(['run', `${TINY.replace('pairs=8&', '')}&lr=abc&pairs=-3&foo=1`, '--steps', '5', '--json']);
    expect(code).toBe(0);
    expect(err.filter((l) => l.startsWith('correction: '))).toEqual([
      'correction: lr=abc is not a number: using 0.002',
      'correction: pairs=-3 is below 8: using 8',
      'correction: unknown setting "foo" ignored',
    ]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]).corrections).toBe(3);
  });

  // the hostile command lines of the CLI issue: each used to train a different run and exit 0
  for (const [link, correction] of [
    ['sigam=0.3&pairs=64&width=32', 'unknown setting "sigam" ignored'],
    ['Sigma=0.3&pairs=64&width=32', 'unknown setting "Sigma" ignored'],
    ['pairs=0x40&width=32', 'pairs=0x40 is not a number: using 512'],
    ['compare=seed:2&pairs=64&width=32', 'compare=seed:2: compare one of sigma, interpolant, width, lr, phi; showing a single run'],
  ]) {
    it(`--strict refuses ${link}: exit 2, the correction listed, nothing trained`, async () => {
      const { code, out, err } = await capture(['run', link, '--steps', '5', '--json', '--strict']);
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toEqual([
        `correction: ${correction}`,
        'flowvar run: --strict: the link needed 1 correction (listed above); fix the link or drop --strict',
        'see `flowvar run --help`',
      ]);
    });
  }

  it('--strict is the same in sweep, grid and reflow: the typo is exit 2, nothing trained', async () => {
    for (const argv of [['sweep', '--sigmas', '0'], ['grid', '--vary', 'width=16'], ['reflow', '--rounds', '0']]) {
      const { code, out, err } = await capture([argv[0], 'sigam=0.3&pairs=8', ...argv.slice(1), '--steps', '2', '--json', '--strict']);
      expect(code, argv[0]).toBe(2);
      expect(out).toEqual([]);
      expect(err[0]).toBe('correction: unknown setting "sigam" ignored');
      expect(err[1]).toMatch(new RegExp(`^flowvar ${argv[0]}: --strict: the link needed 1 correction`));
    }
  });

  it('--strict lets a clean link through', async () => {
    const { code, out } = await capture(['run', TINY, '--steps', '2', '--json', '--strict']);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]).corrections).toBe(0);
  });

  it('the table has a header with the metric keys and one aligned row per evaluation', async () => {
    const { code, out } = await capture(['run', TINY, '--steps', '10', '--eval-every', '5']);
    expect(code).toBe(0);
    const table = out.filter((l) => !l.startsWith('#'));
    expect(table[0].trim().split(/\s+/)).toEqual([...METRIC_KEYS]);
    expect(table).toHaveLength(3);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });

  it('the header is the command that reproduces the rows, and it pastes back into a shell word for word', async () => {
    const { err } = await capture(['run', `${TINY}&sigma=0.3`, '--steps', '4', '--json']);
    const header = err.find((l) => l.startsWith('# flowvar run '))!;
    const link = 'v=1&seed=2&pairs=8&sigma=0.3&width=16&depth=1&batch=16&odeSteps=4&particles=32';
    expect(header).toBe(`# flowvar run '${link}' --steps 4 --engine cpu`);
    const words = spawnSync('sh', ['-c', `printf '%s\\n' ${header.slice(2)}`], { encoding: 'utf8' }).stdout.trimEnd().split('\n');
    expect(words).toEqual(['flowvar', 'run', link, '--steps', '4', '--engine', 'cpu']);
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(err).toContainEqual(expect.stringMatching(/^# device: CPU \(WebAssembly SIMD/));
  });

  it('--csv prints a header with every key and one row per evaluation; --out writes them to a file', async () => {
    const csv = await capture(['run', TINY, '--steps', '6', '--eval-every', '3', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.out[0]).toBe(ROW_KEYS.join(','));
    expect(csv.out).toHaveLength(3);
    // a cell is bare or in double quotes (the device string has a comma)
    const cells = [...csv.out[1].matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, ROW_KEYS.length);
    expect(cells[ROW_KEYS.indexOf('device')]).toMatch(/^"CPU \(WebAssembly SIMD, \d+ threads?\)"$/);
    expect(cells.join(',')).toBe(csv.out[1]);
    expect(cells[ROW_KEYS.indexOf('run')]).toBe('');
    expect(cells[ROW_KEYS.indexOf('step')]).toBe('3');
    const file = join(mkdtempSync(join(tmpdir(), 'flowvar-')), 'rows.jsonl');
    const toFile = await capture(['run', TINY, '--steps', '6', '--eval-every', '3', '--json', '--out', file]);
    expect(toFile.code).toBe(0);
    expect(toFile.out).toEqual([]);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).step)).toEqual([3, 6]);
    expect(toFile.err.some((l) => l.startsWith('# flowvar run '))).toBe(true);
    const bad = await capture(['run', TINY, '--steps', '1', '--out', '/nonexistent/dir/rows.csv']);
    expect(bad.code).toBe(1);
    expect(bad.err.at(-1)).toMatch(/^flowvar run: --out \/nonexistent\/dir\/rows.csv: ENOENT/);
  });

  it('a bad flag prints one line naming the bound, then where the help is, and exits 2', async () => {
    const cases: [string[], string][] = [
      [['run', '--steps'], 'flowvar run: --steps needs a value'],
      [['run', '--steps', '-5'], 'flowvar run: --steps must be ≥ 0, not -5'],
      [['run', '--steps', 'many'], 'flowvar run: --steps must be a whole number ≥ 0, not "many"'],
      [['run', '--eval-every', '0'], 'flowvar run: --eval-every must be ≥ 1, not 0'],
      [['run', '--steps', '1e9'], 'flowvar run: --steps must be a whole number ≥ 0, not "1e9"'],
      [['run', '--steps', '99999999'], 'flowvar run: --steps must be ≤ 10000000, not 99999999'],
      [['run', '--engine', 'tpu'], 'flowvar run: --engine must be cpu or gpu, not "tpu"'],
      [['run', '--what'], 'flowvar run: unknown flag "--what"'],
      [['run', '--json=yes'], 'flowvar run: --json takes no value'],
      [['run', '--json', '--csv'], 'flowvar run: give --json or --csv, not both'],
      [['run', 'a', 'b'], 'flowvar run: give one link (quote it: "seed=3&sigma=0.1")'],
      [['sweep', '--sigmas', '0,9'], 'flowvar sweep: --sigmas: 9 must be in [0, 2]'],
      [['reflow', '--rounds', '99'], 'flowvar reflow: --rounds must be ≤ 20, not 99'],
      [['fields', '--jsn'], 'flowvar fields: unknown flag "--jsn"'],
    ];
    for (const [argv, message] of cases) {
      const { code, err, out } = await capture(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out, argv.join(' ')).toEqual([]);
      const command = argv[0];
      expect(err, argv.join(' ')).toEqual([message, `see \`flowvar ${command} --help\``]);
    }
    const unknown = await capture(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toEqual(['flowvar: unknown command "frobnicate" (one of run, sweep, grid, reflow, export, fields)', 'see `flowvar --help`']);
    expect((await capture([])).code).toBe(2);
    expect((await capture(['run', '--help'])).code).toBe(0);
  });

  it('--version prints package.json\'s version; fields --json prints one object per setting', async () => {
    expect(await capture(['--version'])).toEqual({ code: 0, out: [VERSION], err: [] });
    const fields = await capture(['fields', '--json']);
    expect(fields.code).toBe(0);
    const sigma = fields.out.map((l) => JSON.parse(l)).find((f) => f.setting === 'sigma');
    expect(sigma).toMatchObject({ setting: 'sigma', default: '0', range: '0 … 2' });
  });

  it('evaluationSteps() evaluates every K steps and always at the end', () => {
    expect(evaluationSteps(25, 10)).toEqual([10, 20, 25]);
    expect(evaluationSteps(20, 10)).toEqual([10, 20]);
    expect(evaluationSteps(7, null)).toEqual([7]);
    expect(evaluationSteps(0, null)).toEqual([0]);
  });

  it('bin/flowvar.mjs runs in a fresh process: JSON on stdout, exit 0; a bad flag exits 2 in two lines, no stack trace', () => {
    const bin = join(ROOT, 'bin/flowvar.mjs');
    const ok = spawnSync(process.execPath, [bin, 'run', TINY, '--steps', '3', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(Object.keys(JSON.parse(ok.stdout.trim()))).toEqual([...ROW_KEYS]);
    const bad = spawnSync(process.execPath, [bin, 'run', '--steps', 'many'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('flowvar run: --steps must be a whole number ≥ 0, not "many"\nsee `flowvar run --help`\n');
  });
});
