// No empty panel, every word explained, at 1366×768 on the CPU worker.
// Walking the eight chapters, every visible panel draws within 10 s of the chapter opening (or
// says plainly why it shows nothing: compare mode, a sweep or ReFlow not run yet), and the card's
// "Look for" line and the chapter's target lie in view together (the other sizes: tests/e2e/storyLayout.test.ts); while two runs
// are compared, the single-run panels say so and point to the compare panel; each panel has a
// one-line definition under its title (on screen, not only on hover); the help dialog's glossary
// explains the words the page shows.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { chapterBoxes, walkChapters } from './appPage';
import { PANELS } from '../../src/story/panelList';

const browser = sharedBrowser();

/** The visible panels that have not drawn yet, with what they show instead. */
async function waitingPanels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const inked = (c: HTMLCanvasElement | null) => {
      const ctx = c && c.width > 0 && c.height > 0 ? c.getContext('2d') : null;
      if (!c || !ctx) return false;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
      return false;
    };
    const waiting: string[] = [];
    for (const panel of document.querySelectorAll<HTMLElement>('[data-panel]')) {
      const id = panel.dataset.panel!;
      if (panel.querySelector('[data-testid="compare-elsewhere"]')) continue; // says why, with a way on
      const text = panel.textContent ?? '';
      let drawn: boolean;
      if (id === 'flow') drawn = /evaluated at step \d+/.test(text) && inked(panel.querySelector('canvas'));
      else if (id === 'readouts') drawn = !/^—/.test(panel.querySelector('[data-testid="readout-reproduction"]')?.textContent ?? '—');
      else if (id === 'sweep') drawn = text.includes('Run a sweep') || inked(panel.querySelector('canvas'));
      else if (id === 'reflow') drawn = text.includes('Run ReFlow:') || inked(panel.querySelector('canvas'));
      else if (id === 'compare') drawn = text.includes('Train this configuration twice') || inked(panel.querySelector('[data-testid="canvas-compare-curves"]'));
      else drawn = inked(panel.querySelector('canvas'));
      if (!drawn) waiting.push(`${id}: ${text.slice(0, 80)}`);
    }
    return waiting;
  });
}

describe('no empty panel, every word explained', () => {
  it('1366×768: every visible panel draws within 10 s of each chapter opening, its panel and "Look for" line in view; compare mode says where the runs are', async () => {
    const page = await walkChapters(browser, [1366, 768], 'engine=cpu&chapter=lines', async (chapter, page) => {
      await Promise.all([
        expect.poll(() => waitingPanels(page), { timeout: 10_000, interval: 250, message: `chapter ${chapter.id}: panels still waiting 10 s after it opened` }).toEqual([]),
        // the scroll runs two frames after the chapter renders
        expect.poll(async () => (await chapterBoxes(page, chapter)).outside, { timeout: 5000, interval: 250, message: `chapter ${chapter.id}: out of view` }).toEqual([]),
      ]);
    });
    // chapter 8 compares: the single-run panels say so, with a way to the compare panel
    for (const id of PANELS.filter((p) => 'singleRun' in p).map((p) => p.id)) {
      expect(await page.getByTestId(`panel-${id}`).getByTestId('compare-elsewhere').isVisible(), id).toBe(true);
    }
    await page.getByTestId('panel-gradvar').getByRole('button', { name: 'Go to the compare panel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-panel'))).toBe('compare');
    await page.close();
  });

  it('each panel has a visible definition; the glossary explains the words shown; σ names the paper; curvature reads the right way', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(appUrl('engine=cpu&autoplay=false&chapter=rotated'));
    await page.getByTestId('explain').waitFor();
    for (const p of PANELS) {
      const def = page.getByTestId(`definition-${p.id}`);
      expect(await def.isVisible(), p.id).toBe(true);
      expect((await def.textContent())!.length, p.id).toBeGreaterThan(40);
    }
    expect(await page.getByTestId('panel-readouts').textContent()).toContain('path curvature');
    expect(await page.locator('.sigma-ticks .paper').first().textContent()).toContain('Reu et al. 2025');
    await page.getByTestId('help-open').click();
    const glossary = (await page.getByTestId('glossary').textContent())!;
    // the words the issue found unexplained, as the page writes them
    for (const word of ['tr Cov[∇ℓ]', 'sliced W2', 'Gaussian W2', 'transport cost vs OT', 'Var[u_t | x_t ≈ x, t]', 'Reu et al. 2025', 'path curvature', '±2σ tube']) {
      expect(glossary, word).toContain(word);
    }
    await page.close();
  });
});
