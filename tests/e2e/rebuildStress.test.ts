// Rebuild safety under stress, on the GPU engine (SwiftShader WebGPU) and on the
// CPU worker: every chapter mid-run, New seed five times quickly, width and pairs changed while an
// evaluation is in flight, Reset mid-step. After each: no error banner, no page error, and the
// step counter advances. A rebuild must never touch a buffer of the engine it replaced.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, watchPage, type PageWatch, sharedBrowser } from './harness';
import { pageState, simulateDeviceLoss, TINY, waitForStep } from './appPage';
import { defaultConfig, type RunConfig } from '../../src/engine/runConfig';
import { encodeConfig } from '../../src/link/url';
import { chapterConfig, CHAPTERS } from '../../src/story/chapters';

const browser = sharedBrowser();

/** Fails with the page's error state or an error banner; otherwise waits for `n` more steps. */
async function expectHealthyAndAdvancing(page: Page, watch: PageWatch, what: string, n = 2): Promise<void> {
  const t0 = Date.now();
  const start = await page.evaluate(() => new Promise<number>((ok) => {
    // from the first step of the engine now running (a rebuild resets the counter)
    const hook = window.__flowvar!;
    const poll = () => {
      const s = hook.store.getState();
      if (s.error) return ok(-1);
      if (s.engine.phase === 'ready') return ok(s.stepCount);
      setTimeout(poll, 50);
    };
    poll();
  }));
  expect((await pageState(page)).error, `${what}: error state`).toBeNull();
  await waitForStep(page, start + n, 120_000);
  expect(await page.locator('.banner.error').count(), `${what}: error banner`).toBe(0);
  expect(watch.errors.filter((e) => e.startsWith('pageerror') || /destroyed|GPU error/.test(e)), `${what}: page errors`).toEqual([]);
  if (process.env.STRESS_VERBOSE) console.log(`${what}: ${Date.now() - t0} ms`);
}

/** Resolves once an evaluation is in flight (the runner through the debug hook). */
async function waitForEvalInFlight(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__flowvar!.runner.evalInFlight, undefined, { polling: 5, timeout: 120_000 });
}

async function waitForStepInFlight(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__flowvar!.runner.stepInFlight, undefined, { polling: 5, timeout: 120_000 });
}

/** What a preset button does to the store (new config, fresh run), with a given config. */
function openTiny(page: Page, config: RunConfig): Promise<void> {
  return page.evaluate((c) => { window.__flowvar!.store.setState((s) => ({ config: c, resetRequest: s.resetRequest + 1, playing: true })); }, config);
}

function setConfig(page: Page, patch: Record<string, number>): Promise<void> {
  return page.evaluate((p) => { window.__flowvar!.store.setState((s) => ({ config: { ...s.config, ...p } })); }, patch);
}

/**
 * Device loss after some training, then "Continue on CPU": the run resumes from the last weights
 * read back, the curves are cut to that step (strictly increasing), and the readout and a notice
 * name the CPU engine.
 */
async function loseDeviceAndContinueOnCpu(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = window.__flowvar!.store.getState();
    return s.weights !== null && s.stepCount > s.weights.step + 2;
  }, undefined, { polling: 100, timeout: 120_000 });
  const banner = await simulateDeviceLoss(page);
  const lost = await pageState(page);
  await banner.getByRole('button', { name: 'Continue on CPU' }).click();
  await expect.poll(async () => (await pageState(page)).engine, { timeout: 60_000 }).toBe('cpu');
  await page.getByTestId('play').click();
  await waitForStep(page, lost.step + 3, 60_000);
  const steps = (await page.evaluate(() => window.__flowvar!.curve())).step;
  expect(steps.length).toBeGreaterThan(lost.step);
  const backwards = steps.filter((v, i) => i > 0 && v <= steps[i - 1]);
  expect(backwards, 'curve steps strictly increasing').toEqual([]);
  expect(await page.getByTestId('engine-readout').textContent()).toBe('CPU');
  expect(await page.getByTestId('engine-notice').textContent()).toMatch(/Continued on CPU.* from step \d+/);
}

/**
 * Tiny runs that never finish (steps = 0: a finished run evaluates no more, and the waits for an
 * evaluation in flight would hang), and on the CPU an evaluation long enough (2000 particles,
 * 32 ODE steps: tens of ms) for the 5 ms polls to see it in flight.
 */
function stressSize(engine: 'gpu' | 'cpu'): Partial<RunConfig> {
  return { ...TINY, steps: 0, ...(engine === 'cpu' ? { particles: 2000, odeSteps: 32 } : {}) };
}

for (const engine of (process.env.STRESS_ENGINES?.split(",") ?? ["gpu", "cpu"]) as ("gpu" | "cpu")[]) {
  describe(`rebuild safety on the ${engine} engine`, () => {
    it('every chapter mid-run, New seed ×5, width/pairs during an evaluation, Reset mid-step: no error, training advances', async (ctx) => {
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(appUrl(`${encodeConfig({ ...defaultConfig(), ...stressSize(engine), pairs: 16 })}&engine=${engine}&speed=1`));
      await waitForStep(page, 1, 120_000);
      if ((await pageState(page)).engine !== engine) {
        await page.close();
        ctx.skip(); // no WebGPU adapter in this browser: reported as skipped, not passed
      }
      for (const chapter of CHAPTERS) {
        await waitForEvalInFlight(page);
        // one real click (its store change is what openTiny does); the rest tiny, to keep the suite short
        if (engine === 'cpu' && chapter.id === 'rotated') await page.getByTestId(`preset-${chapter.id}`).click();
        else await openTiny(page, { ...chapterConfig(chapter, 'gpu'), ...stressSize(engine), pairs: Math.min(64, chapterConfig(chapter, 'gpu').pairs) });
        await expectHealthyAndAdvancing(page, watch, `chapter ${chapter.id}`);
      }
      for (let i = 0; i < 5; i++) await page.getByTestId('new-seed').click();
      await expectHealthyAndAdvancing(page, watch, 'new seed ×5');
      await waitForEvalInFlight(page);
      await setConfig(page, { width: 24 });
      await setConfig(page, { pairs: 32 });
      await expectHealthyAndAdvancing(page, watch, 'width and pairs during an evaluation');
      await waitForStepInFlight(page);
      await page.getByTestId('reset').click();
      await expectHealthyAndAdvancing(page, watch, 'reset mid-step');
      if (engine === 'gpu') await loseDeviceAndContinueOnCpu(page);
      await page.close();
    });
  });
}
