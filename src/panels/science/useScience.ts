// Store access for the science panels: a selector hook and a redraw-on-change hook over
// scienceStore() (the page store with the science slice), same rules as src/panels/useRedraw.ts:
// select primitives, redraw per frame from a subscription, never from render.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { scienceStore, type ScienceHost } from '../../state/scienceSlice';
import type { Store } from '../../state/store';

export type ScienceView = ScienceHost & Store;

export function useScience<T>(selector: (s: ScienceView) => T): T {
  return useStore(scienceStore(), selector as (s: ScienceHost) => T);
}

/** Calls `draw` after mount, when `deps` change, and when a value picked by `watch` changes identity (at most once a frame). */
export function useScienceRedraw(draw: () => void, watch: (s: ScienceView) => readonly unknown[], deps: readonly unknown[]): void {
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const frame = useRef(0);
  useEffect(() => {
    const store = scienceStore();
    const pick = (s: ScienceHost) => watch(s as ScienceView);
    const schedule = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        drawRef.current();
      });
    };
    schedule();
    let last = pick(store.getState());
    const unsubscribe = store.subscribe((s) => {
      const next = pick(s);
      if (next.some((v, i) => !Object.is(v, last[i]))) {
        last = next;
        schedule();
      }
    });
    return () => {
      unsubscribe();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

/** The science panels (rows of PANELS in src/state/viewSlice.ts). */
export const SCIENCE_PANELS = [
  { id: 'sweep', title: 'σ sweep' },
  { id: 'reflow', title: 'ReFlow rounds' },
  { id: 'crossing', title: 'Where lines cross: Var[u_t | x_t]' },
] as const;
