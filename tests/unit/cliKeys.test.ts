// One meaning per key and per flag across the commands (docs/cli.md#keys): every key any command
// prints sits in the documented table, the table starts with the row contract, and `--steps` means
// the same in run, sweep and reflow (checked with a cosine schedule, where a rescaled schedule
// would give other numbers).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { ROW_KEYS } from '../../src/cli/rows';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TINY = 'seed=4&pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4';

/** The rows of docs/cli.md's key table: key and the commands that print it. */
function documentedKeys(): { key: string; commands: string }[] {
  const text = readFileSync(`${ROOT}/docs/cli.md`, 'utf8');
  const section = text.slice(text.indexOf('\n## Keys\n'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| key |')));
  return [...table.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => ({ key: m[1], commands: m[2].trim() }));
}

async function rows(argv: string[]): Promise<Record<string, unknown>[]> {
  const out: string[] = [];
  const code = await main([...argv, '--json'], { out: (l) => out.push(l), err: () => {} });
  expect(code, argv.join(' ')).toBe(0);
  return out.map((l) => JSON.parse(l));
}

describe('the key table of docs/cli.md', () => {
  it('starts with the row contract, in its order', () => {
    expect(documentedKeys().slice(0, ROW_KEYS.length).map((k) => k.key)).toEqual([...ROW_KEYS]);
  });

  const commands: [string, string[]][] = [
    ['run', ['run', TINY, '--steps', '3']],
    ['run', ['run', `${TINY}&compare=width:32`, '--steps', '3']],
    ['sweep', ['sweep', TINY, '--sigmas', '0,0.1', '--seeds', '2', '--steps', '3']],
    ['reflow', ['reflow', TINY, '--rounds', '1', '--steps', '3']],
    ['grid', ['grid', TINY, '--vary', 'width=16,32', '--seeds', '2', '--steps', '3']],
  ];
  for (const [command, argv] of commands) {
    it(`documents every key that \`${argv.slice(0, 2).join(' ')}\` prints, as a key of ${command}`, async () => {
      const table = new Map(documentedKeys().map((k) => [k.key, k.commands]));
      for (const row of await rows(argv)) {
        for (const key of Object.keys(row)) {
          expect(table.has(key), `docs/cli.md lacks the key ${key}`).toBe(true);
          const scope = table.get(key)!;
          expect(scope === 'all' || scope.split(/,\s*/).includes(command), `${key} is not documented for ${command}`).toBe(true);
        }
      }
    });
  }
});

describe('--steps means the same in every command', () => {
  // a cosine schedule over the link's 60 steps, trained for 20: run, sweep and reflow agree
  const LINK = `${TINY}&schedule=cosine&steps=60&lr=0.01`;
  const contract = (r: Record<string, unknown>) => Object.fromEntries(ROW_KEYS.filter((k) => k !== 'stepsPerSec' && k !== 'run').map((k) => [k, r[k]]));

  it('run, sweep and reflow --steps 20 train the first 20 steps of the link\'s 60-step schedule', async () => {
    const [run] = await rows(['run', LINK, '--steps', '20']);
    const [sweep] = await rows(['sweep', LINK, '--sigmas', '0', '--steps', '20']);
    const [reflow] = await rows(['reflow', LINK, '--rounds', '0', '--steps', '20']);
    expect(contract(sweep)).toEqual(contract(run));
    expect(contract(reflow)).toEqual(contract(run));
    // the check can fail: a schedule rescaled to 20 steps trains other numbers
    const [rescaled] = await rows(['run', LINK.replace('steps=60', 'steps=20'), '--steps', '20']);
    expect(rescaled.partnerDistance).not.toBe(run.partnerDistance);
  });
});
