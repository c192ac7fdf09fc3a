// The page's languages (docs/i18n.md): their codes in the link (`lang=`), their own names for the
// picker, the BCP 47 tag for <html lang> and Intl, and the choice from the browser's preferences.
// No i18next here: the link codec (src/link/) and the store read this file.

export const LANGUAGES = ['en', 'es', 'de', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words, as the header's picker lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', de: 'Deutsch', zh: '中文' };

/** The tag for <html lang> and Intl.NumberFormat (Simplified Chinese as written in mainland China). */
export const LANGUAGE_TAGS: Record<Language, string> = { en: 'en', es: 'es', de: 'de', zh: 'zh-CN' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A language tag ("de-AT", "zh-Hans-CN", "ES") as one of ours, by its primary subtag; null if none. */
export function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : null;
}

/** The first of the browser's preferred languages that the page speaks; English otherwise. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const lang = languageOfTag(tag);
    if (lang) return lang;
  }
  return 'en';
}
