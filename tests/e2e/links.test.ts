// Links in the real page (docs/classroom.md#links): a sample of the hostile corpus opens with the same config,
// view keys and corrections as decodeLink gives the CLI; Back/Forward walk the history entries
// that presets and new seeds push (a slider only replaces); a reload keeps the preset highlight.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { cpuQuery, pageState, TINY } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { decodeLink } from '../../src/link/link';
import { HOSTILE_QUERIES } from '../unit/hostileLinks';
import { english } from '../../src/i18n/message';

const browser = sharedBrowser();

/** The store's link-derived state, read in the page. */
async function opened(page: Page) {
  await page.waitForFunction(() => !!window.__flowvar, undefined, { polling: 100 });
  return page.evaluate(() => {
    const s = window.__flowvar!.store.getState();
    return { config: s.config, corrections: s.corrections, theme: s.theme, hidden: s.hidden, chapter: s.story.open ? s.story.chapter : null, modified: s.story.modified, length: history.length };
  });
}

describe('links in the page', () => {
  it('a sample of the hostile corpus opens with the config and corrections the CLI reads, the notice lists them', async () => {
    // engine=cpu first: each link also forces the CPU worker (SwiftShader WebGPU is slow)
    const sample = HOSTILE_QUERIES.filter((_, i) => i % 24 === 0).concat(['source=%20moons&pairs=%205%20', 'speed=-1e308&seed=3', 'coupling=user']);
    const page = await browser.newPage();
    for (const q of sample) {
      const url = `${appUrl('engine=cpu&width=16&depth=1&batch=64&particles=64')}&${q}`;
      await page.goto(url);
      const state = await opened(page);
      const { search, hash } = new URL(page.url());
      const expected = decodeLink(new URL(url).search + new URL(url).hash);
      expect(state.config, q.slice(0, 60)).toEqual(expected.config);
      expect(state.corrections, q.slice(0, 60)).toEqual(expected.corrections);
      expect(search + hash, q.slice(0, 60)).not.toBe(''); // the address bar still holds the run
      if (expected.corrections.length > 0) {
        const notice = await page.getByTestId('link-notice').textContent();
        expect(notice, q.slice(0, 60)).toContain(english(expected.corrections[0]).slice(0, 30));
      }
    }
  });

  it('settings after # are read, then written into the query', async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl('engine=cpu')}#pairs=16&width=32&depth=1&batch=64`);
    const state = await opened(page);
    expect(state.config).toMatchObject({ pairs: 16, width: 32, depth: 1, batch: 64 });
    expect(state.corrections).toEqual([]);
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(new URL(page.url()).searchParams.get('pairs')).toBe('16');
  });
});

describe('history', () => {
  it('chapters and new seeds push entries, a slider replaces; Back and Forward restore settings and chapter; reload keeps it', async () => {
    const page = await browser.newPage();
    const a = { ...defaultConfig(), ...TINY, seed: 11, pairs: 16, steps: 20 };
    await page.goto(appUrl(cpuQuery(a)));
    const start = await opened(page);
    expect(start.config).toEqual(a);

    await page.getByTestId('preset-rotated').click();
    const preset = await opened(page);
    expect(preset.chapter).toBe('rotated');
    expect(preset.length).toBe(start.length + 1);
    expect(new URL(page.url()).searchParams.get('chapter')).toBe('rotated');

    // a slider-like change (the ] key nudges σ) replaces the entry, after the debounce
    await page.locator('body').press(']');
    await expect.poll(() => new URL(page.url()).searchParams.get('sigma')).not.toBeNull();
    const nudged = await opened(page);
    expect(nudged.length).toBe(preset.length);
    expect(nudged.config.sigma).toBeGreaterThan(0);
    expect(nudged.chapter).toBe('rotated'); // the card stays, marked modified
    expect(nudged.modified).toBe(true);

    await page.getByTestId('new-seed').click();
    const seeded = await opened(page);
    expect(seeded.length).toBe(nudged.length + 1);
    expect(seeded.config.seed).not.toBe(nudged.config.seed);

    await page.goBack();
    await expect.poll(async () => (await opened(page)).config.seed).toBe(nudged.config.seed);
    expect((await opened(page)).config).toEqual(nudged.config);
    expect((await opened(page)).chapter).toBe('rotated'); // Back restores the chapter card too

    await page.goBack();
    await expect.poll(async () => (await opened(page)).config.seed).toBe(a.seed);
    expect((await opened(page)).config).toEqual(a);
    expect((await opened(page)).chapter).toBeNull();

    await page.goForward();
    await expect.poll(async () => (await opened(page)).config.sigma).toBe(nudged.config.sigma);
    expect((await opened(page)).config).toEqual(nudged.config);
    expect((await opened(page)).chapter).toBe('rotated');

    // a preset entry: reload keeps its config and its highlight
    await page.getByTestId('preset-memorize').click();
    const memorize = await opened(page);
    await page.reload();
    const reloaded = await opened(page);
    expect(reloaded.config).toEqual(memorize.config);
    expect(reloaded.chapter).toBe('memorize');
    expect(await page.getByTestId('preset-memorize').getAttribute('aria-pressed')).toBe('true');
    expect((await pageState(page)).error).toBeNull();
  });
});
