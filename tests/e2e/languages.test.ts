// The page in each of its languages (docs/i18n.md): chapter 2 at 1366×768 opened by `lang=`, its
// card in that language with a figure formatted in the reader's locale, <html lang>, and axe with
// no serious or critical violation (html-has-lang and valid-lang among the rules run) in both
// themes; the header's picker switches the language and writes it into the link.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, sharedBrowser } from './harness';
import { axeReport, cpuQuery, TINY } from './appPage';
import { defaultConfig } from '../../src/engine/runConfig';
import { LANGUAGES, LANGUAGE_TAGS, type Language } from '../../src/i18n/languages';
import { FIGURES, formatFigure } from '../../src/story/figures';
import { setNumberLocale } from '../../src/format/format';

const browser = sharedBrowser();
const Q = cpuQuery({ ...defaultConfig(), ...TINY, pairs: 16 });

type Tree = { [k: string]: string | Tree };
function text(lang: Language, ns: string, key: string): string {
  const tree = JSON.parse(readFileSync(resolve(__dirname, `../../src/i18n/locales/${lang}/${ns}.json`), 'utf8')) as Tree;
  const value = key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);
  if (typeof value !== 'string') throw new Error(`${lang}/${ns}.json has no ${key}`);
  return value;
}

/** A figure as the page writes it in `lang`. */
function figureIn(lang: Language, key: string): string {
  setNumberLocale(LANGUAGE_TAGS[lang]);
  try {
    return formatFigure(FIGURES.figures[key]);
  } finally {
    setNumberLocale('en');
  }
}

// the theme each language opens in (English and German lecture, Spanish and Chinese projector); the
// toggle then shows the other, so every language is checked in both
const THEME: Record<Language, 'lecture' | 'projector'> = { en: 'lecture', es: 'projector', de: 'lecture', zh: 'projector' };

/** axe on the page as it is: no serious or critical violation, and the language rules among those run and passed. */
async function expectAxeClean(page: Page, theme: string): Promise<void> {
  const report = await axeReport(page);
  expect(report.serious, theme).toEqual([]);
  expect(report.ran).toEqual(expect.arrayContaining(['html-has-lang', 'html-lang-valid', 'valid-lang']));
  expect(report.passed).toEqual(expect.arrayContaining(['html-has-lang', 'html-lang-valid']));
}

describe('the page in four languages', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: chapter 2 in ${lang}, its figures in the locale's format, <html lang>, axe clean in both themes`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(appUrl(`${Q}&chapter=rotated&autoplay=false&theme=${THEME[lang]}&lang=${lang}`));
      await page.getByTestId('explain').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(LANGUAGE_TAGS[lang]);
      const card = page.getByTestId('explain');
      await expect.poll(() => card.locator('h2').first().textContent()).toContain(text(lang, 'story', 'chapters.rotated.title'));
      const body = (await page.getByTestId('story-text').textContent()) ?? '';
      // the measured figures, in the locale's format: 95 % and 3,9 in German and Spanish, 95% and 3.9 in English and Chinese
      expect(body).toContain(figureIn(lang, 'rotated.reproduction'));
      expect(body).toContain(figureIn(lang, 'rotated.gradVar'));
      expect(body).not.toMatch(/\{[a-z]/); // every placeholder filled
      if (lang !== 'en') expect(body).not.toContain('gradient variance');

      await expectAxeClean(page, THEME[lang]);
      // and the other theme, by the header's toggle: every language is checked in both
      await page.getByTestId('theme-toggle').click();
      const other = THEME[lang] === 'lecture' ? 'projector' : 'lecture';
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
      await expectAxeClean(page, other);
      await page.close();
    });
  }

  it('the picker switches the language at once, into <html lang> and the link, and the link reopens it', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl(`${Q}&chapter=rotated&autoplay=false`));
    await page.getByTestId('explain').waitFor();
    await page.getByTestId('language-picker').selectOption('de');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('lang'))).toBe('de');
    expect(await page.getByTestId('explain').locator('h2').first().textContent()).toContain(text('de', 'story', 'chapters.rotated.title'));
    await page.reload();
    await page.getByTestId('explain').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await page.getByTestId('language-picker').inputValue()).toBe('de');
    // the help dialog's version line too (the update test reads the English one)
    await page.keyboard.press('?');
    expect(await page.getByTestId('app-version').textContent()).toMatch(/^flowvar 0\.1\.0 \(Build [0-9a-f]{10}\)$/);
    await page.close();
  });
});
