// The exported PyTorch script as text: generated from the config table (a setting the script never
// reads fails here), its docstring says the link, the version, how to run it and every output key,
// and its rows keep the key order of the row contract (docs/cli.md). Also `flowvar export` itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from '../../src/engine/runConfig';
import { pytorchScript, FLOWVAR_VERSION } from '../../src/export/pytorchScript';
import { loadScriptTemplate } from '../../src/node/scriptTemplate';
import { DIM_KEY_DOCS, ROW_KEY_DOCS } from '../../src/export/rowKeys';
import { ROW_KEYS } from '../../src/cli/rows';
import { main } from '../../src/cli/main';
import { tempDir } from './torchPython';

/** The keys of a `flowvar run --json` row, in order. */
const RUN_ROW_KEYS = ROW_KEY_DOCS.map(([k]) => k);

/** The row contract fixed for every `flowvar run --json` row (docs/cli.md). */
const CONTRACT = ['step', 'loss', 'gradVar', 'reproduction', 'chance', 'partnerDistance', 'slicedW2', 'gaussianW2',
  'straightness', 'transportCost', 'otCost', 'stepsPerSec', 'run', 'seed', 'sigma', 'link', 'engine', 'device', 'version', 'corrections'];

const template = loadScriptTemplate();
const code = template.slice(template.indexOf('"""', 4) + 3);

describe('the script template', () => {
  it.each(CONFIG_KEYS)('reads the setting %s in its code (a setting the export ignores fails here)', (key) => {
    expect(code).toContain(`"${key}"`);
  });

  it('writes the row contract\'s keys in order, the keys of `flowvar run` (src/cli/rows.ts)', () => {
    expect(RUN_ROW_KEYS).toEqual(CONTRACT);
    expect(CONTRACT).toEqual([...ROW_KEYS]);
  });
});

describe('pytorchScript', () => {
  const link = '?coupling=rotated&pairs=64&sigma=0.05&width=32&seed=7&bogus=1';
  const { text, link: canonical, corrections } = pytorchScript(template, link);
  const doc = text.slice(0, text.indexOf('"""', 4));

  it('opens with a docstring holding the link, the version, how to run it and every output key', () => {
    expect(canonical).toBe('v=1&seed=7&coupling=rotated&pairs=64&sigma=0.05&width=32');
    expect(doc).toContain(`Link: ${canonical}`);
    expect(doc).toContain(`flowvar ${FLOWVAR_VERSION}`);
    for (const how of ['python run.py', 'torchrun --nproc_per_node=N run.py', '--device cuda']) expect(doc).toContain(how);
    for (const key of [...CONTRACT, ...DIM_KEY_DOCS.map(([k]) => k)]) expect(doc).toMatch(new RegExp(`^  ${key} +\\S`, 'm'));
    for (const key of CONFIG_KEYS) expect(doc).toMatch(new RegExp(`^  ${key} = `, 'm'));
    expect(text).not.toMatch(/__[A-Z_]+__/);
  });

  it('carries the decoded config and the corrections count', () => {
    const config = JSON.parse(JSON.parse(/^CONFIG = json\.loads\((.*)\)$/m.exec(text)![1]) as string) as Record<string, unknown>;
    expect(config).toMatchObject({ seed: 7, coupling: 'rotated', pairs: 64, sigma: 0.05, width: 32, depth: 3 });
    expect(Object.keys(config)).toEqual(CONFIG_KEYS);
    expect(corrections.length).toBe(1);
    expect(text).toMatch(/^CORRECTIONS = 1$/m);
  });

  it('refuses a template with a placeholder it does not know', () => {
    expect(() => pytorchScript('x = __NOPE__', '')).toThrow(/unknown placeholder __NOPE__/);
  });
});

describe('flowvar export', () => {
  const capture = () => {
    const out: string[] = [], err: string[] = [];
    return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
  };

  it('writes the script to --out and says how to run it; stdout without --out', async () => {
    const file = join(tempDir(), 'run.py');
    const a = capture();
    expect(await main(['export', 'pairs=32&sigma=0.3', '--out', file], a.io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Link: v=1&seed=1&pairs=32&sigma=0.3');
    expect(a.err.join('\n')).toMatch(/wrote .*run\.py: python .*run\.py/);
    const b = capture();
    expect(await main(['export', 'pairs=32&sigma=0.3'], b.io)).toBe(0);
    expect(b.out.join('\n') + '\n').toBe(readFileSync(file, 'utf8'));
  });

  it('exits 2 on a bad command line and 1 when the file cannot be written', async () => {
    const a = capture();
    expect(await main(['export', 'a=1', 'b=2'], a.io)).toBe(2);
    expect(await main(['export', '--nope'], a.io)).toBe(2);
    expect(a.err.join('\n')).toMatch(/one query string[\s\S]*Unknown option '--nope'/);
    const b = capture();
    expect(await main(['export', '', '--out', '/nonexistent-dir/run.py'], b.io)).toBe(1);
    expect(b.err[0]).toMatch(/cannot write \/nonexistent-dir\/run\.py/);
  });
});
