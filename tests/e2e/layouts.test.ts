// Lecture hall and phone layouts (docs/classroom.md#projector-and-lecture, docs/classroom.md#phones): bounding boxes measured in headless
// Chromium. Projector theme at 1280×720, 1366×768, 1920×1080: σ, play and the chapter's panel on
// screen together, no page scroll, type readable from the back. Phone 390×844: a bottom bar with
// play and σ stays on screen beside the panels, targets ≥ 24 px, one panel per width, no sideways scroll. The walk runs in every language (docs/i18n.md), lecture mode and the phone in German too.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, TINY, waitForStep, walkChapters } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { panelInfo } from '../../src/story/panelList';

const Q = cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 });

const browser = sharedBrowser();

/** The element's box, and whether it lies wholly inside the viewport. */
async function onScreen(page: Page, selector: string): Promise<{ inside: boolean; box: string }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return { inside: false, box: 'missing' };
    const r = el.getBoundingClientRect();
    const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
    return { inside, box: `${sel} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${innerWidth}×${innerHeight}` };
  }, selector);
}

describe('projector theme', () => {
  for (const [width, height] of [[1280, 720], [1366, 768], [1920, 1080]] as const) {
    it(`${width}×${height}: σ, play and the chapter's panel on one screen, no page scroll, ≥ 20 px text and ≥ 16 px ticks`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height });
      // chapter 2 (rotated pairs) is about the gradient-variance panel
      await page.goto(appUrl(`${Q}&theme=projector&autoplay=false&chapter=rotated`));
      await page.getByTestId('sigma-slider').waitFor();
      for (const sel of ['[data-testid="sigma-slider"]', '[data-testid="play"]', '[data-testid="panel-gradvar"]', '[data-testid="explain"]']) {
        const r = await onScreen(page, sel);
        expect(r.inside, r.box).toBe(true);
      }
      const sizes = await page.evaluate(() => {
        const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : NaN);
        const min = (sel: string) => Math.min(...Array.from(document.querySelectorAll(sel)).map(px));
        return {
          scroll: document.documentElement.scrollHeight - innerHeight,
          body: px(document.body), label: min('.control > label'), live: px(document.querySelector('.transport .live')),
          ticks: min('.axis .tick text'), legend: min('.legend'), svgText: min('svg text'),
        };
      });
      expect(sizes.scroll).toBeLessThanOrEqual(0);
      expect(sizes.body).toBeGreaterThanOrEqual(20);
      expect(sizes.label).toBeGreaterThanOrEqual(20);
      expect(sizes.live).toBeGreaterThanOrEqual(20);
      expect(sizes.ticks).toBeGreaterThanOrEqual(16);
      expect(sizes.legend).toBeGreaterThanOrEqual(16);
      expect(sizes.svgText).toBeGreaterThanOrEqual(16);
      // the closed-form select reads in the theme's colours (it was white on light grey)
      const select = await page.getByTestId('overlay-kind').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(select).toEqual(['rgb(255, 255, 255)', 'rgb(10, 10, 10)']);
      await page.close();
    });
  }
});

// German runs longest in words and Spanish in characters (docs/i18n.md); Chinese wraps by character
describe.each(['en', 'de', 'es', 'zh'])('projector theme at 1280×720, every chapter, lang=%s', (lang) => {
  it('the card\'s whole text reads without inner scrolling, no tab is cut, the chapter\'s panel and the quoted figures are on the screen, ticks ≥ 16 px', async () => {
    const page = await walkChapters(browser, [1280, 720], `engine=cpu&theme=projector&autoplay=false&chapter=lines&lang=${lang}`, async (chapter, page) => {
      const measure = () => page.evaluate((panelId) => {
        const text = document.querySelector<HTMLElement>('[data-testid="story-text"]')!;
        const cut = (el: Element) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        const inView = (el: Element | null) => { const b = el?.getBoundingClientRect(); return !!b && b.height > 0 && b.top >= 0 && b.bottom <= innerHeight + 0.5 && b.left >= 0 && b.right <= innerWidth + 0.5; };
        const panel = document.getElementById(panelId)!;
        return {
          scroll: document.documentElement.scrollHeight - innerHeight,
          textCut: cut(text), textInView: inView(text), look: inView(document.querySelector('.story-foot')),
          tabsCut: [document.querySelector('nav.presets')!, ...document.querySelectorAll('nav.presets button')].filter(cut).map((b) => b.textContent),
          panelTitle: inView(panel.querySelector('.panel-head h2')), plot: inView(panel.querySelector('.plot') ?? panel.querySelector('[data-metric]')),
          live: inView(document.querySelector('[data-testid="story-live"]')), liveShown: !!document.querySelector('[data-testid="story-live"]'),
          ticks: Math.min(...Array.from(panel.querySelectorAll('.axis .tick text')).map((t) => parseFloat(getComputedStyle(t).fontSize))),
        };
      }, panelInfo(chapter.panel).anchor);
      // the chapter's panel is brought into view two frames after the chapter renders
      await expect.poll(async () => (await measure()).plot, { timeout: 5000, message: chapter.id }).toBe(true);
      const r = await measure();
      expect(r, chapter.id).toMatchObject({ scroll: 0, textCut: false, textInView: true, look: true, tabsCut: [], panelTitle: true, plot: true });
      // the figures the text quotes, live on the card (the readouts panel is off this screen)
      expect(r.liveShown, chapter.id).toBe((chapter.live ?? []).length > 0);
      if (r.liveShown) expect(r.live, chapter.id).toBe(true);
      if (Number.isFinite(r.ticks)) expect(r.ticks, chapter.id).toBeGreaterThanOrEqual(16);
    });
    await page.close();
  });
});

