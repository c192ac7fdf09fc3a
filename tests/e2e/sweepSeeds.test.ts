// Seeds in the page's σ sweep: a link with seeds=3 trains the sweep once per seed, the panel says
// "mean ± 1 std over 3 seeds" (the band's std per σ is in the store), and the seeds box writes the link key.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { decodeLink } from '../../src/link/link';

const browser = sharedBrowser();

describe('seeds in the σ sweep', () => {
  it('seeds=3 trains a round per seed; the panel holds the std over the 3 seeds per σ and says so; the seeds box writes the link', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 30, seeds: 3 })));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    await page.getByTestId('sweep-sigmas').fill('0, 1');
    await page.getByTestId('sweep-sigmas').press('Enter');
    expect(await page.getByTestId('sweep-seeds').inputValue()).toBe('3');
    const rounds: number[] = [];
    await page.exposeFunction('seedsDone', (n: number) => { if (rounds.at(-1) !== n) rounds.push(n); });
    await page.evaluate(() => window.__flowvar!.store.subscribe((s) => { void (window as unknown as { seedsDone(n: number): void }).seedsDone(s.sweep.seedsDone); }));
    await page.getByTestId('sweep-start').click();
    await expect.poll(() => page.evaluate(() => window.__flowvar!.store.getState().sweep.status), { timeout: 90_000 }).toBe('done');
    expect(rounds).toEqual([0, 1, 2, 3]);
    const spread = await page.evaluate(() => window.__flowvar!.store.getState().sweep.spread!);
    expect(spread.map((s) => [s.sigma, s.seeds])).toEqual([[0, 3], [1, 3]]);
    expect(spread.some((s) => s.slicedW2 > 0)).toBe(true); // three seeds, three different clouds
    await expect.poll(() => page.locator('.sweep-foot').textContent()).toContain('mean ± 1 std over 3 seeds');

    await page.getByTestId('sweep-seeds').fill('5');
    await expect.poll(async () => decodeLink(await page.evaluate(() => location.search + location.hash)).config.seeds).toBe(5);
    await page.close();
  });
});
