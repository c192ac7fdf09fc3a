// Offline once loaded (docs/deploy.md#offline): the built site's service worker (dist/sw.js,
// written by the precache plugin) caches every file on the first visit; with the network gone
// (Playwright's offline emulation) the page reloads, even with another link, and trains.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';

const browser = sharedBrowser();

describe('offline', () => {
  it('after one visit the page reloads and trains with no network, under its sub-path', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 })));
    await waitForStep(page, 1);
    // the worker is installed (every file cached) and controls the page
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe('/flowvar/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { polling: 100 });
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))).reduce((a, b) => a + b, 0));
    expect(cached).toBeGreaterThan(5);

    await browser.context.setOffline(true);
    try {
      // another link than the first visit's: the cached page serves every query
      const response = await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, seed: 42 })));
      expect(response?.fromServiceWorker()).toBe(true);
      await waitForStep(page, 2);
      expect(await page.evaluate(() => window.__flowvar!.store.getState().config.seed)).toBe(42);
      // the network really is gone: a file the worker never cached does not load
      const uncached = await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then((r) => `status ${r.status}`, () => 'failed'));
      expect(uncached).toBe('failed');
    } finally {
      await browser.context.setOffline(false);
    }
    await page.close();
  });
});
