// The view slice: what is shown and how (layers, theme, speed, overlays). Not part of a run's
// reproducible config; the link carries some of it as view keys (src/link/viewParams.ts).
import type { StateCreator } from 'zustand/vanilla';
import type { EnginePreference } from '../engine/createTrainer';
import type { PanelId } from '../story/panelList';
import type { Theme } from '../link/viewParams';
import type { Language } from '../i18n/languages';
import type { Store } from './store';

/** Layer toggles: one row each, grouped by the panel that draws them (ids of src/story/panelList.ts); their names are the catalogue's `layers.<id>` (docs/i18n.md). */
export const LAYERS = [
  { id: 'lines', panel: 'pairs', on: true },
  { id: 'tube', panel: 'pairs', on: true },
  { id: 'source', panel: 'pairs', on: true },
  { id: 'target', panel: 'pairs', on: true },
  { id: 'xt', panel: 'pairs', on: true },
  { id: 'trainPaths', panel: 'flow', on: true },
  { id: 'freshPaths', panel: 'flow', on: true },
  { id: 'quiver', panel: 'flow', on: true },
  { id: 'endpoints', panel: 'flow', on: true },
  { id: 'partners', panel: 'flow', on: false },
] as const satisfies readonly { id: string; panel: PanelId; on: boolean }[];
export type LayerId = (typeof LAYERS)[number]['id'];

export interface ViewSlice {
  speed: number;
  layers: Record<LayerId, boolean>;
  theme: Theme;
  help: boolean;
  /** the panel shown full-screen, if any */
  fullscreen: PanelId | null;
  /** controls hidden by `<name>_hide=true` */
  hidden: string[];
  /** embed mode: one panel, no chrome */
  embed: boolean;
  /** the panel of embed mode (or the first one) */
  panel: PanelId | null;
  /** time of the vector field and particle snapshot in the flow panel */
  tScrub: number;
  noticeDismissed: boolean;
  enginePref: EnginePreference;
  /** lecture mode (view key `lecture`) */
  lecture: boolean;
  /** autoplay as the link asked (view key `autoplay`), null when it did not say */
  autoplayLink: boolean | null;
  /** start training by itself (on open and on a preset): off under prefers-reduced-motion unless overridden */
  autoplay: boolean;
  /** the language chosen in the link or the picker; null: the browser's (src/state/language.ts) */
  lang: Language | null;
}

export function defaultLayers(): Record<LayerId, boolean> {
  return Object.fromEntries(LAYERS.map((l) => [l.id, l.on])) as Record<LayerId, boolean>;
}

/** The flow panel's t when a page or a chapter opens. */
export const DEFAULT_T_SCRUB = 0.5;

export function initialViewState(): ViewSlice {
  return {
    speed: 1,
    layers: defaultLayers(),
    theme: 'lecture',
    help: false,
    fullscreen: null,
    hidden: [],
    embed: false,
    panel: null,
    tScrub: DEFAULT_T_SCRUB,
    noticeDismissed: false,
    enginePref: 'auto',
    lecture: false,
    autoplayLink: null,
    autoplay: true,
    lang: null,
  };
}

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = () => initialViewState();
