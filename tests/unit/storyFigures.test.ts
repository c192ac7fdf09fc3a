// The chapters' figures are measured, not typed (docs/design.md#what-the-app-shows): every `{chapter.figure}` in a
// text exists in src/story/figures.json, the file was measured with the chapters' current CPU
// configurations (npm run story:measure), every language quotes the same figures, no text types a
// percentage or a chance by hand, and chance is written as 1/N.
import { setNumberLocale } from '../../src/format/format';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../src/story/chapters';
import { FIGURES, fillFigures, formatFigure, placeholders } from '../../src/story/figures';
import { DERIVED, FIGURE_RUNS, runConfig, runPrefix } from '../../src/story/measurePlan';
import { encodeConfig } from '../../src/link/url';
import { LANGUAGES } from '../../src/i18n/languages';
import { chapterWords } from '../storyWords';

describe('story figures', () => {
  it('figures.json was measured on the CPU engine with every figure run\'s current config', () => {
    expect(FIGURES.engine).toBe('cpu');
    for (const run of FIGURE_RUNS) {
      const measured = FIGURES.runs[runPrefix(run)];
      expect(measured, `${runPrefix(run)}: run npm run story:measure`).toBeDefined();
      expect(measured.link, `${runPrefix(run)} changed since it was measured: run npm run story:measure`).toBe(encodeConfig(runConfig(run)));
    }
  });

  it('every placeholder of every chapter text is a measured figure, and every language quotes the same ones', () => {
    expect(CHAPTERS.flatMap((c) => placeholders(chapterWords(c.id).text)).length).toBeGreaterThan(20);
    for (const c of CHAPTERS) {
      const english = placeholders(chapterWords(c.id).text);
      for (const lang of LANGUAGES) {
        const text = chapterWords(c.id, lang).text;
        for (const key of placeholders(text)) expect(FIGURES.figures[key], `${lang} ${c.id}: {${key}}`).toBeDefined();
        expect(new Set(placeholders(text)), `${lang} ${c.id}`).toEqual(new Set(english));
        expect(fillFigures(text), `${lang} ${c.id}`).not.toMatch(/[{}—]/);
      }
    }
  });

  it('no chapter types a measured number by hand: percentages, chance, W2 and variance come from the file', () => {
    for (const lang of LANGUAGES) {
      for (const c of CHAPTERS) {
        const typed = chapterWords(c.id, lang).text.replace(/\{[^}]*\}/g, '');
        expect(typed, `${lang} ${c.id}`).not.toMatch(/\d\s*%/);
        expect(typed, `${lang} ${c.id}`).not.toMatch(/W2 \d/);
      }
      for (const c of CHAPTERS) {
        const typed = chapterWords(c.id).text.replace(/\{[^}]*\}/g, '');
        expect(typed, c.id).not.toMatch(/chance (is )?\d/i);
        expect(typed, c.id).not.toMatch(/variance\s+(?:\w+\s+){0,2}\d/);
      }
    }
  });

  it('a chapter text reads its figures in the reader\'s locale', () => {
    const text = chapterWords('memorize', 'de').text;
    setNumberLocale('de');
    try {
      const filled = fillFigures(text);
      expect(filled).toContain(`W2 ${formatFigure(FIGURES.figures['memorize.w2'])}`);
      expect(formatFigure(FIGURES.figures['memorize.w2'])).toMatch(/^\d+,\d+$/);
    } finally {
      setNumberLocale('en');
    }
  });

  it('chance is written 1/N and agrees with the pair count; derived figures agree with their sources', () => {
    for (const [key, f] of Object.entries(FIGURES.figures)) {
      if (f.kind !== 'chance') continue;
      const pairs = FIGURES.figures[key.replace(/chance$/, 'pairs')];
      expect(formatFigure(f)).toBe(`1/${pairs.value}`);
    }
    for (const [key, d] of Object.entries(DERIVED)) {
      expect(FIGURES.figures[key].value).toBeCloseTo(FIGURES.figures[d.of].value / FIGURES.figures[d.over].value, 9);
    }
    // in the reader's locale (docs/i18n.md#numbers)
    expect(formatFigure({ kind: 'percent', value: 0.953125 })).toBe('95%');
    expect(formatFigure({ kind: 'percent', value: 0.00390625 })).toBe('0.4%');
    setNumberLocale('de');
    try {
      expect(formatFigure({ kind: 'percent', value: 0.953125 })).toBe('95\u00a0%');
      expect(formatFigure({ kind: 'percent', value: 0.00390625 })).toBe('0,4\u00a0%');
    } finally {
      setNumberLocale('en');
    }
  });
});
