// The story slice (docs/design.md#the-story): which chapter is shown, whether its card is open, and whether the
// run was changed since the chapter opened ("modified from chapter N"). Actions are in
// src/state/storyActions.ts; `modified` is kept current by trackStoryModified().
import type { StateCreator } from 'zustand/vanilla';
import { encodeConfig } from '../link/url';
import type { AppStore, Store } from './store';
import { chapterById, chapterConfig, CHAPTER_IDS, type ChapterId } from '../story/chapters';

export interface StoryState {
  /** the chapter shown (or last shown, when closed) */
  chapter: ChapterId;
  /** the story card is on screen */
  open: boolean;
  /** the run's config differs from the chapter's own (on either engine) */
  modified: boolean;
  /** bumped when the chapter opens or its "Try this" runs: the page brings the chapter's panel into view */
  focus: number;
}

export interface StorySlice {
  story: StoryState;
}

export function initialStoryState(): StorySlice {
  return { story: { chapter: CHAPTER_IDS[0], open: false, modified: false, focus: 0 } };
}

export const createStorySlice: StateCreator<Store, [], [], StorySlice> = () => initialStoryState();

/**
 * Whether the run is not the open chapter's: its config differs on every engine (compared as
 * links), or the comparison differs from the chapter's (run B on another setting, or none).
 */
export function configModified(s: Pick<Store, 'config' | 'story' | 'compare'>): boolean {
  const chapter = chapterById(s.story.chapter);
  if (!chapter) return false;
  const link = encodeConfig(s.config);
  const own = chapter.compare ?? null, now = s.compare;
  const compareChanged = own === null || now === null ? own !== now : own.key !== now.key || !Object.is(own.value, now.value);
  return compareChanged || (link !== encodeConfig(chapterConfig(chapter, 'gpu')) && link !== encodeConfig(chapterConfig(chapter, 'cpu')));
}

/** Keeps `story.modified` equal to configModified() as the config changes; returns the unsubscribe. */
export function trackStoryModified(store: AppStore): () => void {
  const update = (s: Store) => {
    const modified = s.story.open && configModified(s);
    if (modified !== s.story.modified) store.setState({ story: { ...s.story, modified } });
  };
  update(store.getState());
  return store.subscribe((s, prev) => {
    if (s.config !== prev.config || s.compare !== prev.compare || s.story.chapter !== prev.story.chapter || s.story.open !== prev.story.open) update(s);
  });
}
