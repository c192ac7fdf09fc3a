// Weights in and out of the CLI (docs/cli.md#weights): a file the page saves loads into
// `flowvar run --load-weights`, trains on exactly as the uninterrupted run would, and the file
// `--save-weights` writes loads back in the page's decoder: page → CLI → page, bit for bit.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { CpuTrainer } from '../../src/engine/cpuTrainer';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { decodeWeightsFile, encodeWeightsFile } from '../../src/link/weightsFile';
import { encodeConfig } from '../../src/link/url';
import { nodeMlpKernel } from '../../src/node/wasmKernel';
import { english } from '../../src/i18n/message';

const CONFIG: RunConfig = { ...defaultConfig(), seed: 5, pairs: 16, width: 16, depth: 2, batch: 32, sigma: 0.1, particles: 32, odeSteps: 4, steps: 100, schedule: 'cosine' };
const SAVED_AT = 40, UNTIL = 60;
const dir = mkdtempSync(join(tmpdir(), 'flowvar-weights-'));

async function capture(argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, rows: code === 0 && argv.includes('--json') ? out.map((l) => JSON.parse(l)) : [] };
}

describe('--load-weights and --save-weights', () => {
  // what the page's "Save weights" writes at step 40 (the same encoder), on the WebAssembly kernel
  const page = new CpuTrainer(CONFIG, nodeMlpKernel(1));
  page.stepSync(SAVED_AT);
  const pageFile = join(dir, 'page.json');
  writeFileSync(pageFile, encodeWeightsFile({ ...page.trainStateSync(), config: CONFIG }, encodeConfig(CONFIG)));
  page.stepSync(UNTIL - SAVED_AT);
  const straight = page.trainStateSync();

  it('page → CLI → page: the CLI continues from step 40 to 60 and saves θ, moments and step equal to the uninterrupted run', async () => {
    const saved = join(dir, 'cli.json');
    const { code, rows, err } = await capture(['run', '--load-weights', pageFile, '--steps', String(UNTIL), '--save-weights', saved, '--json']);
    expect(code, err.join('\n')).toBe(0);
    expect(rows.map((r) => r.step)).toEqual([UNTIL]);
    expect(rows[0].link).toBe(encodeConfig(CONFIG));
    const back = decodeWeightsFile(readFileSync(saved, 'utf8'));
    if (!back.ok) throw new Error(english(back.reason));
    expect(back.file.step).toBe(UNTIL);
    expect(back.file.config).toEqual(CONFIG);
    expect(back.file.theta).toEqual(straight.theta);
    expect(back.file.m).toEqual(straight.m);
    expect(back.file.v).toEqual(straight.v);
    // and the row is the one `flowvar run` prints for the same link and steps, trained in one go
    const [alone] = (await capture(['run', encodeConfig(CONFIG), '--steps', String(UNTIL), '--json'])).rows;
    expect({ ...rows[0], stepsPerSec: 0 }).toEqual({ ...alone, stepsPerSec: 0 });
  });

  it('--steps 0 evaluates the loaded weights at their step without training', async () => {
    const { code, rows } = await capture(['run', '--load-weights', pageFile, '--steps', '0', '--json']);
    expect(code).toBe(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ step: SAVED_AT, loss: null, gradVar: null, stepsPerSec: null });
    const [trained] = (await capture(['run', encodeConfig(CONFIG), '--steps', String(SAVED_AT), '--json'])).rows;
    expect(rows[0].reproduction).toBe(trained.reproduction);
    expect(rows[0].slicedW2).toBe(trained.slicedW2);
  });

  it('a missing, foreign or misfitting file is one line and no rows', async () => {
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, '{"format":"something-else"}');
    const cases: [string[], number, RegExp][] = [
      [['run', '--load-weights', join(dir, 'nope.json')], 1, /^flowvar run: --load-weights .*nope\.json: ENOENT/],
      [['run', '--load-weights', foreign], 1, /^flowvar run: --load-weights .*foreign\.json: format is "something-else", not "flowvar-weights"$/],
      [['run', 'depth=2&width=32', '--load-weights', pageFile], 2, /^flowvar run: --load-weights .*page\.json: the file holds \d+ parameters, the link's 2 × 32 network has \d+/],
      [['run', 'compare=sigma', '--load-weights', pageFile], 2, /^flowvar run: --load-weights and --save-weights take a single run, not a compare link$/],
      [['run', encodeConfig(CONFIG), '--steps', '1', '--save-weights', '/nonexistent/dir/w.json'], 1, /^flowvar run: --save-weights \/nonexistent\/dir\/w\.json: ENOENT/],
    ];
    for (const [argv, exit, message] of cases) {
      const { code, out, err } = await capture([...argv, '--json']);
      expect(code, argv.join(' ')).toBe(exit);
      expect(err.filter((l) => l.startsWith('flowvar run: '))[0], argv.join(' ')).toMatch(message);
      if (exit === 2) expect(out).toEqual([]);
    }
  });
});
