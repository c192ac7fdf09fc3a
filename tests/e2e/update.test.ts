// A new deployment never breaks the open page (src/offline/serviceWorker.js): two builds that differ
// in a visible string (the build id in the help dialog: the suite's dist/, and one built here with
// FLOWVAR_BUILD_ID), the first served as a common static host serves it (Cache-Control: public,
// max-age=0, must-revalidate). Once the host serves the second,
// the open page keeps training and still loads a chunk it had not loaded (its name is gone from the
// host), the notice offers Reload, Reload opens the new version whole, and it reloads offline too.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildPage, DIST, launchBrowser, SUB_PATH, watchPage } from './harness';
import { cpuQuery, TINY, waitForStep } from './appPage';
import { serveStatic } from '../../bench/staticServer';
import { defaultConfig } from '../../src/engine/runConfig';

/** The version line of the help dialog (opened and closed with its key). */
async function shownVersion(page: Page): Promise<string | null> {
  await page.keyboard.press('?');
  const text = await page.getByTestId('app-version').textContent();
  await page.keyboard.press('Escape');
  return text;
}

/** Names of the built files under assets/ the page has requested so far. */
async function loadedAssets(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  return urls.filter((u) => new URL(u).pathname.includes('/assets/')).map((u) => basename(new URL(u).pathname));
}

/** The suite's build: its id is the hash of the sources (src/offline/buildId.ts). */
const OLD = /^flowvar 0\.1\.0 \(build [0-9a-f]{10}\)$/;

describe('a new deployment', () => {
  it('the open page keeps working on its version, offers Reload, and Reload opens the new version whole, offline too', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowvar-update-'));
    const [oldDir, newDir] = [DIST, join(root, 'new')];
    // the new version builds while the old one loads and trains (awaited before the swap)
    const built = buildPage(newDir, { FLOWVAR_BUILD_ID: 'e2e-new' });
    built.catch(() => {}); // a failed build fails the test at its await, not as an unhandled rejection
    const oldAssets = readdirSync(join(oldDir, 'assets'));
    // the host's folder, swapped under the running server as a deployment does
    const mounts: Record<string, string> = { [SUB_PATH]: oldDir };
    const server = await serveStatic(mounts, { cacheControl: 'public, max-age=0, must-revalidate' });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(`${server.origin}${SUB_PATH}?${cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 0 })}`);
      await waitForStep(page, 3);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { polling: 100 });
      expect(await shownVersion(page)).toMatch(OLD);

      await built;
      const newAssets = new Set(readdirSync(join(newDir, 'assets')));
      mounts[SUB_PATH] = newDir;
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
      await page.getByTestId('update-notice').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('update-notice').textContent()).toBe('A new version is ready:Reload');

      // the open page goes on: it trains, and a chunk it never loaded (no longer on the host) loads
      const step = await page.evaluate(() => window.__flowvar!.store.getState().stepCount);
      await waitForStep(page, step + 5);
      const loaded = new Set(await loadedAssets(page));
      const lazy = oldAssets.find((f) => /^pytorchScript-.*\.js$/.test(f) && !newAssets.has(f) && !loaded.has(f));
      expect(lazy, 'a lazy chunk of the old build that the new one renamed').toBeDefined();
      expect(existsSync(join(newDir, 'assets', lazy!))).toBe(false);
      // a string: Vitest would rewrite a dynamic import() inside a function
      const exports = await page.evaluate(`import(new URL('assets/${lazy!}', location.href).href).then((m) => Object.keys(m))`) as string[];
      expect(exports.length).toBeGreaterThan(0);
      expect(await shownVersion(page)).toMatch(OLD);

      // Reload: the new version, every asset from the new build
      await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
      await waitForStep(page, 3);
      expect(await shownVersion(page)).toBe('flowvar 0.1.0 (build e2e-new)');
      const after = await loadedAssets(page);
      expect(after.length).toBeGreaterThan(2);
      expect(after.filter((f) => !newAssets.has(f))).toEqual([]);
      await expect.poll(() => page.getByTestId('update-notice').count()).toBe(0);

      // offline: the new version from the cache
      await browser.context.setOffline(true);
      try {
        await page.reload();
        await waitForStep(page, 3);
        expect(await shownVersion(page)).toBe('flowvar 0.1.0 (build e2e-new)');
      } finally {
        await browser.context.setOffline(false);
      }
      expect(watch.errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      await built.catch(() => {});
      rmSync(root, { recursive: true, force: true });
    }
  });
});
