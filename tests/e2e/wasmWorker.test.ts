// The CPU worker trains on the WebAssembly kernel under a strict CSP (script-src 'self'
// 'wasm-unsafe-eval': the built page's meta policy, src/csp.ts, and the same as a header here).
// (Playwright's routes do not see the worker's own requests in this Chromium, so the JavaScript
// fallback of src/engine/cpuWorker.ts is not driven from here.)
import { describe, expect, it } from 'vitest';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const browser = sharedBrowser();

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
  await page.close();
  return { engine, watch };
}

describe('CPU worker and WebAssembly', () => {
  it("under script-src 'self' 'wasm-unsafe-eval' the worker trains on the WebAssembly SIMD kernel, with no console error", async () => {
    const { engine, watch } = await openWithCsp("script-src 'self' 'wasm-unsafe-eval'");
    expect(engine).toBe('CPU (WebAssembly SIMD, 1 thread, Web Worker)');
    expect(watch.errors).toEqual([]);
  });
});
