// Every preset opened by its link on the CPU engine: training advances, the plane and curve panels
// draw (D3 axes in the SVG, ink on the 2-D canvases), and the preset's text can be shown.
import { describe, expect, it } from 'vitest';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { axisTicks, cpuQuery, inkedPixels, pageState, TINY, waitForEvaluation, waitForStep } from './appPage';
import { presetConfig, PRESETS } from '../../src/state/presets';

const browser = sharedBrowser();

describe('presets by link', () => {
  for (const preset of PRESETS) {
    it(`"${preset.title}" opens from its link, trains past step 20 and draws every plot panel`, async () => {
      const config = { ...presetConfig(preset, 'cpu'), ...TINY, pairs: Math.min(64, presetConfig(preset, 'cpu').pairs) };
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(appUrl(cpuQuery(config)));
      await waitForStep(page, 20);
      await waitForEvaluation(page, 1);
      const s = await pageState(page);
      expect(s.engine).toBe('cpu');
      expect(s.config).toEqual(config);
      for (const panel of ['panel-pairs', 'panel-flow', 'panel-gradvar', 'panel-tbins']) {
        expect(await axisTicks(page, panel), `${panel} axis ticks`).toBeGreaterThan(2);
      }
      // wait a frame or two for the redraw that follows the data
      await page.waitForTimeout(200);
      for (const canvas of ['canvas-pairs', 'canvas-flow', 'canvas-gradvar', 'canvas-tbins']) {
        expect(await inkedPixels(page, canvas), `${canvas} pixels`).toBeGreaterThan(50);
      }
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }

  it('the preset buttons apply the preset and show its explanation; key 2 opens the second preset', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${cpuQuery({ ...presetConfig(PRESETS[0], 'cpu'), ...TINY })}`));
    await waitForStep(page, 2);
    await page.getByTestId(`preset-${PRESETS[3].id}`).click();
    await expect.poll(async () => (await pageState(page)).config.coupling).toBe(PRESETS[3].config.coupling);
    expect(await page.getByTestId('explain').textContent()).toContain(PRESETS[3].title);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('2');
    await expect.poll(async () => (await pageState(page)).config.pairs).toBe(PRESETS[1].config.pairs);
    await page.close();
  });
});
