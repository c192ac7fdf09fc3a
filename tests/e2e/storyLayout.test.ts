// Every chapter's panel in view (docs/design.md#the-story): at 1280×720, 1920×1080 and 390×844,
// one page load per size walks the eight chapters with Next and, for each, asserts that the card's
// "Look for" line and the chapter's plot (its marked readout row for the memorization chapter) lie
// inside the viewport together, above the phone's fixed Play / σ bar. Nothing trains
// (autoplay=false): the boxes are the layout's, so the walk stays cheap. 1366×768 is asserted in
// the walk of tests/e2e/storyPanels.test.ts, which visits the same chapters at that size.
import { describe, expect, it } from 'vitest';
import { sharedBrowser } from './harness';
import { chapterBoxes, walkChapters } from './appPage';
import { chapterById } from '../../src/story/chapters';

const browser = sharedBrowser();

const SIZES = [[1280, 720], [1920, 1080], [390, 844]] as const;

describe('every chapter\'s panel in view with the card\'s "Look for" line', () => {
  for (const [width, height] of SIZES) {
    it(`${width}×${height}: all eight chapters by Next`, async () => {
      const page = await walkChapters(browser, [width, height], 'engine=cpu&autoplay=false&chapter=lines', async (chapter, page) => {
        // the scroll runs two frames after the chapter renders
        await expect.poll(async () => (await chapterBoxes(page, chapter)).outside, { timeout: 5000 }).toEqual([]);
      });
      if (width === 390) {
        // "Try this" from the top of the page brings the panel into view too (chapter 2: σ = 0.3 now)
        await page.getByTestId('chapter-prev').click(); // … back to chapter 7, then to 2 by key
        await page.keyboard.press('2');
        await expect.poll(() => page.getByTestId('explain').getAttribute('data-chapter')).toBe('rotated');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByTestId('story-try').click();
        await expect.poll(async () => (await chapterBoxes(page, chapterById('rotated')!)).outside, { timeout: 5000 }).toEqual([]);
      }
      await page.close();
    });
  }
});
