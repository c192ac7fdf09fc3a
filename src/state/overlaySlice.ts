// The overlay slice: a results file dropped on the page (src/state/resultsFile.ts), drawn beside
// the live run in the gradient-variance or sweep panel. A local file: never written to the link.
import type { StateCreator } from 'zustand/vanilla';
import type { ResultsOverlay } from './resultsFile';
import type { AppStore, Store } from './store';

export interface OverlaySlice {
  resultsOverlay: ResultsOverlay | null;
  /** the overlay is kept but not drawn */
  overlayHidden: boolean;
}

export const createOverlaySlice: StateCreator<Store, [], [], OverlaySlice> = () => ({ resultsOverlay: null, overlayHidden: false });

/** Shows `overlay` (replacing any other). */
export function setResultsOverlay(overlay: ResultsOverlay, store: AppStore): void {
  store.setState({ resultsOverlay: overlay, overlayHidden: false });
}

export function setOverlayHidden(hidden: boolean, store: AppStore): void {
  store.setState({ overlayHidden: hidden });
}

export function removeResultsOverlay(store: AppStore): void {
  store.setState({ resultsOverlay: null, overlayHidden: false });
}

/** The overlay a panel draws now, or null. */
export function shownOverlay(s: Store, panel: ResultsOverlay['panel']): ResultsOverlay | null {
  return s.resultsOverlay && !s.overlayHidden && s.resultsOverlay.panel === panel ? s.resultsOverlay : null;
}
