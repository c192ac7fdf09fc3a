// The story's store side: chapters open fresh runs from their own seed, the card survives
// changes (marked "modified"), next/previous walk the list, and links carry the chapter.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { newSeed, setSigma } from '../../src/state/actions';
import { CHAPTERS, chapterById, chapterConfig, chapterFromLink } from '../../src/story/chapters';
import { closeStory, nextChapter, openChapter, prevChapter, tryChapter } from '../../src/state/storyActions';
import { defaultLayers } from '../../src/state/viewSlice';
import { trackStoryModified } from '../../src/state/storySlice';
import { decodeLink } from '../../src/link/link';
import { shareQuery } from '../../src/state/urlSync';
import { decodeConfig } from '../decodeConfig';
import { chapterWords } from '../storyWords';
import { LANGUAGES } from '../../src/i18n/languages';

function storyStore() {
  const store = createAppStore();
  trackStoryModified(store);
  return store;
}

describe('story chapters', () => {
  it('has 5–8 chapters with unique ids, 2–4 sentences each and a Try-this label, in every language', () => {
    expect(CHAPTERS.length).toBeGreaterThanOrEqual(5);
    expect(CHAPTERS.length).toBeLessThanOrEqual(8);
    expect(new Set(CHAPTERS.map((c) => c.id)).size).toBe(CHAPTERS.length);
    for (const lang of LANGUAGES) {
      for (const c of CHAPTERS) {
        const words = chapterWords(c.id, lang);
        // Chinese ends its sentences with 。！？ and no space
        const sentences = words.text.replace(/\{[^}]*\}/g, 'X').split(/[.!?](?:\s|$)|[。！？]/).filter((s) => s.trim().length > 0);
        expect(sentences.length, `${lang} ${c.id}`).toBeGreaterThanOrEqual(2);
        expect(sentences.length, `${lang} ${c.id}`).toBeLessThanOrEqual(4);
        expect(words.tryThis.length, `${lang} ${c.id}`).toBeGreaterThan(3);
      }
    }
  });

  it('openChapter starts a fresh run of the chapter even when only σ differs (chapter 2 → 3)', () => {
    const store = storyStore();
    openChapter('rotated', store);
    const first = store.getState().resetRequest;
    openChapter('noise', store);
    const s = store.getState();
    expect(s.config.sigma).toBe(0.3);
    expect(s.resetRequest).toBe(first + 1);
    expect(s.config.seed).toBe(chapterConfig(CHAPTERS[2], 'gpu').seed);
  });

  it('the card stays when σ or the seed changes and is marked modified; reopening clears it', () => {
    const store = storyStore();
    openChapter('rotated', store);
    setSigma(0.5, store);
    expect(store.getState().story).toMatchObject({ chapter: 'rotated', open: true, modified: true });
    setSigma(0, store);
    expect(store.getState().story.modified).toBe(false); // back to the chapter's own run
    newSeed(store);
    expect(store.getState().story.modified).toBe(true);
    openChapter('rotated', store);
    expect(store.getState().story.modified).toBe(false);
    closeStory(store);
    expect(store.getState().story.open).toBe(false);
  });

  it('nextChapter / prevChapter walk the list and stop at its ends', () => {
    const store = storyStore();
    openChapter(CHAPTERS[0].id, store);
    prevChapter(store);
    expect(store.getState().story.chapter).toBe(CHAPTERS[0].id);
    nextChapter(store);
    nextChapter(store);
    expect(store.getState().story.chapter).toBe(CHAPTERS[2].id);
    for (let i = 0; i < 20; i++) nextChapter(store);
    expect(store.getState().story.chapter).toBe(CHAPTERS[CHAPTERS.length - 1].id);
  });

  it('opening another chapter resets layers, t, overlay and the sweep / ReFlow results; the same chapter keeps what the student changed', () => {
    const store = storyStore();
    openChapter('lines', store);
    tryChapter(CHAPTERS[0], store); // "Show the lines to the partners"
    expect(store.getState().layers.partners).toBe(true);
    openChapter('lines', store, { history: false }); // the page adapting to its engine: the student's layer stays
    expect(store.getState().layers.partners).toBe(true);
    openChapter('sweep', store);
    expect(store.getState().layers).toEqual(defaultLayers());
    tryChapter(chapterById('sweep')!, store);
    expect(store.getState().sweep.status).toBe('running');
    store.setState((s) => ({ sweep: { ...s.sweep, status: 'done', results: [] }, overlay: { ...s.overlay, kind: 'ot' }, tScrub: 0.9 }));
    openChapter('compare', store);
    const s = store.getState();
    expect([s.sweep.status, s.sweep.results, s.reflow.history, s.overlay.kind, s.tScrub]).toEqual(['idle', null, [], 'none', 0.5]);
    expect(s.story.focus).toBeGreaterThan(0);
  });

  it('a link carries the chapter; with changed settings it opens as modified; old tour= and preset= links still work', () => {
    const store = storyStore();
    openChapter('noise', store);
    setSigma(1, store);
    const query = shareQuery(store.getState());
    expect(query).toContain('chapter=noise');
    const { view } = decodeLink(query);
    expect(view.chapter).toBe('noise');
    const other = storyStore();
    other.setState({ config: decodeConfig(query).config, story: { chapter: view.chapter!, open: true, modified: false, focus: 0 } });
    trackStoryModified(other);
    expect(other.getState().story.modified).toBe(true);
    expect(decodeLink('tour=3').view.chapter).toBe(CHAPTERS[2].id);
    expect(decodeLink('preset=independent').view.chapter).toBe('lines');
    expect(decodeLink('chapter=nope').corrections.length).toBe(1);
    expect(chapterFromLink('0')).toBeNull();
  });
});
