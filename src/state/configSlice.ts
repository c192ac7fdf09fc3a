// The configuration slice: the RunConfig a link reproduces, and what the link's decoder corrected.
import type { StateCreator } from 'zustand/vanilla';
import { defaultConfig, type RunConfig } from '../engine/runConfig';
import type { Store } from './store';
import type { Message } from '../i18n/message';

export interface ConfigSlice {
  /** everything a share link must reproduce (docs/design.md#sharing) */
  config: RunConfig;
  /** what decoding the opening link changed (shown once, dismissible) */
  corrections: Message[];
  /**
   * Bumped, in the same setState as the change, by actions that open a new place people may want
   * to go Back to (a preset or chapter, a new seed, loaded pairs): the address bar then pushes a
   * history entry instead of replacing the current one (src/state/urlSync.ts).
   */
  historyMark: number;
}

export const createConfigSlice: StateCreator<Store, [], [], ConfigSlice> = () => ({
  config: defaultConfig(),
  corrections: [],
  historyMark: 0,
});
