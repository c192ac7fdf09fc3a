// "A new version is ready": set when a new deployment's service worker has cached it and waits
// (src/offline/registerOffline.ts reports it; src/main.tsx passes it here); read by the banner
// (src/ui/Banners.tsx). Outside the app store: the worker registers before the first render, and
// nothing else depends on it.
import { useSyncExternalStore } from 'react';

/** Switches to the waiting version and reloads, or null while none waits. */
let apply: (() => void) | null = null;
const listeners = new Set<() => void>();

export function setUpdateReady(next: (() => void) | null): void {
  apply = next;
  for (const l of listeners) l();
}

/** The waiting version's Reload, or null. */
export function useUpdateReady(): (() => void) | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => apply);
}
