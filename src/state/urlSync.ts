// The store's RunConfig mirrored into the address bar (a history entry per preset, chapter, new
// seed or loaded pairs; replaceState, debounced, for the rest), Back/Forward read back, and the
// opening link read through the one decoder (src/link/link.ts). A link with any config key is
// honoured exactly; a bare page gets the engine's start config (smaller on the CPU).
import type { RunConfig } from '../engine/runConfig';
import type { Message } from '../i18n/message';
import { encodeConfig } from '../link/url';
import { decodeLink } from '../link/link';
import { encodeViewParams, type ViewParams } from '../link/viewParams';
import { loadConfig } from './actions';
import type { AppStore, Store } from './store';

/** Delay before the address bar follows a change (a dragged slider writes once). */
export const URL_DEBOUNCE_MS = 300;

export interface OpenedLink {
  /** the decoded config, or null when the link names no setting at all */
  config: RunConfig | null;
  corrections: Message[];
  view: ViewParams;
}

/** Reads a link (query, hash, or both: `location.search + location.hash`) through decodeLink. Never throws. */
export function readLink(link: string): OpenedLink {
  const { config, hasConfig, view, corrections } = decodeLink(link);
  return { config: hasConfig ? config : null, corrections, view };
}

/** The page's own link: its query and its hash, as the CLI would read the same URL. */
export function readLocation(): OpenedLink {
  return readLink(window.location.search + window.location.hash);
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
    chapter: s.story.open ? s.story.chapter : null,
    panel: s.panel,
    speed: s.speed !== defaultSpeed(s.engine.kind) ? s.speed : null,
    engine: linkEngine,
    compare: s.compare,
    lecture: s.lecture,
    autoplay: s.autoplayLink,
    lang: s.lang,
  };
}

/** The query (no `?`) that reproduces the current run and view. */
export function shareQuery(s: Store, linkEngine: ViewParams['engine'] = 'auto'): string {
  const view = encodeViewParams(viewOf(s, linkEngine));
  return view ? `${encodeConfig(s.config)}&${view}` : encodeConfig(s.config);
}

/** The engine the opening link forced (kept in shared links; a later CPU fallback is not written). */
let openedEngine: ViewParams['engine'] = 'auto';

/**
 * Longest query a link carries after `?`. Common hosts refuse request lines above 8 KB (nginx,
 * Apache's 8,190 bytes) and a browser sends the query; it never sends what follows `#`, and the
 * decoder reads both. So a longer one (user points and pairs: up to ~8.9 KB) goes after `#`.
 */
export const LONG_QUERY = 6000;

/** `?query`, or `#query` when it is longer than LONG_QUERY. */
export function settingsPart(query: string): string {
  return `${query.length > LONG_QUERY ? '#' : '?'}${query}`;
}

/** The settings of the share link (no `?` or `#`), with the engine the opening link forced. */
export function shareSettings(s: Store): string {
  return shareQuery(s, openedEngine);
}

/** The full link to share (same page, current query). */
export function shareLink(s: Store, linkEngine: ViewParams['engine'] = openedEngine): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${settingsPart(shareQuery(s, linkEngine))}`;
}

/** True when a change of the store changes the link (the config or a view key). */
function linkChanged(s: Store, prev: Store): boolean {
  return s.config !== prev.config || s.theme !== prev.theme || s.speed !== prev.speed || s.hidden !== prev.hidden
    || s.embed !== prev.embed || s.panel !== prev.panel || s.story !== prev.story
    || s.engine.kind !== prev.engine.kind || s.compare !== prev.compare || s.lecture !== prev.lecture || s.autoplayLink !== prev.autoplayLink || s.lang !== prev.lang;
}

/**
 * Puts a link read back from history (Back/Forward) into the store: its config, the preset or
 * chapter it highlighted, and its view keys. The engine stays as it is.
 */
export function restoreLink(store: AppStore, link: OpenedLink): void {
  const { view } = link;
  store.setState((s) => ({
    hidden: view.hidden, embed: view.embed, theme: view.theme, panel: view.panel, compare: view.compare, lang: view.lang,
    story: view.chapter ? { ...s.story, chapter: view.chapter, open: true, modified: false } : { ...s.story, open: false, modified: false },
    speed: view.speed ?? defaultSpeed(s.engine.kind),
  }));
  if (link.config) loadConfig(link.config, link.corrections, store);
}

/**
 * Keeps the address bar equal to shareQuery(store), both ways. A change that bumps `historyMark`
 * (a preset or chapter, a new seed, loaded pairs) pushes a history entry at once; any other
 * change (a dragged slider) replaces the current entry after URL_DEBOUNCE_MS. Back and Forward
 * (popstate) put the entry's link back into the store. Settings after `#` are read at boot and
 * then written into the query, so the hash is dropped (a query above LONG_QUERY stays after `#`). `linkEngine` is the engine the opening
 * link forced: it is kept, but falling back to the CPU later does not write it.
 * Returns the unsubscribe function.
 */
export function mirrorToUrl(store: AppStore, linkEngine: ViewParams['engine']): () => void {
  openedEngine = linkEngine;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = '';
  const url = (query: string) => `${window.location.pathname}${settingsPart(query)}`;
  const write = (s: Store, mode: 'push' | 'replace') => {
    const query = shareQuery(s, linkEngine);
    if (query === written && mode === 'replace') return;
    written = query;
    try {
      if (mode === 'push') window.history.pushState(null, '', url(query));
      else window.history.replaceState(window.history.state, '', url(query));
    } catch (e) {
      // sandboxed iframes refuse history writes; the Copy link button still works
      console.warn(`flowvar: the address bar was not updated (${(e as Error).message})`);
    }
  };
  const flush = () => {
    timer = null;
    write(store.getState(), 'replace');
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.historyMark !== prev.historyMark) {
      // the entry being left keeps its latest settings, then the new state gets its own entry
      if (timer !== null) { clearTimeout(timer); timer = null; write(prev, 'replace'); }
      write(s, 'push');
      return;
    }
    if (!linkChanged(s, prev)) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, URL_DEBOUNCE_MS);
  });
  const onPopState = () => {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    written = (window.location.search || window.location.hash).replace(/^[?#]/, '');
    restoreLink(store, readLocation());
  };
  window.addEventListener('popstate', onPopState);
  flush();
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    if (timer !== null) clearTimeout(timer);
  };
}
