// The story's words as the tests read them: the catalogues (src/i18n/locales/<lang>/story.json,
// docs/i18n.md), read directly so Node tests need no i18next. English unless a language is named.
import type { Language } from '../src/i18n/languages';
import type { ChapterId } from '../src/story/chapters';
import en from '../src/i18n/locales/en/story.json';
import es from '../src/i18n/locales/es/story.json';
import de from '../src/i18n/locales/de/story.json';
import zh from '../src/i18n/locales/zh/story.json';

export interface ChapterWords { title: string; text: string; lookFor: string; tryThis: string }

const STORY: Record<Language, { chapters: Record<string, ChapterWords> }> = { en, es, de, zh };

/** Chapter `id`'s title, text, "look for" and "Try this" labels in `lang`. */
export function chapterWords(id: ChapterId, lang: Language = 'en'): ChapterWords {
  const words = STORY[lang].chapters[id];
  if (!words) throw new Error(`${lang}/story.json has no chapters.${id}`);
  return words;
}
