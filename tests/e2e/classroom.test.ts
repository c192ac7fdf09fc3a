// The classroom builder (docs/classroom.md#share-and-embed): the "Share / embed" dialog writes a link and an
// <iframe> snippet from its choices, previews that link, and the link opens embed mode with
// play, σ and "open in flowvar", fitting a 600×400 iframe.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const Q = cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 });

const browser = sharedBrowser();

describe('share / embed dialog', () => {
  it('writes the chosen link and iframe, previews it, and the link embeds at 600×400 with play, σ and a way back', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${Q}&autoplay=false`));
    await page.getByTestId('share-open').click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="share-dialog"]'))).toBe(true);
    // words a lecturer knows, not the link's internal names (the issue found newSeed, tScrub, srcMx, tgtRho, odeSteps)
    const words = (await dialog.locator('.share-choices').textContent())!;
    for (const raw of ['newSeed', 'tScrub', 'srcMx', 'tgtRho', 'odeSteps']) expect(words).not.toContain(raw);
    expect(await page.getByTestId('hide-newSeed').locator('xpath=..').textContent()).toContain('New seed button');
    expect(await page.getByTestId('hide-odeSteps').locator('xpath=..').textContent()).toContain('ODE steps');
    // the full page previews as a laptop shows it (plots in view), an embed at its own 600 × 400
    expect(await page.getByTestId('share-preview').getAttribute('width')).toBe('1366');
    await page.getByTestId('hide-lr').check();
    await page.getByTestId('hide-presets').check();
    await page.getByTestId('hide-sweepPanel').check();
    await page.getByTestId('share-autoplay').selectOption('false');
    await page.getByTestId('share-embed').check();
    await page.getByTestId('share-panel').selectOption('gradvar');
    const link = await page.getByTestId('share-builder-link').inputValue();
    const query = new URL(link).searchParams;
    expect([query.get('lr_hide'), query.get('presets_hide'), query.get('sweepPanel_hide'), query.get('autoplay'), query.get('embed'), query.get('panel')])
      .toEqual(['true', 'true', 'true', 'false', 'true', 'gradvar']);
    expect(query.get('seed')).toBe(String(defaultConfig().seed)); // the run itself travels too
    const snippet = await page.getByTestId('share-snippet').inputValue();
    expect(snippet).toBe(`<iframe src="${link.replace(/&/g, '&amp;')}" width="600" height="400" title="flowvar: gradient variance in flow matching" style="border:0" loading="lazy" allow="fullscreen"></iframe>`);
    await expect.poll(async () => page.getByTestId('share-preview').getAttribute('src'), { timeout: 5000 }).toBe(link);
    expect(await page.getByTestId('share-preview').getAttribute('width')).toBe('600');
    await page.keyboard.press('Escape');
    await expect.poll(async () => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-open');
    await page.close();

    const embed = await browser.newPage();
    await embed.setViewportSize({ width: 600, height: 400 });
    await embed.goto(link);
    await embed.getByTestId('embed-bar').waitFor();
    await embed.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    const boxes = await embed.evaluate(() => ['embed-play', 'embed-sigma-slider', 'embed-open', 'panel-gradvar'].map((id) => {
      const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
      return { id, inside: r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight + 0.5 };
    }));
    expect(boxes.filter((b) => !b.inside)).toEqual([]);
    expect(await embed.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(400);
    const back = embed.getByTestId('embed-open');
    expect(await back.getAttribute('target')).toBe('_blank');
    const full = new URL((await back.getAttribute('href'))!);
    expect([full.searchParams.get('embed'), full.searchParams.get('panel'), full.searchParams.get('lr_hide')]).toEqual([null, null, 'true']);
    // autoplay=false: nothing trains until the embed's own Play
    await embed.waitForTimeout(800);
    expect(await embed.evaluate(() => window.__flowvar!.store.getState().stepCount)).toBe(0);
    await embed.getByTestId('embed-play').click();
    await waitForStep(embed, 2);
    await embed.close();

    // the full page of that link: the hidden panel and controls are gone, the rest stays
    const fullPage = await browser.newPage();
    await fullPage.goto(full.href);
    await fullPage.getByTestId('panel-pairs').waitFor();
    expect(await fullPage.locator('[data-testid="panel-sweep"], [data-control="lr"], nav.presets').count()).toBe(0);
    expect(await fullPage.locator('[data-panel]').count()).toBeGreaterThanOrEqual(7);
    await fullPage.close();
  });
});
