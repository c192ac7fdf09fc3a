// The page's language: the link's or the picker's choice (store `lang`), else the browser's first
// language the page speaks (docs/i18n.md). Applying it loads its catalogues and sets <html lang>.
import { applyLanguage } from '../i18n/i18n';
import { preferredLanguage, type Language } from '../i18n/languages';
import { appStore, type AppStore } from './store';

/** The browser's languages, most preferred first (none outside a browser). */
function browserPreferences(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
}

/** The language the page shows for a choice (null: the browser's). */
export function shownLanguage(lang: Language | null): Language {
  return lang ?? preferredLanguage(browserPreferences());
}

/** Shows the store's language now and whenever it changes; resolves once the first is shown. */
export function followLanguage(store: AppStore = appStore): Promise<void> {
  let shown = shownLanguage(store.getState().lang);
  store.subscribe((s, prev) => {
    if (s.lang === prev.lang) return; // the store changes on every step reply: only a new choice matters
    const next = shownLanguage(s.lang);
    if (next === shown) return;
    shown = next;
    void applyLanguage(next);
  });
  return applyLanguage(shown);
}

/** The picker's choice: kept in the store, so the link carries it. */
export function chooseLanguage(lang: Language, store: AppStore = appStore): void {
  store.setState({ lang });
}
