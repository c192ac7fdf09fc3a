// σ acts live: moved by keyboard on the slider (and by [ and ]), the address bar follows, a labelled
// change marker appears on the curves, and training continues from the same weights (no reset).
import { describe, expect, it } from 'vitest';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { cpuQuery, pageState, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { SIGMA_NOTCHES } from '../../src/format/sigmaScale';

const browser = sharedBrowser();

describe('the σ slider', () => {
  it('arrow keys on the slider change σ live: URL updated, marker drawn, step count continues', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 0 })));
    await waitForStep(page, 10);
    const slider = page.getByTestId('sigma-slider');
    await slider.focus();
    for (let i = 0; i < 3; i++) await slider.press('ArrowRight');
    const expected = SIGMA_NOTCHES[3];
    await expect.poll(async () => (await pageState(page)).config.sigma).toBe(expected);
    const changedAt = (await pageState(page)).step;
    // the address bar follows (debounced)
    await expect.poll(async () => new URLSearchParams((await pageState(page)).search).get('sigma'), { timeout: 5000 }).toBe(String(expected));
    // a marker with its label, drawn in the gradient-variance panel
    await expect.poll(async () => page.getByTestId('change-marker').count()).toBeGreaterThan(0);
    const labels = await page.getByTestId('change-marker').allTextContents();
    expect(labels.some((l) => l.startsWith('σ'))).toBe(true);
    expect(labels.join(' ')).toContain('→ 5e−4');
    expect(await page.getByTestId('sigma-value').textContent()).toBe('5e−4');
    // no reset: the step count goes on from where it was and the curve still starts at step 1
    await waitForStep(page, changedAt + 10);
    const curve = await page.evaluate(() => window.__flowvar!.curve());
    expect(curve.step[0]).toBe(1);
    expect(curve.step.length).toBeGreaterThanOrEqual(changedAt + 10);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('] and [ move σ one notch on the log scale when no input has focus', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, sigma: 0.05 })));
    await waitForStep(page, 2);
    await page.locator('h1').click();
    await page.keyboard.press(']');
    await expect.poll(async () => (await pageState(page)).config.sigma).toBe(0.1);
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await expect.poll(async () => (await pageState(page)).config.sigma).toBe(0.03);
    // typing in a text box does not trigger shortcuts
    const box = page.getByTestId('num-lr');
    await box.focus();
    await page.keyboard.press(']');
    expect((await pageState(page)).config.sigma).toBe(0.03);
    await page.close();
  });

  it('space pauses, → takes one step, ? opens the shortcut list generated from the key table', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 })));
    await waitForStep(page, 2);
    await page.locator('h1').click();
    await page.keyboard.press(' ');
    await expect.poll(async () => (await pageState(page)).playing).toBe(false);
    await page.waitForTimeout(300); // a step in flight lands
    const paused = (await pageState(page)).step;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await pageState(page)).step).toBe(paused + 1);
    await page.keyboard.press('?');
    const help = page.getByTestId('help');
    await help.waitFor();
    expect(await help.textContent()).toContain('σ one notch up');
    await page.keyboard.press('Escape');
    await expect.poll(async () => help.count()).toBe(0);
    await page.close();
  });
});
