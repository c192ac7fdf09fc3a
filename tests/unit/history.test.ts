// History entries (docs/classroom.md#links) with the vanilla store and a stand-in for window: presets,
// new seeds and loaded pairs push an entry at once; a slider replaces after the debounce; popstate
// puts the entry's link back. The browser version is tests/e2e/links.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { newSeed, setConfigField } from '../../src/state/actions';
import { openChapterAt } from '../../src/state/storyActions';
import { setUserPairs } from '../../src/state/userPairs';
import { mirrorToUrl, URL_DEBOUNCE_MS } from '../../src/state/urlSync';
import { decodeLink } from '../../src/link/link';

interface FakeWindow {
  entries: string[];
  index: number;
  listeners: Map<string, () => void>;
}

function installWindow(start: string): FakeWindow {
  const w: FakeWindow = { entries: [start], index: 0, listeners: new Map() };
  const location = {
    origin: 'https://example.org', pathname: '/flowvar/',
    get search() { const e = w.entries[w.index]; return e.includes('?') ? e.slice(e.indexOf('?')) : ''; },
    hash: '',
  };
  const history = {
    state: null,
    pushState: (_: unknown, __: string, url: string) => { w.entries = [...w.entries.slice(0, w.index + 1), url]; w.index++; },
    replaceState: (_: unknown, __: string, url: string) => { w.entries[w.index] = url; },
  };
  vi.stubGlobal('window', {
    location, history,
    addEventListener: (type: string, f: () => void) => w.listeners.set(type, f),
    removeEventListener: (type: string) => w.listeners.delete(type),
  });
  return w;
}

function go(w: FakeWindow, delta: number): void {
  w.index += delta;
  w.listeners.get('popstate')?.();
}

const seedOf = (url: string) => decodeLink(url).config.seed;

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

describe('history entries', () => {
  it('a preset, a new seed and a loaded set of pairs push an entry at once; a slider replaces after the debounce', () => {
    const w = installWindow('/flowvar/?v=1&seed=7&width=16');
    const store = createAppStore();
    store.setState({ config: { ...store.getState().config, seed: 7, width: 16 } });
    const stop = mirrorToUrl(store, 'cpu');
    expect(w.entries).toHaveLength(1);

    setConfigField('sigma', 0.2, store); // a slider: nothing until the debounce
    expect(w.entries[0]).not.toContain('sigma=');
    vi.advanceTimersByTime(URL_DEBOUNCE_MS);
    expect(w.entries).toHaveLength(1);
    expect(decodeLink(w.entries[0]).config.sigma).toBe(0.2);

    setConfigField('sigma', 0.3, store); // still pending when the preset comes
    openChapterAt(3, store);
    expect(w.entries).toHaveLength(2);
    expect(decodeLink(w.entries[0]).config.sigma).toBe(0.3); // the entry left keeps its latest settings
    expect(decodeLink(w.entries[1]).view.chapter).toBe(store.getState().story.chapter);

    newSeed(store);
    expect(w.entries).toHaveLength(3);
    expect(seedOf(w.entries[2])).toBe(store.getState().config.seed);

    setUserPairs([0, 0, 1, 1, 1, 0, 0, 1], store); // a drawn edit replaces
    vi.advanceTimersByTime(URL_DEBOUNCE_MS);
    expect(w.entries).toHaveLength(3);
    setUserPairs([0, 0, 1, 1], store, 'push'); // a loaded set (a stamp) pushes
    expect(w.entries).toHaveLength(4);
    expect(decodeLink(w.entries[3]).config.userPairs).toEqual([0, 0, 1, 1]);
    stop();
  });

  it('Back and Forward put the entry back: config, preset highlight; nothing new is written', () => {
    const w = installWindow('/flowvar/?v=1&seed=7&width=16');
    const store = createAppStore();
    store.setState({ config: { ...store.getState().config, seed: 7, width: 16 } });
    const stop = mirrorToUrl(store, 'cpu');
    openChapterAt(1, store);
    const presetConfig = store.getState().config;
    const chapter = store.getState().story.chapter;
    newSeed(store);
    expect(w.entries).toHaveLength(3);

    go(w, -1);
    expect(store.getState().config).toEqual(presetConfig);
    expect(store.getState().story).toMatchObject({ chapter, open: true });
    go(w, -1);
    expect(store.getState().config.seed).toBe(7);
    expect(store.getState().config.width).toBe(16);
    expect(store.getState().story.open).toBe(false);
    vi.advanceTimersByTime(2 * URL_DEBOUNCE_MS);
    expect(w.entries).toHaveLength(3); // restoring wrote no entry
    go(w, 2);
    expect(store.getState().config.seed).not.toBe(presetConfig.seed);
    stop();
  });
});
