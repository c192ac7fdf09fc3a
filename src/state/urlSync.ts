// The store's RunConfig mirrored into the address bar (history.replaceState, debounced), and the
// opening link read back: config through the codec (src/state/url.ts), view keys through
// src/state/viewParams.ts. A link with any config key is honoured exactly; a bare page gets the
// engine's start config (smaller on the CPU).
import type { RunConfig } from '../engine/runConfig';
import { decodeConfig, encodeConfig } from './url';
import { encodeViewParams, parseViewParams, withoutViewKeys, type ViewParams } from './viewParams';
import type { AppStore, Store } from './store';

/** Delay before the address bar follows a change (a dragged slider writes once). */
export const URL_DEBOUNCE_MS = 300;

export interface OpenedLink {
  /** the decoded config, or null when the link names no setting at all */
  config: RunConfig | null;
  corrections: string[];
  view: ViewParams;
}

/** Reads a link's query (with or without `?`). Never throws. */
export function readLink(search: string): OpenedLink {
  const query = typeof search === 'string' ? search.replace(/^[?#]/, '') : '';
  const { view, corrections: viewCorrections } = parseViewParams(query);
  const configQuery = withoutViewKeys(query);
  if (configQuery === '') return { config: null, corrections: viewCorrections, view };
  const { config, corrections } = decodeConfig(configQuery);
  return { config, corrections: [...corrections, ...viewCorrections], view };
}

/** Default steps per frame: the GPU encodes many steps per submit; the CPU worker is ~50× slower. */
export function defaultSpeed(kind: 'cpu' | 'gpu' | null): number {
  return kind === 'gpu' ? 10 : 2;
}

/** The view part of the link for the current store (only what differs from the defaults). */
export function viewOf(s: Store, linkEngine: ViewParams['engine']): ViewParams {
  return {
    hidden: s.hidden,
    embed: s.embed,
    theme: s.theme,
    tour: s.tour,
    panel: s.panel,
    speed: s.speed !== defaultSpeed(s.engine.kind) ? s.speed : null,
    engine: linkEngine,
  };
}

/** The query (no `?`) that reproduces the current run and view. */
export function shareQuery(s: Store, linkEngine: ViewParams['engine'] = 'auto'): string {
  const view = encodeViewParams(viewOf(s, linkEngine));
  return view ? `${encodeConfig(s.config)}&${view}` : encodeConfig(s.config);
}

/** The engine the opening link forced (kept in shared links; a later CPU fallback is not written). */
let openedEngine: ViewParams['engine'] = 'auto';

/** The full link to share (same page, current query). */
export function shareLink(s: Store, linkEngine: ViewParams['engine'] = openedEngine): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}?${shareQuery(s, linkEngine)}`;
}

/**
 * Keeps the address bar equal to shareQuery(store) (debounced). `linkEngine` is the engine the
 * opening link forced: it is kept, but falling back to the CPU later does not write it.
 * Returns the unsubscribe function.
 */
export function mirrorToUrl(store: AppStore, linkEngine: ViewParams['engine']): () => void {
  openedEngine = linkEngine;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = '';
  const write = () => {
    timer = null;
    const query = shareQuery(store.getState(), linkEngine);
    if (query === written) return;
    written = query;
    try {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}${window.location.hash}`);
    } catch {
      // replaceState can throw in sandboxed iframes; the Copy link button still works.
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.config === prev.config && s.theme === prev.theme && s.speed === prev.speed && s.hidden === prev.hidden
      && s.embed === prev.embed && s.panel === prev.panel && s.tour === prev.tour && s.engine.kind === prev.engine.kind) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, URL_DEBOUNCE_MS);
  });
  write();
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
