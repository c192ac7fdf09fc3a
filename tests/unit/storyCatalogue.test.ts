// The story's words are looked up by id (docs/i18n.md#catalogues): story:chapters.<id>.*,
// story:glossary.<id>.*, story:keys.<id>.* and story:live.figure.<figure>. The catalogue test
// checks literal keys only, so this one checks that every id the code builds a key from has its
// words in English (and, through the catalogue test, in every language).
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en/story.json';
import { CHAPTERS } from '../../src/story/chapters';
import { GLOSSARY_IDS } from '../../src/story/glossary';
import { KEY_BINDINGS } from '../../src/ui/keys';

type Words = Record<string, Record<string, unknown>>;

describe('story catalogue', () => {
  it('every chapter, glossary entry, shortcut and live figure has its words, and nothing else is there', () => {
    const chapters = en.chapters as Words, glossary = en.glossary as Words, keys = en.keys as Words;
    for (const c of CHAPTERS) expect(Object.keys(chapters[c.id] ?? {}).sort(), c.id).toEqual(['lookFor', 'text', 'title', 'tryThis']);
    expect(Object.keys(chapters).sort()).toEqual(CHAPTERS.map((c) => c.id).sort());
    for (const id of GLOSSARY_IDS) expect(Object.keys(glossary[id] ?? {}).sort(), id).toEqual(['definition', 'term']);
    expect(Object.keys(glossary).sort()).toEqual([...GLOSSARY_IDS].sort());
    for (const b of KEY_BINDINGS) expect(Object.keys(keys[b.id] ?? {}).sort(), b.id).toEqual(['key', 'label']);
    expect(Object.keys(keys).sort()).toEqual(KEY_BINDINGS.map((b) => b.id).sort());
    const live = new Set(CHAPTERS.flatMap((c) => c.live ?? []));
    for (const f of live) expect(en.live.figure, f).toHaveProperty(f);
  });
});
