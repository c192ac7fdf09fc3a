// Compare mode in the page (src/state/compareRunner.ts, src/panels/compare): a compare link trains
// two runs in lockstep on the CPU engine, shows both flows, one curve plot and two readout columns,
// and the link (with its compare key) round-trips through Copy link and a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, inkedPixels, TINY } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const STEPS = 12;

const browser = sharedBrowser();

/** Waits until both runs trained STEPS steps and were evaluated there. */
async function waitDone(page: Page): Promise<void> {
  await page.waitForFunction((n) => {
    const c = window.__flowvar?.store.getState().compareState;
    if (c?.phase === 'failed') throw new Error(`compare failed: ${JSON.stringify(c.notice)}`);
    return !!c && c.step === n && c.runs.length === 2 && c.runs.every((r) => r.evaluation?.metrics.step === n);
  }, STEPS, { polling: 100, timeout: 60_000 });
}

function lossCurves(page: Page): Promise<number[][]> {
  return page.evaluate(() => window.__flowvar!.store.getState().compareState.runs.map((r) => Array.from(r.curves.columns.loss.subarray(0, r.curves.length))));
}

describe('compare mode', () => {
  it('a compare=sigma:0.3 link trains A (σ 0) and B (σ 0.3) in lockstep and shows both flows, one curve plot and two readout columns', async () => {
    const page = await browser.newPage();
    const config = { ...defaultConfig(), ...TINY, seed: 11, pairs: 16, steps: STEPS };
    await page.goto(appUrl(`${cpuQuery(config)}&compare=sigma:0.3`));
    await waitDone(page);
    const state = await page.evaluate(() => {
      const s = window.__flowvar!.store.getState();
      return { single: s.stepCount, sigmas: s.compareState.runs.map((r) => r.config.sigma), kind: s.compareState.kind };
    });
    expect(state.sigmas).toEqual([0, 0.3]);
    expect(state.kind).toBe('cpu');
    expect(state.single).toBe(0); // the single run stands idle while comparing
    // the header counts the compare runs' steps, not the idle single run's 0
    await expect.poll(() => page.getByTestId('step-count').textContent(), { timeout: 5000 }).toBe(String(STEPS));
    // each flow has its quiver, computed in the field worker from that run's weights
    await page.waitForFunction(() => {
      const q = window.__flowvar!.store.getState().compareQuivers;
      return q.length === 2 && q.every((f) => f !== null && f.n > 0);
    }, undefined, { polling: 100, timeout: 30_000 });
    const withArrows = await inkedPixels(page, 'canvas-compare-b');
    await page.getByTestId('layer-quiver').uncheck();
    await expect.poll(() => inkedPixels(page, 'canvas-compare-b'), { timeout: 5000 }).toBeLessThan(withArrows - 50);
    await page.getByTestId('layer-quiver').check();
    const [a, b] = await lossCurves(page);
    expect(a).toHaveLength(STEPS);
    expect(b).toHaveLength(STEPS);
    expect(a[0]).not.toBe(b[0]); // σ changes the first batch's targets' inputs
    expect(await inkedPixels(page, 'canvas-compare-a')).toBeGreaterThan(100);
    expect(await inkedPixels(page, 'canvas-compare-b')).toBeGreaterThan(100);
    expect(await inkedPixels(page, 'canvas-compare-curves')).toBeGreaterThan(100);
    expect(await page.getByTestId('compare-legend').textContent()).toMatch(/A: σ = 0.*B: σ = 0\.3/);
    const repro = await page.getByTestId('compare-row-reproduction').locator('td').allTextContents();
    expect(repro).toHaveLength(3);
    expect(repro[0]).toMatch(/%/);
    expect(repro[1]).toMatch(/%/);

    // the link carries the compare setting: Copy link, open it, same two curves
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(new URL(link).searchParams.get('compare')).toBe('sigma:0.3');
    const second = await browser.newPage();
    await second.goto(link);
    await waitDone(second);
    expect(await lossCurves(second)).toEqual([a, b]);
    await second.close();

    // the picker switches to a width compare; the address bar follows and a reload keeps it
    await page.getByTestId('compare-key').selectOption('width');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('compare')), { timeout: 5000 }).toBe('width:64');
    await page.reload();
    await waitDone(page);
    const widths = await page.evaluate(() => window.__flowvar!.store.getState().compareState.runs.map((r) => r.config.width));
    expect(widths).toEqual([16, 64]);
    await page.close();
  }, 120_000);

  it('with the compared setting made equal (compare=sigma:0 at σ = 0) the two runs give the same losses, step for step', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${cpuQuery({ ...defaultConfig(), ...TINY, seed: 12, pairs: 16, steps: STEPS })}&compare=sigma:0`));
    await waitDone(page);
    const [a, b] = await lossCurves(page);
    expect(a).toHaveLength(STEPS);
    expect(b).toEqual(a);
    await page.close();
  }, 90_000);
});
