// Share round trip: "Copy link" gives a link that, opened in a new page, rebuilds the same config
// and seed and trains the same curve (the CPU engine is deterministic for a seed).
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, lossCurve, pageState, TINY } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const STEPS = 15;

const browser = sharedBrowser();

async function waitFinished(page: import('playwright-core').Page): Promise<void> {
  await page.waitForFunction((n) => {
    const s = window.__flowvar?.store.getState();
    return !!s && s.finished && s.stepCount === n;
  }, STEPS, { polling: 100, timeout: 60_000 });
}

describe('share link', () => {
  it('copy link → new page: same config, same seed, the same first loss values', async () => {
    const config = { ...defaultConfig(), ...TINY, seed: 4242, pairs: 32, sigma: 0.2, coupling: 'rotated' as const, phi: 1, steps: STEPS };
    const first = await browser.newPage();
    await first.goto(appUrl(cpuQuery(config)));
    await waitFinished(first);
    // change a live setting after the run: the link carries the current config
    await first.getByTestId('copy-link').click();
    const link = await first.getByTestId('share-link').inputValue();
    expect(link).toContain('seed=4242');
    expect(link).toContain('engine=cpu');
    const curveA = await lossCurve(first, STEPS);
    const stateA = await pageState(first);
    expect(curveA).toHaveLength(STEPS);

    const second = await browser.newPage();
    await second.goto(link);
    await waitFinished(second);
    const stateB = await pageState(second);
    expect(stateB.config).toEqual(stateA.config);
    expect(await lossCurve(second, STEPS)).toEqual(curveA);
    await first.close();
    await second.close();
  });

  it('the address bar mirrors the config: a reload reopens the same run', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, seed: 9, pairs: 16, steps: STEPS })));
    await waitFinished(page);
    const curve = await lossCurve(page, STEPS);
    await page.getByTestId('num-odeSteps').fill('3');
    await page.getByTestId('num-odeSteps').press('Enter');
    await expect.poll(async () => new URLSearchParams((await pageState(page)).search).get('odeSteps'), { timeout: 5000 }).toBe('3');
    await page.reload();
    await waitFinished(page);
    expect((await pageState(page)).config.odeSteps).toBe(3);
    expect(await lossCurve(page, STEPS)).toEqual(curve);
    await page.close();
  });
});
