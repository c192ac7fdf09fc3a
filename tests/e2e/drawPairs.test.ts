// Drawing pairs in the Pairs panel (src/panels/drawMode): by mouse, touch and keyboard, each drawn
// pair ends up in the link (userPairs, coupling=user) and in the training set the trainer uses.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, pageState, TINY, touchDrag } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { decodeConfig } from '../decodeConfig';

const browser = sharedBrowser();

/** The trainer's pairs (flat) and the store's userPairs, once both hold `n` pairs and the address bar carries them. */
async function trained(page: Page, n: number): Promise<{ pairs: number[]; link: number[] }> {
  await page.waitForFunction((k) => {
    const s = window.__flowvar?.store.getState();
    return !!s && s.pairs?.n === k && s.config.userPairs.length === 4 * k;
  }, n, { polling: 100, timeout: 30_000 });
  const r = await page.evaluate(() => {
    const s = window.__flowvar!.store.getState();
    const p = s.pairs!;
    const pairs: number[] = [];
    for (let i = 0; i < p.n; i++) pairs.push(p.x0[2 * i], p.x0[2 * i + 1], p.x1[2 * i], p.x1[2 * i + 1]);
    return { pairs, link: [...s.config.userPairs] };
  });
  // the address bar follows after its debounce: it must decode to exactly the trained pairs
  await expect.poll(async () => {
    const { config } = decodeConfig(await page.evaluate(() => location.search));
    return [config.coupling, config.userPairs];
  }, { timeout: 5000 }).toEqual(['user', r.link]);
  return r;
}

/** Page coordinates of the SVG point (sx, sy) of the pairs panel. */
async function pagePoint(page: Page, sx: number, sy: number): Promise<[number, number]> {
  const box = (await page.getByTestId('pairs-svg').boundingBox())!;
  return [box.x + sx, box.y + sy];
}

describe('draw your own pairs', () => {
  it('mouse draws and moves, touch draws, the keyboard adds, Delete and Shift-click remove, a stamp replaces; the link and the training set follow', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(cpuQuery({ ...defaultConfig(), ...TINY, seed: 3, pairs: 8, steps: 5 })));
    await page.waitForFunction(() => window.__flowvar?.store.getState().engine.phase === 'ready', undefined, { polling: 100 });
    await page.getByRole('button', { name: 'Draw pairs' }).click();
    expect(await page.getByTestId('draft-pair').count()).toBe(8);
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await page.getByTestId('draft-pair').count()).toBe(0);

    // mouse: press, drag, release
    const box = (await page.getByTestId('pairs-svg').boundingBox())!;
    const [ax, ay] = [box.x + box.width * 0.3, box.y + box.height * 0.6];
    await page.mouse.move(ax, ay);
    await page.mouse.down();
    await page.mouse.move(ax + 40, ay - 20, { steps: 4 });
    await page.mouse.move(ax + 80, ay - 40, { steps: 4 });
    await page.mouse.up();
    let t = await trained(page, 1);
    expect(t.pairs).toEqual(t.link);
    expect(t.link[2]).toBeGreaterThan(t.link[0]); // x1 is right of x0
    expect(t.link[3]).toBeGreaterThan(t.link[1]); // and above it
    const first = [...t.link];

    // mouse: drag the x1 handle somewhere else; x0 stays
    const tgt = page.locator('[data-testid="draft-pair"] circle.tgt').first();
    const [cx, cy] = await pagePoint(page, Number(await tgt.getAttribute('cx')), Number(await tgt.getAttribute('cy')));
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx, cy + 60, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((y) => window.__flowvar!.store.getState().config.userPairs[3] < y - 0.1, first[3], { polling: 100 });
    t = await trained(page, 1);
    expect(t.link.slice(0, 3)).toEqual(first.slice(0, 3));
    expect(t.pairs).toEqual(t.link);

    // touch: a finger drag through the Chrome DevTools protocol (pointerType "touch")
    await touchDrag(page, box.x + box.width * 0.6, box.y + box.height * 0.3, 0, 12, 5);
    t = await trained(page, 2);
    expect(t.link[7]).toBeLessThan(t.link[5]); // drawn downwards
    expect(t.pairs).toEqual(t.link);

    // keyboard: the cross starts at (0, 0); → ×5, Enter, Shift+↑ ×5, Enter gives (0.5, 0) → (0.5, 2.5)
    const playing = (await pageState(page)).playing;
    await page.getByTestId('pairs-svg').focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    for (let k = 0; k < 5; k++) await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Enter');
    t = await trained(page, 3);
    expect(t.link.slice(8)).toEqual([0.5, 0, 0.5, 2.5]);
    expect((await pageState(page)).playing).toBe(playing); // → moved the cross, it did not step the run

    // Delete removes the focused pair (the one just added), Shift-click removes the first
    await page.keyboard.press('Delete');
    await trained(page, 2);
    const src = page.locator('[data-testid="draft-pair"] circle.src').first();
    const [sx, sy] = await pagePoint(page, Number(await src.getAttribute('cx')), Number(await src.getAttribute('cy')));
    await page.keyboard.down('Shift');
    await page.mouse.click(sx, sy);
    await page.keyboard.up('Shift');
    t = await trained(page, 1);
    expect(t.link[1]).toBeGreaterThan(t.link[3]); // the touch-drawn pair is left

    // a stamp replaces the drawing: 12 pairs on a circle, each line through the centre
    await page.getByLabel('stamp').selectOption('circle');
    await page.getByLabel('N', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Stamp' }).click();
    t = await trained(page, 12);
    expect(Math.abs(t.link[0] + t.link[2])).toBeLessThan(1e-9);
    await page.close();
  }, 120_000);
});
