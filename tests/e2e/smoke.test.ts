// The built page in headless Chromium: WebGPU is there, the page opens and trains.
// Relies on the page's data-testid "step-count" and "loss-readout" (src/ui/Transport.tsx) and,
// when the run starts paused, "play" (aria-pressed="false").
import { describe, expect, it } from 'vitest';
import { appUrl, blankUrl, textOf, waitForTextChange, watchPage, sharedBrowser } from './harness';

const browser = sharedBrowser();

describe('headless Chromium', () => {
  it('navigator.gpu.requestAdapter() returns an adapter on a page served from 127.0.0.1', async () => {
    const page = await browser.newPage();
    await page.goto(blankUrl());
    const adapter = await page.evaluate(async () => {
      if (!('gpu' in navigator) || !navigator.gpu) return { ok: false, why: 'no navigator.gpu' };
      const a = await navigator.gpu.requestAdapter();
      if (!a) return { ok: false, why: 'requestAdapter() gave null' };
      return { ok: true, why: `${a.info.vendor} ${a.info.architecture} ${a.info.description}`.trim() };
    });
    expect(adapter, adapter.why).toEqual({ ok: true, why: expect.any(String) });
    await page.close();
  });
});

describe('the page', () => {
  it('opens a small link and trains: the step counter and the loss readout change, no uncaught error, no off-machine request', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(appUrl('seed=3&pairs=64&width=32&depth=2&batch=256&particles=256'));
    const step = page.getByTestId('step-count');
    await step.waitFor();
    const play = page.getByTestId('play');
    if ((await play.count()) > 0 && (await play.getAttribute('aria-pressed')) === 'false') await play.click();
    const firstStep = await textOf(page, 'step-count');
    const firstLoss = await textOf(page, 'loss-readout');
    const laterStep = await waitForTextChange(page, 'step-count', firstStep);
    const laterLoss = await waitForTextChange(page, 'loss-readout', firstLoss);
    expect(laterStep).not.toBe(firstStep);
    expect(laterLoss).not.toBe(firstLoss);
    // it keeps training: the counter moves again
    const again = await waitForTextChange(page, 'step-count', await textOf(page, 'step-count'));
    expect(Number(again.replace(/[^\d]/g, ''))).toBeGreaterThan(Number(firstStep.replace(/[^\d]/g, '') || 0));
    expect(watch.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
    await page.close();
  });

  it('on a software WebGPU adapter (SwiftShader) the page starts on the CPU worker, says why, and one click switches to the GPU', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl('seed=3&pairs=64&width=32&depth=2&batch=256&particles=256'));
    const engine = await page.waitForFunction(() => {
      const s = window.__flowvar?.store.getState();
      return s && s.engine.phase !== 'starting' && s.engine.kind ? { kind: s.engine.kind, software: s.engine.software, choice: s.engineChoice } : null;
    }, undefined, { polling: 250 });
    const { kind, choice } = (await engine.jsonValue())!;
    expect(kind).toBe('cpu');
    expect(choice?.key).toBe('engine.softwareAdapter');
    expect(await page.getByTestId('engine-choice').textContent()).toContain('software adapter');
    expect(page.url()).not.toContain('engine=');
    await page.getByTestId('use-gpu').click();
    await expect.poll(async () => page.evaluate(() => window.__flowvar!.store.getState().engine.kind), { timeout: 120_000 }).toBe('gpu');
    expect(await page.getByTestId('engine-readout').textContent()).toBe('GPU');
    await page.close();
  });
});
