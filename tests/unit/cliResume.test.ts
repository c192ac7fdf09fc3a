// `flowvar sweep --resume DIR` (docs/cli.md#flowvar-sweep): a sweep interrupted by SIGINT saves
// every model's state; the same command continues from there and ends with the rows of the
// uninterrupted sweep, bit for bit (stepsPerSec aside), appended to the same --out file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const ARGS = ['sweep', 'seed=3&pairs=8&width=16&depth=1&batch=16&particles=32&odeSteps=4', '--sigmas', '0,0.3', '--steps', '300', '--eval-every', '100', '--chunk', '7'];
const timeless = (rows: Record<string, unknown>[]): Record<string, unknown>[] => rows.map((r) => ({ ...r, stepsPerSec: 0 }));

describe('flowvar sweep --resume', () => {
  it('continues an interrupted sweep to the rows of the uninterrupted one, appending to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowvar-resume-'));
    const out = join(dir, 'rows.csv'), state = join(dir, 'state');
    const straight: string[] = [];
    expect(await main([...ARGS, '--json'], { out: (l) => straight.push(l), err: () => {} })).toBe(0);
    const want = straight.map((l) => JSON.parse(l));

    // first part: SIGINT once the step-100 rows are written (the handler runs between blocks)
    const err: string[] = [];
    let sent = false;
    const first = await main([...ARGS, '--csv', '--out', out, '--resume', state], {
      out: () => {}, err: (l) => {
        err.push(l);
        if (!sent && l.startsWith('# device:')) { sent = true; setTimeout(() => process.emit('SIGINT'), 0); }
      },
    });
    expect(first, err.join('\n')).toBe(130);
    expect(err.some((l) => l.startsWith(`# saved the state in ${state}`))).toBe(true);
    const second: string[] = [];
    expect(await main([...ARGS, '--csv', '--out', out, '--resume', state], { out: () => {}, err: (l) => second.push(l) })).toBe(0);
    expect(second.some((l) => /^# resumed from .* at step \d+$/.test(l))).toBe(true);

    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(lines.filter((l) => l.startsWith('step,'))).toHaveLength(1);
    const rows = lines.slice(1).map((l) => {
      const cells = [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, header.length);
      return Object.fromEntries(header.map((k, i) => [k, cells[i]]));
    });
    expect(rows.some((r) => r.partial === 'true')).toBe(true);
    // the rows after the resume end with the uninterrupted sweep's last evaluation, equal number for number
    const last = rows.slice(-2);
    const final = timeless(want.slice(-2));
    for (const [i, r] of last.entries()) {
      for (const key of ['step', 'loss', 'gradVar', 'reproduction', 'partnerDistance', 'slicedW2', 'lossTail', 'gradVarTail']) {
        expect(Number(r[key]), `${r.run} ${key}`).toBe(final[i][key]);
      }
    }
  });

  it('refuses a state of another sweep and --resume on the GPU engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowvar-resume-'));
    expect(await main([...ARGS.slice(0, 4), '--steps', '10', '--json', '--resume', dir], { out: () => {}, err: () => {} })).toBe(0);
    const err: string[] = [];
    expect(await main([...ARGS.slice(0, 4), '--steps', '20', '--json', '--resume', dir], { out: () => {}, err: (l) => err.push(l) })).toBe(2);
    expect(err.find((l) => l.startsWith('flowvar sweep: '))).toMatch(/^flowvar sweep: --resume .* holds the state of another sweep: flowvar sweep .* --steps 10 /);
    const gpu: string[] = [];
    expect(await main([...ARGS, '--engine', 'gpu', '--resume', dir], { out: () => {}, err: (l) => gpu.push(l) })).toBe(2);
    expect(gpu[0]).toBe('flowvar sweep: --resume works with --engine cpu (the batched GPU sweep keeps no per-model state)');
  });
});
