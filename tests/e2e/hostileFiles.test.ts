// Hostile files on every drop target (tests/e2e/hostileFiles.ts holds the table per target): each
// dropped file gets its message while the training goes on, the link and the settings stay as
// they were, no error banner shows and the page throws nothing.
import { describe, expect, it } from 'vitest';
import { appUrl, sharedBrowser, watchPage } from './harness';
import { cpuQuery, dropFile, pageState, TINY, waitForStep } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { HOSTILE_DROPS } from './hostileFiles';

const browser = sharedBrowser();

describe('hostile files dropped on the page', () => {
  for (const [target, { status, cases, close }] of Object.entries(HOSTILE_DROPS)) {
    it(`${target}: ${cases.map((c) => c.name).join(', ')} are refused with a message; the run trains on, its link unchanged`, async () => {
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16, steps: 0 })));
      await waitForStep(page, 5);
      const start = await pageState(page);
      for (const c of cases) {
        await dropFile(page, c.name, c.parts, 'application/json');
        await expect.poll(() => page.getByTestId(status).textContent(), { timeout: 30_000, message: c.name }).toMatch(c.says);
        const before = await pageState(page);
        await waitForStep(page, before.step + 3); // still training
        const after = await pageState(page);
        expect(after.playing, c.name).toBe(true);
        expect(after.error, c.name).toBeNull();
        expect(after.config, c.name).toEqual(start.config);
        expect(after.search, c.name).toBe(start.search);
        await close?.(page);
      }
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }
});
