// Actions as plain exported functions (docs/design.md#the-store-is-made-of-slices): the controls, the key table, the runner and the
// tests call these; none needs a hook. Engine work (reset, single step, continue on CPU) is requested
// by bumping a counter that the runner (src/state/runner.ts) watches.
import { RUN_CONFIG_FIELDS, type ConfigKey, type RunConfig } from '../engine/runConfig';
import { pcg4d } from '../math/rng';
import { clampField } from '../link/url';
import type { Message } from '../i18n/message';
import { stepSigma } from '../format/sigmaScale';
import { playRun } from './runGoal';
import { appStore, type AppStore } from './store';
import { SPEED_MAX, SPEED_MIN, type Theme } from '../link/viewParams';
import type { LayerId } from './viewSlice';
import type { PanelId } from '../story/panelList';

/** Sets one config field from a control's raw value (clamped to the field's range). */
export function setConfigField<K extends ConfigKey>(key: K, raw: unknown, store: AppStore = appStore): void {
  store.setState((s) => {
    const { value } = clampField(key, raw);
    if (Object.is(value, s.config[key])) return {};
    return { config: { ...s.config, [key]: value } };
  });
}

export function setSigma(sigma: number, store: AppStore = appStore): void {
  setConfigField('sigma', sigma, store);
}

/** σ one notch up or down the slider's log scale (the [ and ] keys). */
export function nudgeSigma(delta: 1 | -1, store: AppStore = appStore): void {
  setSigma(stepSigma(store.getState().config.sigma, delta), store);
}

/** Replaces the whole config (a decoded link, a preset). */
export function loadConfig(config: RunConfig, corrections: Message[] = [], store: AppStore = appStore): void {
  store.setState({ config: { ...config }, corrections, noticeDismissed: corrections.length === 0 });
}

/** The next seed: a hash of the current one, so "new seed" is reproducible too (no Math.random). */
export function nextSeed(seed: number): number {
  return pcg4d(seed, 0, 0, 0)[0] % RUN_CONFIG_FIELDS.seed.max;
}

/** A new seed: new pairs and initial weights, and a new history entry (Back returns to the old seed). */
export function newSeed(store: AppStore = appStore): void {
  store.setState((s) => ({ config: { ...s.config, seed: nextSeed(s.config.seed) }, historyMark: s.historyMark + 1 }));
}

export function setPlaying(playing: boolean, store: AppStore = appStore): void {
  store.setState((s) => (s.error && playing ? {} : { playing }));
}

/** Play / pause; Play on a run that reached its goal trains one more segment (src/state/runGoal.ts). */
export function togglePlay(store: AppStore = appStore): void {
  if (store.getState().playing) setPlaying(false, store);
  else playRun(store);
}

/** Back to the same initial weights, step 0 (clears a diverged run's error). */
export function resetRun(store: AppStore = appStore): void {
  store.setState((s) => ({ resetRequest: s.resetRequest + 1, error: s.error?.kind === 'diverged' ? null : s.error }));
}

/** One training step (pauses first). */
export function stepOnce(store: AppStore = appStore): void {
  store.setState((s) => ({ playing: false, stepRequest: s.stepRequest + 1 }));
}

/** After a lost GPU device or a dead CPU worker: rebuild on a new CPU worker from the last train state the page holds, same config. */
export function continueOnCpu(store: AppStore = appStore): void {
  store.setState((s) => ({ enginePref: 'cpu', cpuRequest: s.cpuRequest + 1, error: null }));
}

/** The one-click engine switch: a fresh run of the same config on `kind`. */
export function switchEngine(kind: 'cpu' | 'gpu', store: AppStore = appStore): void {
  store.setState((s) => ({ enginePref: kind, engineChoice: null, engineRequest: s.engineRequest + 1, error: null }));
}

export function dismissEngineNotice(store: AppStore = appStore): void {
  store.setState({ engineNotice: null });
}

export function setSpeed(speed: number, store: AppStore = appStore): void {
  if (!Number.isFinite(speed)) return;
  store.setState({ speed: Math.round(Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed))) });
}

export function toggleLayer(id: LayerId, store: AppStore = appStore): void {
  store.setState((s) => ({ layers: { ...s.layers, [id]: !s.layers[id] } }));
}

export function setTheme(theme: Theme, store: AppStore = appStore): void {
  store.setState({ theme });
}

export function toggleTheme(store: AppStore = appStore): void {
  setTheme(store.getState().theme === 'projector' ? 'lecture' : 'projector', store);
}

export function setHelp(help: boolean, store: AppStore = appStore): void {
  store.setState({ help });
}

export function setFullscreen(panel: PanelId | null, store: AppStore = appStore): void {
  store.setState({ fullscreen: panel });
}

export function setTScrub(t: number, store: AppStore = appStore): void {
  if (Number.isFinite(t)) store.setState({ tScrub: Math.min(1, Math.max(0, t)) });
}

export function dismissNotice(store: AppStore = appStore): void {
  store.setState({ noticeDismissed: true });
}

/** A plane panel reports the square it shows, so the engine computes its quiver / variance map for it. */
export function setPlaneDomain(panel: PanelId, x: readonly number[], y: readonly number[], store: AppStore = appStore): void {
  const prev = store.getState().planeDomains[panel];
  if (prev && prev.x[0] === x[0] && prev.x[1] === x[1] && prev.y[0] === y[0] && prev.y[1] === y[1]) return;
  store.setState((s) => ({ planeDomains: { ...s.planeDomains, [panel]: { x: [x[0], x[1]], y: [y[0], y[1]] } } }));
}
