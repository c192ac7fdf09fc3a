// browserThreads: how many WebAssembly threads a browser CPU worker starts, for its page and for
// the number of CPU workers training at once (a σ sweep, compare mode).
import { describe, expect, it } from 'vitest';
import { browserThreads } from '../../src/engine/wasm/browserKernel';

const page = (cores: number, isolated: boolean) => ({ crossOriginIsolated: isolated, navigator: { hardwareConcurrency: cores } });

describe('browserThreads', () => {
  it('an isolated page runs one thread per core; one that is not runs one and says why', () => {
    expect(browserThreads(page(8, true))).toEqual({ threads: 8, cores: 8, limit: null });
    expect(browserThreads(page(8, false))).toEqual({ threads: 1, cores: 8, limit: 'not cross-origin isolated' });
    expect(browserThreads(page(1, true))).toEqual({ threads: 1, cores: 1, limit: null });
  });

  it('workers that train at once share the cores: 8 cores over 4 σ give 2 threads each, never fewer than 1', () => {
    expect(browserThreads(page(8, true), 4)).toEqual({ threads: 2, cores: 8, limit: 'cores shared by 4 runs' });
    expect(browserThreads(page(16, true), 8).threads).toBe(1); // at most MAX_SLICES (8) cores count
    expect(browserThreads(page(8, true), 2).threads).toBe(4);
    expect(browserThreads(page(4, true), 9).threads).toBe(1);
    expect(browserThreads(page(8, false), 2).threads).toBe(1);
  });
});
