// View keys of a link (not part of the reproducible RunConfig): `<control>_hide=true`, `embed`,
// `theme`, `tour`, `panel`, `speed`, and `engine` (auto|cpu|gpu, to force an engine, e.g. in tests).
// Parsing never throws: a bad value is ignored and reported, like the config codec does.
import { CONFIG_KEYS } from '../engine/runConfig';
import type { EnginePreference } from '../engine/createTrainer';
import { SPEED_MAX, SPEED_MIN, type Theme } from './viewSlice';
import { isPanelId, PANEL_IDS, type PanelId } from '../panels/panelList';
import { PRESETS } from './presets';
import { isViewKey } from './url';

/** Controls a classroom link can hide: every config field plus the page's own controls. */
export const HIDABLE_CONTROLS: readonly string[] = [
  ...CONFIG_KEYS, 'play', 'step', 'reset', 'newSeed', 'speed', 'presets', 'share', 'layers', 'theme', 'tScrub', 'overlay',
];

const HIDE_SUFFIX = '_hide';
const ENGINES: readonly EnginePreference[] = ['auto', 'cpu', 'gpu'];
const THEMES: readonly Theme[] = ['lecture', 'projector'];


export interface ViewParams {
  hidden: string[];
  embed: boolean;
  theme: Theme;
  /** tour chapter index (0-based) or null */
  tour: number | null;
  panel: PanelId | null;
  speed: number | null;
  engine: EnginePreference;
}

export const DEFAULT_VIEW_PARAMS: ViewParams = { hidden: [], embed: false, theme: 'lecture', tour: null, panel: null, speed: null, engine: 'auto' };

const TRUE = new Set(['', 'true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** Short, printable form of a hostile value for a notice (no markup, bounded length). */
export function quoteValue(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

export function parseViewParams(query: string): { view: ViewParams; corrections: string[] } {
  const view: ViewParams = { ...DEFAULT_VIEW_PARAMS, hidden: [] };
  const corrections: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { view, corrections: ['the link could not be read; opened the defaults'] };
  }
  const bad = (key: string, value: string, kept: string) => corrections.push(`${key}=${quoteValue(value)} is not valid; ${kept}`);
  for (const [key, value] of params) {
    if (key.endsWith(HIDE_SUFFIX)) {
      const control = key.slice(0, -HIDE_SUFFIX.length);
      if (!HIDABLE_CONTROLS.includes(control)) bad(key, value, 'no such control');
      else if (TRUE.has(value.toLowerCase()) && !view.hidden.includes(control)) view.hidden.push(control);
      else if (!FALSE.has(value.toLowerCase()) && !TRUE.has(value.toLowerCase())) bad(key, value, 'the control stays visible');
      continue;
    }
    switch (key) {
      case 'embed':
        if (TRUE.has(value.toLowerCase())) view.embed = true;
        else if (!FALSE.has(value.toLowerCase())) bad(key, value, 'embed mode is off');
        break;
      case 'theme':
        if ((THEMES as readonly string[]).includes(value)) view.theme = value as Theme;
        else bad(key, value, 'kept the lecture theme');
        break;
      case 'panel':
        if (isPanelId(value)) view.panel = value;
        else bad(key, value, `panels are ${PANEL_IDS.join(', ')}`);
        break;
      case 'engine':
        if ((ENGINES as readonly string[]).includes(value)) view.engine = value as EnginePreference;
        else bad(key, value, 'the engine is chosen automatically');
        break;
      case 'speed': {
        const n = Number(value);
        if (value.trim() !== '' && Number.isFinite(n)) view.speed = Math.round(Math.min(SPEED_MAX, Math.max(SPEED_MIN, n)));
        else bad(key, value, 'kept the default speed');
        break;
      }
      case 'tour': {
        const byId = PRESETS.findIndex((p) => p.id === value);
        const n = Number(value);
        if (byId >= 0) view.tour = byId;
        else if (Number.isInteger(n) && n >= 1 && n <= PRESETS.length) view.tour = n - 1;
        else if (TRUE.has(value.toLowerCase())) view.tour = 0;
        else bad(key, value, `chapters are 1–${PRESETS.length}`);
        break;
      }
      default:
        break; // a config key: the config codec reads it
    }
  }
  return { view, corrections };
}

/** The view keys that differ from the defaults, as query pairs (for the mirrored URL). */
export function encodeViewParams(view: ViewParams): string {
  const params = new URLSearchParams();
  for (const control of view.hidden) params.set(`${control}${HIDE_SUFFIX}`, 'true');
  if (view.embed) params.set('embed', 'true');
  if (view.theme !== DEFAULT_VIEW_PARAMS.theme) params.set('theme', view.theme);
  if (view.tour !== null) params.set('tour', String(view.tour + 1));
  if (view.panel !== null) params.set('panel', view.panel);
  if (view.speed !== null) params.set('speed', String(view.speed));
  if (view.engine !== 'auto') params.set('engine', view.engine);
  return params.toString();
}

/** The query without its view keys (what the config codec should read). */
export function withoutViewKeys(query: string): string {
  try {
    const params = new URLSearchParams(query);
    const kept = new URLSearchParams();
    for (const [key, value] of params) if (!isViewKey(key)) kept.append(key, value);
    return kept.toString();
  } catch {
    return '';
  }
}
