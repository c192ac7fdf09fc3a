// The science jobs as a user drives them: the sweep and ReFlow buttons train on engines of their
// own (ScienceJobs, given the page's engine factories in main.tsx) and fill their panels; the
// panel headings and anchors come from the one panel list.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, inkedPixels, TINY, waitForEvaluation, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { PANELS } from '../../src/story/panelList';

const Q = cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 30 });

const browser = sharedBrowser();

const jobState = (page: import('playwright-core').Page) => page.evaluate(() => {
  const s = window.__flowvar!.store.getState();
  return { sweep: s.sweep.status, results: s.sweep.results?.map((r) => r.sigma) ?? null, reflow: s.reflow.status, rounds: s.reflow.history.map((r) => r.round), error: s.sweep.error ?? s.reflow.error };
});

describe('science panels on the CPU worker', () => {
  it('Run sweep trains one model per σ to the end; Run ReFlow records round 0 and one reflow; both panels draw', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(Q));
    await waitForStep(page, 1);
    await page.getByTestId('sweep-sigmas').fill('0, 1');
    await page.getByTestId('sweep-sigmas').press('Enter');
    await page.getByTestId('sweep-start').click();
    await expect.poll(async () => (await jobState(page)).sweep, { timeout: 60_000 }).toBe('done');
    expect((await jobState(page)).results).toEqual([0, 1]);
    await page.getByTestId('reflow-rounds').fill('1');
    await page.getByTestId('reflow-start').click();
    await expect.poll(async () => (await jobState(page)).reflow, { timeout: 60_000 }).toBe('done');
    expect((await jobState(page)).rounds).toEqual([0, 1]);
    expect(await inkedPixels(page, 'canvas-sweep')).toBeGreaterThan(20);
    expect(await inkedPixels(page, 'canvas-reflow')).toBeGreaterThan(20);
    await page.close();
  });

  it('every panel of the list is mounted once, under its title, at its anchor', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(Q));
    await waitForStep(page, 1);
    for (const p of PANELS) {
      const section = page.locator(`section#${p.anchor}`);
      expect(await section.count(), p.id).toBe(1);
      expect(await section.locator('h2').textContent(), p.id).toBe(p.title);
    }
    await page.close();
  });

  it('the field worker answers: the quiver over the flow panel\'s plane and the crossing map reach the store and are drawn', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(Q));
    await waitForEvaluation(page, 1);
    const fields = () => page.evaluate(() => {
      const s = window.__flowvar!.store.getState();
      return { quiver: s.quiver?.n ?? 0, crossing: s.crossingMap?.grid.size ?? 0, plane: s.planeDomains.flow?.x ?? null };
    });
    await expect.poll(async () => (await fields()).quiver, { timeout: 30_000 }).toBeGreaterThan(50);
    const f = await fields();
    expect(f.crossing).toBeGreaterThan(0);
    expect(f.plane).not.toBeNull();
    expect(await inkedPixels(page, 'canvas-crossing')).toBeGreaterThan(50);
    await page.close();
  });
});
