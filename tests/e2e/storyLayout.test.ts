// Every chapter's panel in view (docs/design.md#the-story): at 1280×720, 1366×768, 1920×1080 and 390×844,
// one page load per size walks the eight chapters with Next and, for each, asserts that the card's
// "Look for" line and the chapter's plot (its marked readout row for the memorization chapter) lie
// inside the viewport together, above the phone's fixed Play / σ bar. Nothing trains
// (autoplay=false): the boxes are the layout's, so the walk stays cheap.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sharedBrowser } from './harness';
import { walkChapters } from './appPage';
import { panelInfo } from '../../src/story/panelList';

const browser = sharedBrowser();

const SIZES = [[1280, 720], [1366, 768], [1920, 1080], [390, 844]] as const;

interface Boxes { look: string; target: string; bottom: number; outside: string[] }

/** The boxes of the "Look for" line and the chapter's target, and which of them leave the visible area. */
async function chapterBoxes(page: Page, anchor: string, readout: string | null): Promise<Boxes> {
  return page.evaluate(([anchorId, metric]) => {
    const panel = document.getElementById(anchorId!)!;
    const target = (metric ? panel.querySelector(`[data-metric="${metric}"]`) : panel.querySelector('.plot')) ?? panel;
    const look = document.querySelector('[data-testid="story-look"]')!.closest('.story-foot')!;
    const bar = document.querySelector('[data-testid="phone-bar"]');
    const bottom = bar ? bar.getBoundingClientRect().top : innerHeight;
    const fmt = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const outside: string[] = [];
    for (const [name, el] of [['look', look], ['target', target]] as const) {
      const r = el.getBoundingClientRect();
      if (!(r.height > 0 && r.top >= -0.5 && r.bottom <= bottom + 0.5 && r.left >= -0.5 && r.right <= innerWidth + 0.5)) outside.push(`${name} ${fmt(r)}`);
    }
    return { look: fmt(look.getBoundingClientRect()), target: fmt(target.getBoundingClientRect()), bottom, outside };
  }, [anchor, readout] as const);
}

describe('every chapter\'s panel in view with the card\'s "Look for" line', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: all eight chapters by Next`, async () => {
      const page = await walkChapters(browser, [width, height], 'engine=cpu&autoplay=false&chapter=lines', async (chapter, page) => {
        const readout = chapter.look.target.kind === 'readout' ? chapter.look.target.metric : null;
        // the scroll runs two frames after the chapter renders
        await expect.poll(async () => (await chapterBoxes(page, panelInfo(chapter.panel).anchor, readout)).outside, { timeout: 5000 }).toEqual([]);
      });
      if (width === 390) {
        // "Try this" from the top of the page brings the panel into view too (chapter 2: σ = 0.3 now)
        await page.getByTestId('chapter-prev').click(); // … back to chapter 7, then to 2 by key
        await page.keyboard.press('2');
        await expect.poll(() => page.getByTestId('explain').getAttribute('data-chapter')).toBe('rotated');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByTestId('story-try').click();
        await expect.poll(async () => (await chapterBoxes(page, panelInfo('gradvar').anchor, null)).outside, { timeout: 5000 }).toEqual([]);
      }
      await page.close();
    });
  }
});
