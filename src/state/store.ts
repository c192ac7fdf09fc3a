// The one store (docs/design.md#the-store-is-made-of-slices): its slices combined (the type Store below lists them), changed only through `setState` by the
// exported actions (src/state/actions.ts) and the runner loop. Vanilla zustand: the runner, the
// key table and the tests use it without React; components read it through useAppStore().
import { createStore } from 'zustand/vanilla';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createScienceSlice, type ScienceSlice } from './scienceSlice';
import { createCompareSlice, type CompareSlice } from './compareSlice';
import { createFieldSlice, type FieldSlice } from './fieldSlice';
import { createStorySlice, type StorySlice } from './storySlice';
import { createOverlaySlice, type OverlaySlice } from './overlaySlice';

export type Store = ConfigSlice & RunSlice & ViewSlice & ScienceSlice & CompareSlice & FieldSlice & StorySlice & OverlaySlice;

export function createAppStore() {
  return createStore<Store>()((...a) => ({
    ...createConfigSlice(...a),
    ...createRunSlice(...a),
    ...createViewSlice(...a),
    ...createScienceSlice(...a),
    ...createCompareSlice(...a),
    ...createFieldSlice(...a),
    ...createStorySlice(...a),
    ...createOverlaySlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The page's store. */
export const appStore: AppStore = createAppStore();
