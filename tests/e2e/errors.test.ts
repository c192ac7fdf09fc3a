// Failures with a way on: a diverged run pauses with a message and a Reset button; a lost GPU
// device offers "Continue on CPU", which keeps the config, the step count and the curves.
import { describe, expect, it } from 'vitest';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { cpuQuery, pageState, simulateDeviceLoss, TINY, waitForEvaluation, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { encodeConfig } from '../../src/link/url';

const browser = sharedBrowser();

describe('errors', () => {
  it('a NaN loss pauses the run with a message; Reset returns to step 0 and play trains again', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 })));
    await waitForStep(page, 3);
    // poison the weights in the worker: the next step's loss is NaN
    await page.evaluate(async () => {
      const t = window.__flowvar!.runner.current as unknown as { weights(): Promise<Float32Array>; setWeights(state: { theta: Float32Array; step: number }): void; stepCount: number };
      const w = await t.weights();
      t.setWeights({ theta: new Float32Array(w.length).fill(NaN), step: t.stepCount });
    });
    const banner = page.getByTestId('error-diverged');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('diverged');
    expect((await pageState(page)).playing).toBe(false);
    await banner.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => (await pageState(page)).step).toBe(0);
    expect((await pageState(page)).error).toBeNull();
    await page.getByTestId('play').click();
    await waitForStep(page, 3);
    expect(watch.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await page.close();
  });

  it('a lost GPU device pauses with "Continue on CPU", which keeps config, step and curves', async (ctx) => {
    const page = await browser.newPage();
    const config = { ...defaultConfig(), ...TINY, pairs: 16, seed: 5 };
    await page.goto(appUrl(`${encodeConfig(config)}&engine=gpu`)); // forced: auto picks the CPU on SwiftShader
    await waitForStep(page, 5, 120_000);
    await waitForEvaluation(page, 1, 120_000);
    const before = await pageState(page);
    if (before.engine !== 'gpu') {
      await page.close();
      ctx.skip(); // no WebGPU adapter in this browser: reported as skipped, not passed
    }
    const banner = await simulateDeviceLoss(page);
    const lost = await pageState(page);
    expect(lost.playing).toBe(false);
    await banner.getByRole('button', { name: 'Continue on CPU' }).click();
    await expect.poll(async () => (await pageState(page)).engine, { timeout: 60_000 }).toBe('cpu');
    const after = await pageState(page);
    expect(after.config).toEqual(lost.config);
    expect(after.step).toBeGreaterThan(0); // continued from the carried weights, not from step 0
    const curve = await page.evaluate(() => window.__flowvar!.curve());
    expect(curve.step[0]).toBe(1); // the curves were kept
    await page.getByTestId('play').click();
    await waitForStep(page, after.step + 3);
    await page.close();
  });

  it('a CPU worker that dies mid-run shows "Restart", which continues from the last state the page holds, steps increasing, none twice', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 0, seed: 9 })));
    await waitForStep(page, 20);
    await waitForEvaluation(page, 1);
    // the worker ends as the browser ends one out of memory: no message, no error event
    await page.evaluate(() => {
      const t = window.__flowvar!.runner.current as unknown as { stallMs: number; killWorkerForTest(): void };
      t.stallMs = 1500;
      t.killWorkerForTest();
    });
    const banner = page.getByTestId('error-worker-lost');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('The CPU worker stopped (the CPU worker stopped answering');
    const lost = await pageState(page);
    expect(lost.playing).toBe(false);
    const held = await page.evaluate(() => window.__flowvar!.store.getState().weights!.step);
    await banner.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(async () => (await pageState(page)).error, { timeout: 30_000 }).toBeNull();
    await page.getByTestId('engine-notice').waitFor();
    expect(await page.getByTestId('engine-notice').textContent()).toContain(`from step ${held}`);
    await page.getByTestId('play').click();
    await waitForStep(page, lost.step + 20);
    const curve = await page.evaluate(() => window.__flowvar!.curve());
    expect(curve.step[0]).toBe(1);
    expect(curve.step.every((s, i) => i === 0 || s > curve.step[i - 1])).toBe(true);
    expect(new Set(curve.step).size).toBe(curve.step.length);
    expect(curve.step.at(-1)).toBeGreaterThan(lost.step);
    expect(watch.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await page.close();
  });
});
