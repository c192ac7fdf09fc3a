// The CPU worker trains on the WebAssembly kernel under a strict CSP (script-src 'self'
// 'wasm-unsafe-eval': the built page's meta policy, src/csp.ts, and the same as a header here),
// on every core when the page is cross-origin isolated (the test server sends COOP/COEP like
// dist/_headers), on one thread in an iframe of a page that is not, with the same numbers.
// (Playwright's routes do not see the worker's own requests in this Chromium, so the JavaScript
// fallback of src/engine/cpuWorker.ts is not driven from here.)
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { MAX_SLICES } from '../../src/engine/wasm/wasmMlp';

const browser = sharedBrowser();

/** Threads the isolated page runs: its cores, at most the kernel's slice count. */
async function expectedThreads(page: Page | Frame): Promise<number> {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores < 2) throw new Error(`this machine reports ${cores} core: the thread test needs 2 or more`);
  return Math.min(MAX_SLICES, cores);
}

/** Opens a tiny CPU link with `csp` on the responses the route sees. */
async function openWithCsp(csp: string) {
  const page = await browser.newPage();
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  const watch = watchPage(page);
  await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 })));
  await waitForStep(page, 3);
  const engine = await page.evaluate(() => window.__flowvar!.store.getState().engine.adapterName);
  const threads = await expectedThreads(page);
  await page.close();
  return { engine, watch, threads };
}

/** Waits until the run in `frame` has finished; returns its loss curve, engine name and isolation. */
async function finishedRun(frame: Page | Frame, steps: number) {
  await frame.waitForFunction(() => {
    const s = window.__flowvar?.store.getState();
    if (s?.error) throw new Error(`page error state: ${JSON.stringify(s.error.message)}`);
    return !!s && s.finished;
  }, null, { timeout: 60_000, polling: 100 });
  return frame.evaluate((n) => ({
    loss: window.__flowvar!.curve().loss.slice(0, n),
    engine: window.__flowvar!.store.getState().engine.adapterName,
    isolated: self.crossOriginIsolated,
  }), steps);
}

describe('CPU worker and WebAssembly', () => {
  it("under script-src 'self' 'wasm-unsafe-eval' the worker trains on the WebAssembly SIMD kernel and its nested threads, with no console error", async () => {
    const { engine, watch, threads } = await openWithCsp("script-src 'self' 'wasm-unsafe-eval'");
    expect(engine).toBe(`CPU (WebAssembly SIMD, ${threads} threads, Web Worker)`);
    expect(watch.errors).toEqual([]);
  });

  it('an isolated page trains on every core with the same loss curve, bit for bit, as an iframe in a non-isolated page on one thread', async () => {
    const steps = 12;
    // batch 256 = 4 slices of 64 rows: every thread gets work
    const link = appUrl(cpuQuery({ ...defaultConfig(), ...TINY, batch: 256, pairs: 16, seed: 7, steps }));
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(link);
    const threads = await expectedThreads(page);
    const isolatedRun = await finishedRun(page, steps);
    expect(isolatedRun.isolated).toBe(true);
    expect(isolatedRun.engine).toBe(`CPU (WebAssembly SIMD, ${threads} threads, Web Worker)`);
    expect(isolatedRun.loss).toHaveLength(steps);
    // the helpers are nested workers of the CPU worker (src/engine/wasm/sliceWorker.ts)
    expect(page.workers().filter((w) => /sliceWorker/.test(w.url()))).toHaveLength(threads - 1);
    expect(watch.errors).toEqual([]);
    await page.close();

    // embed mode in a page without COOP/COEP (about:blank): the frame is not isolated, falls back quietly
    const host = await browser.newPage();
    const hostWatch = watchPage(host);
    await host.setContent(`<iframe src="${link}&embed=true" width="600" height="400"></iframe>`);
    const frame = await host.locator('iframe').elementHandle().then((el) => el!.contentFrame());
    if (!frame) throw new Error('the iframe has no frame');
    const framedRun = await finishedRun(frame, steps);
    expect(framedRun.isolated).toBe(false);
    expect(framedRun.engine).toBe('CPU (WebAssembly SIMD, 1 thread, not cross-origin isolated, Web Worker)');
    expect(framedRun.loss).toEqual(isolatedRun.loss);
    expect(hostWatch.errors).toEqual([]);
    await host.close();
  });
});
