// Loading a weights file (its codec: src/link/weightsFile.ts) into the page's store.
import { appStore, type AppStore } from './store';
import type { WeightsFile } from '../link/weightsFile';
import type { Message } from '../i18n/message';

/** Continues from a loaded file: its settings, its weights at its step, paused (inspect, then Play). */
export function loadWeights(file: WeightsFile, corrections: Message[] = [], store: AppStore = appStore): void {
  store.setState((s) => ({
    config: { ...file.config }, playing: false, corrections, noticeDismissed: corrections.length === 0,
    loadedWeights: { step: file.step, theta: file.theta, m: file.m, v: file.v }, weightsRequest: s.weightsRequest + 1,
  }));
}
