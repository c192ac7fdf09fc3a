// Store access for the science panels: a selector hook and a redraw-on-change hook over
// scienceStore() (the page store with the science slice); redraws go through src/panels/useRedraw.ts.
import { useStore } from 'zustand';
import { scienceStore, type ScienceHost } from '../../state/scienceSlice';
import type { Store } from '../../state/store';
import { useRedraw } from '../useRedraw';

export type ScienceView = ScienceHost & Store;

export function useScience<T>(selector: (s: ScienceView) => T): T {
  return useStore(scienceStore(), selector as (s: ScienceHost) => T);
}

/** Calls `draw` after mount, when `deps` change, and when a value picked by `watch` changes identity (at most once a frame). */
export function useScienceRedraw(draw: () => void, watch: (s: ScienceView) => readonly unknown[], deps: readonly unknown[]): void {
  scienceStore(); // the science slice exists before the first pick
  useRedraw(draw, (s) => watch(s as ScienceView), deps);
}
