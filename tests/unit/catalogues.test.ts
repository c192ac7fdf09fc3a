// The translation catalogues (docs/i18n.md): every language has every key of English in every
// namespace, nothing more, with the same placeholders ({{name}} for i18next, {chapter.figure} for
// the story's measured figures), plural keys in exactly the CLDR categories of the language, and
// every key the source asks for with a literal t('…') exists in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, LANGUAGE_TAGS } from '../../src/i18n/languages';

const LOCALES = resolve(__dirname, '../../src/i18n/locales');
const SRC = resolve(__dirname, '../../src');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function catalogue(lang: string, ns: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')) as Tree);
}

/** The placeholders of a string, sorted: {{count}}, {sweep.collapse}. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\{([a-zA-Z][\w.]*)\}/g)].map((m) => m[1] ?? m[2]).sort();
}

/** Keys grouped by their base: plural forms share one base. */
function bases(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const m = PLURAL.exec(key);
    const base = m ? key.slice(0, -m[0].length) : key;
    out.set(base, [...(out.get(base) ?? []), m ? m[1] : '']);
  }
  return out;
}

const namespaces = readdirSync(join(LOCALES, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();

describe('translation catalogues', () => {
  it('every language has the same namespaces as English', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) {
      const files = readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
      expect(files, lang).toEqual(namespaces);
    }
  });

  for (const ns of namespaces) {
    it(`${ns}: every key of English in every language, with the same placeholders and the language's plural forms`, () => {
      const en = bases(catalogue('en', ns).keys());
      for (const lang of LANGUAGES) {
        const texts = catalogue(lang, ns);
        const own = bases(texts.keys());
        expect([...own.keys()].sort(), `${lang}/${ns}.json keys`).toEqual([...en.keys()].sort());
        const categories = new Intl.PluralRules(LANGUAGE_TAGS[lang]).resolvedOptions().pluralCategories;
        for (const [base, forms] of own) {
          const plural = forms.some((f) => f !== '');
          if (plural) expect(forms.slice().sort(), `${lang}/${ns}.json ${base}: plural forms`).toEqual([...categories].sort());
          const reference = catalogue('en', ns).get(plural ? `${base}_other` : base)!;
          for (const form of forms) {
            const text = texts.get(form ? `${base}_${form}` : base)!;
            expect(text.trim().length, `${lang}/${ns}.json ${base} is empty`).toBeGreaterThan(0);
            // a "one" form may name its count in words ("one point"), so it may drop {{count}}
            const want = placeholders(reference).filter((p) => !(form === 'one' && p === 'count'));
            const got = placeholders(text).filter((p) => !(form === 'one' && p === 'count'));
            expect(got, `${lang}/${ns}.json ${form ? `${base}_${form}` : base}: placeholders`).toEqual(want);
          }
        }
      }
    });
  }

  it("every literal t('…') or translate('…') key in src/ exists in English", () => {
    const english = new Map(namespaces.map((ns) => [ns, bases(catalogue('en', ns).keys())]));
    const missing: string[] = [];
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) ? [p] : [];
    });
    let seen = 0;
    for (const file of walk(SRC)) {
      const text = readFileSync(file, 'utf8');
      // t('…'), and i18n.ts's t where a file imports it as translate('…')
      for (const m of text.matchAll(/\b(?:t|translate)\(\s*'([a-zA-Z][\w.:-]*)'/g)) {
        seen++;
        const [ns, key] = m[1].includes(':') ? m[1].split(':') : ['common', m[1]];
        if (!english.get(ns)?.has(key)) missing.push(`${file.slice(SRC.length + 1)}: ${m[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
