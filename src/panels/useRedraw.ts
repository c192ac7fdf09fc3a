// Redraws a panel's canvas when watched store values change, at most once per animation frame,
// from a store subscription (per-frame data never re-renders React, docs/design.md#the-store-is-made-of-slices).
import { useEffect, useRef } from 'react';
import { appStore, type Store } from '../state/store';

/**
 * Calls `draw` once after mount, whenever `deps` change, and whenever one of the values picked by
 * `watch` changes identity. `watch` must return a fixed-length array.
 */
export function useRedraw(draw: () => void, watch: (s: Store) => readonly unknown[], deps: readonly unknown[]): void {
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const frame = useRef(0);
  useEffect(() => {
    const schedule = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        drawRef.current();
      });
    };
    schedule();
    let last = watch(appStore.getState());
    const unsubscribe = appStore.subscribe((s) => {
      const next = watch(s);
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
