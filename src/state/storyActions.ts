// The story's actions (docs/design.md#the-store-is-made-of-slices: plain exported functions). Opening a chapter always goes
// through openChapter(): its config with its own seed, a fresh run (reset to its initial weights),
// a history entry (historyMark), and the card shown. nextChapter/prevChapter/closeStory and the
// chapter's "Try this" button live here too.
import type { ConfigKey } from '../engine/runConfig';
import type { EngineKind } from '../engine/trainer';
import { setConfigField } from './actions';
import { extendRun } from './runGoal';
import { setCompare } from './compareActions';
import { clearScienceJobs, startReflow, startSweep } from './scienceActions';
import { defaultLayers, DEFAULT_T_SCRUB } from './viewSlice';
import { appStore, type AppStore, type Store } from './store';
import { chapterById, chapterConfig, chapterIndex, CHAPTERS, type Chapter, type ChapterId } from '../story/chapters';

/** The engine a chapter's sizes are chosen for: the running one, else the one asked for. */
export function engineFor(s: Store): EngineKind {
  return s.engine.kind ?? (s.enginePref === 'cpu' ? 'cpu' : 'gpu');
}

export interface OpenOptions {
  /** the engine whose sizes to use (default: engineFor(store)) */
  engine?: EngineKind;
  /** push a history entry (default true; false when the page boots or adapts to its engine) */
  history?: boolean;
}

/**
 * Opens chapter `id`: its own config and seed, a fresh run from its initial weights, the card shown.
 * Another chapter than the open one also starts from a clean view: the default layers and t, no
 * overlay, no sweep or ReFlow results of another run (what the student changed within this chapter
 * stays when it is opened again, e.g. as the page adapts to its engine).
 */
export function openChapter(id: ChapterId, store: AppStore = appStore, opts: OpenOptions = {}): void {
  const chapter = chapterById(id);
  if (!chapter) return;
  const { story } = store.getState();
  if (!story.open || story.chapter !== id) {
    clearScienceJobs(store);
    store.setState({ layers: defaultLayers(), tScrub: DEFAULT_T_SCRUB });
  }
  store.setState((s) => ({
    config: chapterConfig(chapter, opts.engine ?? engineFor(s)),
    story: { chapter: id, open: true, modified: false, focus: s.story.focus + 1 },
    playing: s.autoplay, // reduced motion: a chapter waits for Play
    // a fresh run even when only live settings differ (σ between chapters 2 and 3)
    resetRequest: s.resetRequest + 1,
    compare: chapter.compare ?? null,
    historyMark: s.historyMark + (opts.history === false ? 0 : 1),
  }));
}

/** Opens chapter number `index` (0-based), e.g. from the 1–9 keys. */
export function openChapterAt(index: number, store: AppStore = appStore): void {
  const chapter = CHAPTERS[index];
  if (chapter) openChapter(chapter.id, store);
}

function step(delta: 1 | -1, store: AppStore): void {
  const i = chapterIndex(store.getState().story.chapter);
  const next = Math.min(CHAPTERS.length - 1, Math.max(0, i + delta));
  if (next !== i || !store.getState().story.open) openChapterAt(next, store);
}

export function nextChapter(store: AppStore = appStore): void {
  step(1, store);
}

export function prevChapter(store: AppStore = appStore): void {
  step(-1, store);
}

/** Removes the card; the run goes on as it is. */
export function closeStory(store: AppStore = appStore): void {
  store.setState((s) => ({ story: { ...s.story, open: false, modified: false } }));
}

/** Asks the page to bring the open chapter's panel into view (src/ui/chapterInView.ts). */
function focusChapter(store: AppStore): void {
  store.setState((s) => ({ story: { ...s.story, focus: s.story.focus + 1 } }));
}

/** The chapter's "Try this": a live change (marked on the curves, trains one more segment), a layer, the sweep or ReFlow. */
export function tryChapter(chapter: Chapter, store: AppStore = appStore): void {
  act(chapter, store);
  focusChapter(store);
}

function act(chapter: Chapter, store: AppStore): void {
  const action = chapter.tryThis.action;
  switch (action.kind) {
    case 'config':
      for (const [key, value] of Object.entries(action.patch)) setConfigField(key as ConfigKey, value, store);
      extendRun(store); // one more chapter-length segment, then the run pauses
      return;
    case 'layer':
      store.setState((s) => ({ layers: { ...s.layers, [action.layer]: true } }));
      return;
    case 'sweep':
      startSweep(store);
      return;
    case 'compare':
      setCompare(action.setting, store);
      store.setState({ playing: true });
      return;
    case 'reflow':
      startReflow(store);
      return;
    default: {
      const unknown: never = action;
      console.warn('flowvar: unknown chapter action', unknown);
    }
  }
}
