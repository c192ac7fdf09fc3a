// A results file beside the live run: JSON Lines of flowvar run, sweep (with seeds) and the
// PyTorch export read into an overlay, and malformed or foreign files refused with line and reason.
import { describe, expect, it } from 'vitest';
import { readResultsText, overlayLabel } from '../../src/state/resultsFile';
import { createAppStore } from '../../src/state/store';
import { setResultsOverlay, shownOverlay, setOverlayHidden, removeResultsOverlay } from '../../src/state/overlaySlice';
import { encodeConfig } from '../../src/link/url';
import { ROW_KEYS } from '../../src/cli/rows';
import { english } from '../../src/i18n/message';

/** A row with every key of the row contract (docs/cli.md#keys), then `extra`. */
function row(step: number, extra: Record<string, unknown> = {}): string {
  const base = Object.fromEntries(ROW_KEYS.map((k) => [k, null])) as Record<string, unknown>;
  return JSON.stringify({ ...base, step, loss: 1 / (1 + step), gradVar: 100 / (1 + step), reproduction: 0.5, slicedW2: 0.2, link: 'v=1&seed=1&pairs=16', engine: 'cpu', sigma: 0, seed: 1, ...extra });
}

describe('results file', () => {
  it('flowvar run rows become one curve in the gradient-variance panel, labelled with file, engine and link', () => {
    const r = readResultsText('run.jsonl', [row(100), row(200), row(300)].join('\n') + '\n');
    if (!r.ok) throw new Error(english(r.reason));
    expect(r.overlay).toMatchObject({ panel: 'gradvar', rows: 3, engine: 'cpu', link: 'v=1&seed=1&pairs=16' });
    expect(r.overlay.curves).toHaveLength(1);
    expect(r.overlay.curves[0].steps).toEqual([100, 200, 300]);
    expect(r.overlay.curves[0].gradVar[2]).toBeCloseTo(100 / 301, 12);
    expect(overlayLabel(r.overlay, english)).toBe('run.jsonl · cpu · v=1&seed=1&pairs=16');
  });

  it('a sweep with 3 seeds goes to the sweep panel: per σ the file\'s mean and std rows at the last step', () => {
    const lines: string[] = [];
    for (const step of [50, 100]) for (const sigma of [0, 0.1, 1]) {
      for (const seed of [1, 2, 3]) lines.push(row(step, { sigma, seed, run: `sigma=${sigma} seed=${seed}`, reproduction: 0.9 - sigma / 2 + seed / 100, lossTail: 1, gradVarTail: 2 }));
      lines.push(row(step, { sigma, seed: null, run: 'mean', reproduction: 0.9 - sigma / 2 + 0.02, lossTail: 1, gradVarTail: 2 }));
      lines.push(row(step, { sigma, seed: null, run: 'std', reproduction: 0.01, slicedW2: 0.03, lossTail: 0, gradVarTail: 0 }));
    }
    const r = readResultsText('sweep.jsonl', lines.join('\n'));
    if (!r.ok) throw new Error(english(r.reason));
    expect(r.overlay.panel).toBe('sweep');
    expect(r.overlay.sigmas.map((s) => s.sigma)).toEqual([0, 0.1, 1]);
    expect(r.overlay.sigmas[2]).toEqual({ sigma: 1, reproduction: 0.9 - 0.5 + 0.02, slicedW2: 0.2, reproductionStd: 0.01, slicedW2Std: 0.03 });
    expect(r.overlay.curves.map((c) => c.label)).toEqual(['sigma=0 mean', 'sigma=0.1 mean', 'sigma=1 mean']);
  });

  it('a sweep without summary rows: mean and sample std over the seeds at each σ\'s last step', () => {
    const lines = [1, 2].flatMap((seed) => [0, 0.5].map((sigma) => row(10, { sigma, seed, run: `sigma=${sigma} seed=${seed}`, reproduction: seed / 4, lossTail: 1, gradVarTail: 1 })));
    const r = readResultsText('s.jsonl', lines.join('\n'));
    if (!r.ok) throw new Error(english(r.reason));
    expect(r.overlay.sigmas[0].reproduction).toBeCloseTo(0.375, 12);
    expect(r.overlay.sigmas[0].reproductionStd).toBeCloseTo(Math.SQRT1_2 / 4, 12);
  });

  it('the PyTorch export\'s rows (engine pytorch) read like the CLI\'s', () => {
    const r = readResultsText('torch.jsonl', [row(1, { engine: 'pytorch' }), row(2, { engine: 'pytorch' })].join('\r\n'));
    expect(r.ok && r.overlay.engine).toBe('pytorch');
  });

  const BAD: [string, string, RegExp][] = [
    ['empty', '', /no rows/],
    ['broken JSON on line 3', `${row(1)}\n${row(2)}\n{"step": 3, "loss"`, /^line 3 is not JSON/],
    ['a JSON array line', `${row(1)}\n[1,2]`, /^line 2 is not a JSON object/],
    ['foreign JSON Lines', '{"event":"click","t":1}\n{"event":"move","t":2}', /^line 1 is not a flowvar results row: it has no step, loss, gradVar/],
    ['a step that is text', row(1).replace('"step":1', '"step":"1"'), /^line 1: step is "1", not a number or null/],
    ['a negative step', row(1).replace('"step":1', '"step":-4'), /^line 1: step is -4, not a whole number/],
    ['loss as text', row(1).replace(/"loss":[^,]+/, '"loss":"low"'), /^line 1: loss is "low"/],
    ['a points CSV', 'x,y\n1,2', /^line 1 is not JSON/],
    ['a weights file', '{"format":"flowvar-weights","version":2}', /no step, loss, gradVar/],
    ['over 20 MB', 'x'.repeat(21 * 1024 * 1024), /21\.0 MB; a results file may hold up to 20 MB/],
  ];
  it.each(BAD)('refuses %s with the line and the reason', (_name, text, says) => {
    const r = readResultsText('bad.jsonl', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.reason)).toMatch(says);
  });

  it('the overlay is shown, hidden, removed, and never enters the link', () => {
    const store = createAppStore();
    const before = encodeConfig(store.getState().config);
    const r = readResultsText('run.jsonl', row(5));
    if (!r.ok) throw new Error(english(r.reason));
    setResultsOverlay(r.overlay, store);
    expect(shownOverlay(store.getState(), 'gradvar')).toBe(r.overlay);
    expect(shownOverlay(store.getState(), 'sweep')).toBeNull();
    setOverlayHidden(true, store);
    expect(shownOverlay(store.getState(), 'gradvar')).toBeNull();
    removeResultsOverlay(store);
    expect(store.getState().resultsOverlay).toBeNull();
    expect(encodeConfig(store.getState().config)).toBe(before);
  });
});
