// React access to the store: select primitives (or stable references) only (docs/design.md#the-store-is-made-of-slices).
import { useStore } from 'zustand';
import { appStore, type Store } from './store';

export function useAppStore<T>(selector: (s: Store) => T): T {
  return useStore(appStore, selector);
}
