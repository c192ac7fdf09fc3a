// A results file beside the live run: a malformed JSON Lines file dropped on the page is refused
// with its line; a sweep's rows (3 seeds per σ) draw in the sweep panel with their label and a
// ±1 std band, hide and show, go into the panel's SVG export, stay out of the link, and are removed.
import { describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, dropFile, TINY } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const browser = sharedBrowser();

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const row = (sigma: number, run: string, seed: number | null, reproduction: number) => JSON.stringify({
  step: 4000, loss: 0.5, gradVar: 80, reproduction, chance: 0.004, partnerDistance: 0.3, slicedW2: 0.1 + sigma / 10, gaussianW2: null,
  straightness: 0.01, transportCost: 3, otCost: null, stepsPerSec: 900, run, seed, sigma, link: `v=1&seed=1&coupling=rotated&pairs=256&sigma=${sigma}`,
  engine: 'gpu', device: 'NVIDIA H100', version: '0.1.0', corrections: 0, lossTail: 0.5, gradVarTail: 80, partial: false,
});
const SWEEP = [0, 0.03, 0.3].flatMap((sigma) => [
  ...[1, 2, 3].map((seed) => row(sigma, `sigma=${sigma} seed=${seed}`, seed, 0.95 - 2 * sigma + seed / 50)),
  row(sigma, 'mean', null, 0.95 - 2 * sigma + 0.04), row(sigma, 'std', null, 0.02),
]).join('\n');

describe('a big run beside the live one', () => {
  it('refuses a malformed file with its line; draws a sweep file in the sweep panel, hides, exports, removes; never in the link', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, steps: 20 })));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });

    await dropFile(page, 'broken.jsonl', `${row(0, 'mean', null, 1)}\n{"step": 5, "loss": 1, "gradVar": "high"}\n`);
    await expect.poll(() => page.getByTestId('results-status').textContent()).toBe('broken.jsonl was not loaded: line 2: gradVar is "high", not a number or null.');

    await dropFile(page, 'big-sweep.jsonl', SWEEP);
    await expect.poll(() => page.getByTestId('results-status').textContent()).toBe('big-sweep.jsonl: 15 rows drawn in the sweep panel (not in the link).');
    const label = page.getByTestId('results-overlay-label');
    await expect.poll(() => label.textContent()).toBe('- - big-sweep.jsonl · gpu · v=1&seed=1&coupling=rotated&pairs=256&sigma=0');
    expect(await page.locator('.overlay-band-rep').count()).toBe(1); // the ±1 std band of the 3 seeds
    expect(await page.getByTestId('overlay-bar').textContent()).toContain('not in the link');
    expect(await page.evaluate(() => location.search + location.hash)).not.toContain('sweep.jsonl');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('svg-sweep').click()]);
    expect(await text(download)).toContain('big-sweep.jsonl · gpu');

    await page.getByTestId('overlay-hide').click();
    expect(await page.getByTestId('results-overlay').count()).toBe(0);
    await page.getByTestId('overlay-hide').click();
    expect(await page.getByTestId('results-overlay').count()).toBe(1);
    await page.getByTestId('overlay-remove').click();
    expect(await page.getByTestId('results-overlay').count()).toBe(0);
    expect(await page.getByTestId('overlay-bar').count()).toBe(0);
    await page.close();
  });
});
