// The story on the CPU engine: the bare page opens chapter 1 and moves within seconds; every
// chapter opens from its link, trains and draws; the card survives σ changes (marked modified)
// without moving the page; keys and buttons walk the chapters; a chapter link reproduces the card.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, watchPage, sharedBrowser } from './harness';
import { axisTicks, cpuQuery, inkedPixels, pageState, TINY, waitForEvaluation, waitForStep } from './appPage';
import { chapterById, chapterConfig, CHAPTERS } from '../../src/story/chapters';
import { chapterWords } from '../storyWords';

const browser = sharedBrowser();

/** The chapter's mark is drawn on the panel's data, with its label inside the plot and off the tool buttons. */
async function expectMarkOnData(page: Page, panel: string, anchor: string, label: string) {
  const mark = page.getByTestId(`panel-${panel}`).getByTestId('story-mark-data');
  await mark.waitFor({ timeout: 30_000 });
  expect(await mark.getAttribute('data-anchor')).toBe(anchor);
  expect(await mark.locator('text').textContent()).toContain(label);
  const text = (await mark.locator('text').boundingBox())!;
  // the plot the mark is drawn in (a compare panel holds several)
  const plot = (await mark.locator('xpath=ancestor::div[contains(@class, "plot")][1]').boundingBox())!;
  expect(text.y).toBeGreaterThanOrEqual(plot.y);
  expect(text.y + text.height).toBeLessThanOrEqual(plot.y + plot.height);
  expect(text.x).toBeGreaterThanOrEqual(plot.x);
  expect(text.x + text.width).toBeLessThanOrEqual(plot.x + plot.width);
  for (const tool of await page.getByTestId(`panel-${panel}`).locator('.panel-tools button').all()) {
    const b = (await tool.boundingBox())!;
    const overlaps = text.x < b.x + b.width && b.x < text.x + text.width && text.y < b.y + b.height && b.y < text.y + text.height;
    expect(overlaps, `label over ${await tool.textContent()}`).toBe(false);
  }
}

