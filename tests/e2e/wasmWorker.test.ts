// The CPU worker trains on the WebAssembly kernel under a strict CSP (script-src 'self'
// 'wasm-unsafe-eval'), and without 'wasm-unsafe-eval' it falls back to the JavaScript reference
// and still trains (src/engine/cpuWorker.ts).
import { describe, expect, it } from 'vitest';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const browser = sharedBrowser();

/** Opens a tiny CPU link with `csp` on every response (page, worker script, .wasm). */
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

  it("under script-src 'self' alone the worker says why and trains on the JavaScript reference", async () => {
    const { engine } = await openWithCsp("script-src 'self'");
    expect(engine).toMatch(/^CPU \(JavaScript, Web Worker; no WebAssembly: .+\)$/);
  });
});