describe.each(['en', 'de'])('lecture mode, lang=%s', (lang) => {
  it('lecture=true: one chapter per screen, its panel with play and σ in view; PageDown / ← / → turn the chapters', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(appUrl(`engine=cpu&lecture=true&theme=projector&autoplay=false&lang=${lang}`));
    await page.getByTestId('lecture').waitFor();
    const chapter = () => page.evaluate(() => window.__flowvar!.store.getState().story.chapter);
    const inView = async (panel: string) => {
      // the chapter's whole text in view, no inner scroll box (was: 5.6 lines, the rest scrolled)
      for (const sel of ['[data-testid="lecture-text"]', '[data-testid="lecture-play"]', '[data-testid="lecture-sigma-slider"]', `[data-testid="panel-${panel}"]`]) {
        const r = await onScreen(page, sel);
        expect(r.inside, r.box).toBe(true);
      }
      expect(await page.locator('[data-panel]').count()).toBe(1);
    };
    expect(await chapter()).toBe('lines');
    await inView('flow');
    const title = await page.locator('.lecture-head h1').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(title).toBeGreaterThanOrEqual(36); // big type
    // read from the back row: ticks and the panel's title (the issue measured 11 px and 15 px)
    const type = await page.evaluate(() => ({
      ticks: Math.min(...Array.from(document.querySelectorAll('.lecture-panel .axis .tick text')).map((t) => parseFloat(getComputedStyle(t).fontSize))),
      panelTitle: parseFloat(getComputedStyle(document.querySelector('.lecture-panel .panel-head h2')!).fontSize),
    }));
    expect(type.ticks).toBeGreaterThanOrEqual(18);
    expect(type.panelTitle).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('PageDown');
    await expect.poll(chapter).toBe('rotated');
    await inView('gradvar');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(chapter).toBe('lines');
    await page.keyboard.press('ArrowRight');
    await expect.poll(chapter).toBe('rotated');
    expect(await page.evaluate(() => window.__flowvar!.store.getState().stepCount)).toBe(0); // autoplay=false holds
    await page.close();
  });
});

describe.each(['en', 'de'])('phone 390×844, lang=%s', (lang) => {
  it('play and σ stay on screen beside the gradient-variance and flow panels; targets ≥ 24 px; one panel per width; no sideways scroll', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(appUrl(`${Q}&lang=${lang}`));
    await waitForStep(page, 1);
    for (const panel of ['panel-gradvar', 'panel-flow']) {
      await page.getByTestId(panel).scrollIntoViewIfNeeded();
      for (const sel of ['[data-testid="bar-play"]', '[data-testid="bar-sigma-slider"]']) {
        const r = await onScreen(page, sel);
        expect(r.inside, `${panel}: ${r.box}`).toBe(true);
      }
      const plotVisible = await page.getByTestId(panel).evaluate((el) => {
        const r = el.querySelector('.plot')!.getBoundingClientRect();
        const bar = document.querySelector('[data-testid="phone-bar"]')!.getBoundingClientRect();
        return Math.min(r.bottom, bar.top) - Math.max(r.top, 0); // plot pixels visible above the bar
      });
      expect(plotVisible).toBeGreaterThan(150);
    }
    // the bar's σ moves the run's σ
    await page.getByTestId('bar-sigma-slider').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => page.evaluate(() => window.__flowvar!.store.getState().config.sigma)).toBeGreaterThan(0);
    const layout = await page.evaluate(() => {
      const small = Array.from(document.querySelectorAll<HTMLElement>('button, select, input, summary, a[href]'))
        .filter((el) => el.getClientRects().length > 0 && !el.classList.contains('skip-link'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} ${el.textContent?.trim().slice(0, 20) ?? ''} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
      const panels = Array.from(document.querySelectorAll('[data-panel]')).map((p) => p.getBoundingClientRect());
      return {
        controls: document.querySelectorAll('button, select, input, summary').length,
        small, scrollWidth: document.documentElement.scrollWidth,
        widths: panels.map((r) => Math.round(r.width)), tops: panels.map((r) => Math.round(r.top)),
      };
    });
    expect(layout.controls).toBeGreaterThan(40);
    expect(layout.small).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    for (const w of layout.widths) { expect(w).toBeGreaterThan(300); expect(w).toBeLessThanOrEqual(390); }
    expect(new Set(layout.tops).size).toBe(layout.tops.length); // one panel per row
    await page.close();
  });
});
