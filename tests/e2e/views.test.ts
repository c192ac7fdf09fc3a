// View keys of a link and the page's view controls: hidden controls, embed mode, the projector
// theme, full screen by F on the focused panel.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, inkedPixels, pageState, TINY, waitForEvaluation, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const Q = cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 });

const browser = sharedBrowser();

describe('view keys and view controls', () => {
  it('<control>_hide=true hides that control and keeps the others', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${Q}&sigma_hide=true&lr_hide=true&share_hide=true`));
    await waitForStep(page, 1);
    expect(await page.getByTestId('sigma-slider').count()).toBe(0);
    expect(await page.locator('[data-control="lr"]').count()).toBe(0);
    expect(await page.getByTestId('copy-link').count()).toBe(0);
    expect(await page.locator('[data-control="width"]').count()).toBe(1);
    // the hidden flags survive in the mirrored address bar
    await expect.poll(async () => (await pageState(page)).search, { timeout: 5000 }).toContain('sigma_hide=true');
    await page.close();
  });

  it('embed=true&panel=flow shows the learned-flow panel alone, drawn, without the chrome', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${Q}&embed=true&panel=flow`));
    await waitForEvaluation(page, 1);
    await page.waitForTimeout(200);
    expect(await page.locator('[data-panel]').count()).toBe(1);
    expect(await page.getByTestId('panel-flow').count()).toBe(1);
    expect(await page.locator('header.top, form.controls').count()).toBe(0);
    expect(await inkedPixels(page, 'canvas-flow')).toBeGreaterThan(50);
    await page.close();
  });

  it('theme=projector opens the projector theme; the toggle switches back to lecture', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${Q}&theme=projector`));
    await waitForStep(page, 1);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector');
    const bigger = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('lecture');
    const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(bigger).toBeGreaterThan(normal);
    await page.close();
  });

  it('F full-screens the focused panel and Esc leaves', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(appUrl(Q));
    await waitForStep(page, 1);
    await page.getByTestId('panel-gradvar').focus();
    await page.keyboard.press('f');
    await expect.poll(async () => page.getByTestId('panel-gradvar').getAttribute('class')).toContain('is-full');
    const box = await page.getByTestId('panel-gradvar').boundingBox();
    expect(box?.width).toBe(1280);
    expect(box?.height).toBe(800);
    await page.keyboard.press('Escape');
    await expect.poll(async () => page.getByTestId('panel-gradvar').getAttribute('class')).not.toContain('is-full');
    await page.close();
  });

  it('CSV export downloads the curves with one row per step', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 6 })));
    await page.waitForFunction(() => window.__flowvar?.store.getState().finished === true, null, { polling: 100, timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('flowvar-curves.csv');
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('step,loss,loss_ema,grad_var,grad_var_ema,noise_to_signal,sigma');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([1, 2, 3, 4, 5, 6]);
    await page.close();
  });
});
