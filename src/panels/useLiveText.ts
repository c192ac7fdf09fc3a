// Per-frame text (step count, loss) written straight into a DOM node from a store subscription:
// no React render per training step (zustand "transient updates", docs/design.md#the-store-is-made-of-slices).
import { useEffect, useRef } from 'react';
import { appStore, type Store } from '../state/store';

export function useLiveText<E extends HTMLElement>(format: (s: Store) => string) {
  const ref = useRef<E>(null);
  const formatRef = useRef(format);
  formatRef.current = format;
  useEffect(() => {
    const write = (s: Store) => {
      const el = ref.current;
      if (!el) return;
      const text = formatRef.current(s);
      if (el.textContent !== text) el.textContent = text;
    };
    write(appStore.getState());
    return appStore.subscribe(write);
  }, []);
  return ref;
}