describe('story', () => {
  it('the bare page opens chapter 1 with its card; pairs draw and the step counter moves within seconds', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(appUrl('engine=cpu'));
    await page.getByTestId('explain').waitFor();
    expect(await page.getByTestId('chapter-position').textContent()).toBe(`1 / ${CHAPTERS.length}`);
    // the pairs draw before any training step (seconds are measured by npm run bench, not asserted here)
    await page.waitForFunction(() => window.__flowvar!.store.getState().pairs !== null, undefined, { polling: 100, timeout: 60_000 });
    await expect.poll(() => inkedPixels(page, 'canvas-pairs'), { timeout: 30_000 }).toBeGreaterThan(50);
    await waitForStep(page, 40, 60_000);
    // while steps advance the rate never reads 0
    for (let i = 0; i < 5; i++) {
      expect(await page.getByTestId('steps-per-sec').textContent()).not.toMatch(/^0 steps/);
      await page.waitForTimeout(150);
    }
    expect(await page.getByTestId('story-text').textContent()).not.toContain('{');
    expect((await pageState(page)).config).toEqual(chapterConfig(CHAPTERS[0], 'cpu'));
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  for (const chapter of CHAPTERS.slice(0, 5)) {
    it(`chapter "${chapter.id}" opens from its link, trains and draws its panels`, async () => {
      const config = { ...chapterConfig(chapter, 'cpu'), ...TINY, pairs: Math.min(64, chapterConfig(chapter, 'cpu').pairs) };
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(appUrl(`${cpuQuery(config)}&chapter=${chapter.id}`));
      await waitForStep(page, 20);
      await waitForEvaluation(page, 1);
      const s = await pageState(page);
      expect(s.config).toEqual(config);
      expect(await page.getByTestId('explain').getAttribute('data-chapter')).toBe(chapter.id);
      // tiny sizes differ from the chapter's own: the card says so
      expect(await page.getByTestId('story-modified').count()).toBe(1);
      for (const panel of ['panel-pairs', 'panel-flow', 'panel-gradvar']) {
        expect(await axisTicks(page, panel), `${panel} axis ticks`).toBeGreaterThan(2);
      }
      await page.waitForTimeout(200);
      for (const canvas of ['canvas-pairs', 'canvas-flow', 'canvas-gradvar']) {
        expect(await inkedPixels(page, canvas), `${canvas} pixels`).toBeGreaterThan(50);
      }
      const { kind } = chapter.look.target;
      if (kind === 'curve' || kind === 'region') await expectMarkOnData(page, chapter.panel, kind === 'curve' ? 'level' : 'box', chapterWords(chapter.id).lookFor);
      if (chapter.look.target.kind === 'readout') {
        // the mark outlines and labels the one readout the chapter is about, not the whole panel
        const cell = page.getByTestId('panel-readouts').locator(`[data-metric="${chapter.look.target.metric}"] dd`);
        expect(await cell.getByTestId('story-mark').textContent()).toBe(chapterWords(chapter.id).lookFor);
        expect(await cell.getAttribute('data-story-mark')).toBe('readout');
      }
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }

  it('the ReFlow and compare chapters mark their data: the rounds\' reproduction band, run A\'s variance level', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    const tiny = (id: string) => cpuQuery({ ...chapterConfig(chapterById(id)!, 'cpu'), ...TINY, pairs: 16, steps: 30 });
    await page.goto(appUrl(`${tiny('reflow')}&chapter=reflow`));
    await waitForStep(page, 1);
    await page.getByTestId('reflow-rounds').fill('1');
    await page.getByTestId('reflow-start').click();
    await expectMarkOnData(page, 'reflow', 'box', chapterWords('reflow').lookFor);
    // the panel's own label gives way to the label on the data
    expect(await page.getByTestId('panel-reflow').getByTestId('story-mark').isVisible()).toBe(false);
    await page.goto(appUrl(`${tiny('compare')}&chapter=compare&compare=sigma:0.05`));
    await expectMarkOnData(page, 'compare', 'level', chapterWords('compare').lookFor);
    // run B on another σ than the chapter's is no longer the chapter's run: the card says so
    expect(await page.getByTestId('story-modified').count()).toBe(1); // tiny sizes
    await page.goto(appUrl(`${cpuQuery({ ...chapterConfig(chapterById('compare')!, 'cpu') })}&chapter=compare&compare=sigma:0.05&autoplay=false`));
    await page.getByTestId('explain').waitFor();
    expect(await page.getByTestId('story-modified').count()).toBe(0);
    await page.getByTestId('story-try').click();
    await page.getByTestId('story-modified').waitFor();
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('σ changes keep the card (modified, no layout jump); keys and buttons walk chapters; the link reproduces the card', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl('engine=cpu&chapter=rotated'));
    await waitForStep(page, 3);
    const box = async () => (await page.getByTestId('sigma-slider').boundingBox())!;
    const before = await box();
    await page.getByTestId('sigma-slider').focus();
    // one notch: two presses can land at different steps now that the page draws its frames
    // (two markers; the mark then tells the second, 1e−4 → 2e−4, not the change from σ = 0)
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await pageState(page)).config.sigma).toBeGreaterThan(0);
    // the variance mark now bands the level since the σ marker
    await expect.poll(() => page.getByTestId('story-mark-data').getAttribute('data-sigma-change')).toMatch(/^\d+$/);
    expect(await page.getByTestId('story-mark-data').locator('text').textContent()).toMatch(/ · now [\d.,e+−-]+$/);
    // the chapter's claim ("falls towards zero") is about σ = 0: after the change the mark says what changed
    expect(await page.getByTestId('story-mark-data').locator('text').textContent()).toMatch(/^since σ 0 → [\d.e+−-]+ at step [\d,]+ · now /);
    expect(await page.getByTestId('story-modified').textContent()).toContain('modified from chapter 2');
    expect(await page.getByTestId('explain').getAttribute('data-chapter')).toBe('rotated');
    expect((await box()).y).toBe(before.y);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('chapter=rotated');
    const link = await page.evaluate(() => window.__flowvar!.shareLink());
    // Next by key: chapter 3, a fresh run from step 0, the card unmodified
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect.poll(async () => page.getByTestId('explain').getAttribute('data-chapter')).toBe(CHAPTERS[2].id);
    expect(await page.getByTestId('chapter-position').textContent()).toBe(`3 / ${CHAPTERS.length}`);
    expect(await page.getByTestId('story-modified').count()).toBe(0);
    // another chapter may move the page: it brings its own panel into view (tests/e2e/storyLayout.test.ts)
    await page.getByTestId('chapter-prev').click();
    await expect.poll(async () => page.getByTestId('explain').getAttribute('data-chapter')).toBe('rotated');
    await page.keyboard.press('4');
    await expect.poll(async () => (await pageState(page)).config.pairs).toBe(chapterConfig(CHAPTERS[3], 'cpu').pairs);
    // the copied link opens the same chapter, marked modified (σ was changed)
    const other = await browser.newPage();
    await other.goto(link);
    await other.getByTestId('story-modified').waitFor();
    expect(await other.getByTestId('explain').getAttribute('data-chapter')).toBe('rotated');
    await other.close();
    await page.getByTestId('story-close').click();
    expect(await page.getByTestId('explain').count()).toBe(0);
    await page.close();
  });
});
