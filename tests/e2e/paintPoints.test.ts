// Painting the target's own points in the Pairs panel: a mouse stroke, a finger stroke and the
// keyboard brush each add points, Delete erases under the brush; the painted set is what the
// trainer's x1 are drawn from and what the link carries (targetPoints, target=points).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY, touchDrag } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { decodeLink } from '../../src/link/link';

const browser = sharedBrowser();

/** The store's target points once target=points holds more than `above` of them and the link carries the same set. */
async function painted(page: Page, above: number): Promise<number[]> {
  await page.waitForFunction((k) => {
    const c = window.__flowvar?.store.getState().config;
    return !!c && c.target === 'points' && c.targetPoints.length / 2 > k;
  }, above, { polling: 100, timeout: 30_000 });
  const pts = await page.evaluate(() => [...window.__flowvar!.store.getState().config.targetPoints]);
  await expect.poll(async () => decodeLink(await page.evaluate(() => location.search + location.hash)).config.targetPoints, { timeout: 5000 }).toEqual(pts);
  return pts;
}

describe('paint points', () => {
  it('mouse, touch and keyboard paint target points; Delete erases; the trainer draws its x1 from them', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, pairs: 64, steps: 5 })));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    await page.getByRole('button', { name: 'Paint points' }).click();
    expect(await page.getByTestId('paint-count').textContent()).toBe('0 / 512 points');

    // mouse: a stroke to the right, above the middle
    const box = (await page.getByTestId('pairs-svg').boundingBox())!;
    const [ax, ay] = [box.x + box.width * 0.3, box.y + box.height * 0.3];
    await page.mouse.move(ax, ay);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(ax + 15 * k, ay, { steps: 2 });
    await page.mouse.up();
    let pts = await painted(page, 4);
    const ys = pts.filter((_, i) => i % 2 === 1);
    expect(ys.every((y) => y > 0)).toBe(true); // above the middle of the plane
    const afterMouse = pts.length / 2;

    // touch: a finger stroke downwards, lower right
    await touchDrag(page, box.x + box.width * 0.7, box.y + box.height * 0.6, 0, 12, 6);
    pts = await painted(page, afterMouse);
    const afterTouch = pts.length / 2;
    expect(pts.slice(2 * afterMouse).filter((_, i) => i % 2 === 0).every((x) => x > 0)).toBe(true); // right of the middle

    // keyboard: the brush starts at (0, 0); Shift+← ×4 moves it to (−2, 0), Enter paints there, Delete erases it again
    await page.getByTestId('pairs-svg').focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Enter');
    pts = await painted(page, afterTouch);
    const dab = pts.slice(2 * afterTouch);
    expect(dab.length).toBe(8);
    for (let i = 0; i < dab.length; i += 2) expect(Math.hypot(dab[i] + 2, dab[i + 1])).toBeLessThan(0.6);
    await page.keyboard.press('Delete');
    await page.waitForFunction((n) => window.__flowvar!.store.getState().config.targetPoints.length === 2 * n, afterTouch, { polling: 100 });

    // the trainer's x1 are the painted points plus jitter (std 0.05)
    const far = await page.evaluate(() => {
      const s = window.__flowvar!.store.getState();
      const t = s.config.targetPoints, p = s.pairs!;
      let worst = 0;
      for (let i = 0; i < p.n; i++) {
        let best = Infinity;
        for (let k = 0; k < t.length; k += 2) best = Math.min(best, Math.hypot(p.x1[2 * i] - t[k], p.x1[2 * i + 1] - t[k + 1]));
        worst = Math.max(worst, best);
      }
      return worst;
    });
    expect(far).toBeLessThan(0.3); // 6 std of the jitter
    await page.close();
  }, 120_000);
});
