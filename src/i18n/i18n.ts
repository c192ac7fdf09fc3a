// The page's translations through i18next (docs/i18n.md): one catalogue per language and
// namespace in src/i18n/locales/<lang>/<namespace>.json. English is bundled (it is the fallback of
// every key); another language is fetched as its own chunk when chosen. Catalogue strings use
// i18next's {{name}} interpolation; chapter texts keep their {chapter.figure} placeholders, which
// src/story/figures.ts fills with locale-formatted numbers.
import i18next, { type TOptions } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_TAGS, type Language } from './languages';
import { setNumberLocale } from '../format/format';

type Catalogue = Record<string, unknown>;

const english = import.meta.glob<Catalogue>('./locales/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<Catalogue>(['./locales/*/*.json', '!./locales/en/*.json'], { import: 'default' });

/** "./locales/de/story.json" → ["de", "story"]. */
function catalogueOf(path: string): [string, string] {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) throw new Error(`not a catalogue path: ${path}`);
  return [m[1], m[2]];
}

/** The namespaces: one per English catalogue file. */
const NAMESPACES: readonly string[] = Object.keys(english).map((p) => catalogueOf(p)[1]).sort();

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'es', 'de', 'zh'],
  ns: NAMESPACES,
  defaultNS: 'common',
  resources: { en: Object.fromEntries(Object.entries(english).map(([p, c]) => [catalogueOf(p)[1], c])) },
  // React escapes what it renders; the page never puts a translation into innerHTML
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

const loaded = new Set<string>(['en']);

/** Fetches a language's catalogues once (English is always there). */
async function loadCatalogues(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  const files = Object.entries(others).filter(([p]) => catalogueOf(p)[0] === lang);
  const catalogues = await Promise.all(files.map(async ([p, load]) => [catalogueOf(p)[1], await load()] as const));
  for (const [ns, catalogue] of catalogues) i18n.addResourceBundle(lang, ns, catalogue, true, true);
  loaded.add(lang);
}

/** Shows the page in `lang`: its catalogues, i18next's language, numbers and <html lang>. */
export async function applyLanguage(lang: Language): Promise<void> {
  await loadCatalogues(lang);
  setNumberLocale(LANGUAGE_TAGS[lang]);
  await i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[lang];
}

/** A translation outside React (panel summaries, exported stamps), key with its namespace: panels:flow.title. */
export function t(key: string, options?: TOptions): string {
  return i18n.t(key, options) as string;
}
