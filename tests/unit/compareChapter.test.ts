// The story's compare chapter (src/story/chapters.ts, id 'compare'): opening it turns compare mode
// on with σ = 0 against σ = 0.05 on the rotated pairing, its "Try this" moves run B to σ = 0.3, and
// opening any other chapter goes back to a single run. The link of the chapter carries compare=.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { chapterById } from '../../src/story/chapters';
import { openChapter, tryChapter } from '../../src/state/storyActions';
import { shareQuery } from '../../src/state/urlSync';
import { decodeLink } from '../../src/link/link';
import { compareConfigs } from '../../src/engine/compare';

describe('the compare chapter', () => {
  it('opens σ = 0 against σ = 0.05 on the rotated pairing, and its link carries compare=sigma:0.05', () => {
    const store = createAppStore();
    openChapter('compare', store, { engine: 'cpu' });
    const s = store.getState();
    expect(s.compare).toEqual({ key: 'sigma', value: 0.05 });
    expect([s.config.coupling, s.config.phi, s.config.sigma]).toEqual(['rotated', Math.PI / 2, 0]);
    const [a, b] = compareConfigs(s.config, s.compare!);
    expect([a.sigma, b.sigma]).toEqual([0, 0.05]);
    expect(decodeLink(shareQuery(s)).view.compare).toEqual({ key: 'sigma', value: 0.05 });
  });

  it('"Try this" compares against σ = 0.3; another chapter turns compare mode off', () => {
    const store = createAppStore();
    openChapter('compare', store, { engine: 'cpu' });
    tryChapter(chapterById('compare')!, store);
    expect(store.getState().compare).toEqual({ key: 'sigma', value: 0.3 });
    openChapter('rotated', store, { engine: 'cpu' });
    expect(store.getState().compare).toBeNull();
  });
});
