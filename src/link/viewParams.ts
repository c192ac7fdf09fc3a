// View keys of a link (not part of the reproducible RunConfig): `<control>_hide=true`, `embed`,
// `theme`, `chapter` (the story chapter shown; the older `tour=` and `preset=` keys still open
// one), `panel`, `speed`, `engine` (auto|cpu|gpu, to force an engine, e.g. in tests) and `lang` (the page's language). Read with the config codec's tokenizer (linkParams), so a value
// means the same here as there. Parsing never throws: a bad value is ignored and reported.
import { CONFIG_KEYS } from '../engine/runConfig';
import type { EnginePreference } from '../engine/createTrainer';
import { isPanelId, PANEL_IDS, type PanelId } from '../story/panelList';
import { chapterFromLink, CHAPTERS, type ChapterId } from '../story/chapters';
import { clampNumber, duplicateCounter, isViewKey, type LinkParam } from './url';
import { COMPARE_PARAM, formatCompare, parseCompare } from './compareParam';
import type { CompareSetting } from '../engine/compare';
import { languageOfTag, LANGUAGES, type Language } from '../i18n/languages';
import { message, type Message, type MessageKey } from '../i18n/message';

/** The hide flag of a panel: `<id>Panel_hide=true` (e.g. `sweepPanel_hide=true`). */
export function panelHideName(id: PanelId): string {
  return `${id}Panel`;
}

/** The page's own controls a link can hide (`compare`: the compare panel's picker). */
export const PAGE_CONTROLS: readonly string[] = ['play', 'step', 'reset', 'newSeed', 'speed', 'presets', 'share', 'layers', 'theme', 'tScrub', 'overlay', 'compare'];

/** Controls a classroom link can hide: every config field, the page's own controls and the panels. */
export const HIDABLE_CONTROLS: readonly string[] = [...CONFIG_KEYS, ...PAGE_CONTROLS, ...PANEL_IDS.map(panelHideName)];

export type Theme = 'lecture' | 'projector';

/** Steps per animation frame (the speed control and the `speed=` key). */
export const SPEED_MIN = 1;
export const SPEED_MAX = 200;

const HIDE_SUFFIX = '_hide';
const ENGINES: readonly EnginePreference[] = ['auto', 'cpu', 'gpu'];
const THEMES: readonly Theme[] = ['lecture', 'projector'];


export interface ViewParams {
  hidden: string[];
  embed: boolean;
  theme: Theme;
  /** the story chapter shown (`chapter=<id>`), or null when the story card is closed */
  chapter: ChapterId | null;
  panel: PanelId | null;
  speed: number | null;
  engine: EnginePreference;
  /** run B's setting of compare mode (`compare=<key>[:<value>]`, src/link/compareParam.ts), or null */
  compare: CompareSetting | null;
  /** lecture mode: one chapter per screen, big type (src/ui/LectureMode.tsx) */
  lecture: boolean;
  /** start training on open: true/false from the link, null = the reader's setting (reduced motion) */
  autoplay: boolean | null;
  /** the page's language (`lang=es`), or null: the reader's browser chooses (docs/i18n.md) */
  lang: Language | null;
}

export const DEFAULT_VIEW_PARAMS: ViewParams = { hidden: [], embed: false, theme: 'lecture', chapter: null, panel: null, speed: null, engine: 'auto', compare: null, lecture: false, autoplay: null, lang: null };

/** The speed key's range, as a field of the config table's kind (one set of number rules). */
const SPEED_FIELD = { type: 'int', default: SPEED_MIN, min: SPEED_MIN, max: SPEED_MAX, doc: 'steps per frame' } as const;

const TRUE = new Set(['', 'true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** A flag's value (`embed`, `x_hide=…`): true or false, undefined when it is neither. */
function flagOf(value: string): boolean | undefined {
  const flag = value.trim().toLowerCase();
  return TRUE.has(flag) ? true : FALSE.has(flag) ? false : undefined;
}

/** Short, printable form of a hostile value for a notice (no markup, bounded length). */
export function quoteValue(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean;
}

/** The view keys among a link's settings; config keys are skipped (the config codec reads them). */
export function parseViewKeys(params: readonly LinkParam[]): { view: ViewParams; corrections: Message[] } {
  const view: ViewParams = { ...DEFAULT_VIEW_PARAMS, hidden: [] };
  const corrections: Message[] = [];
  const duplicate = duplicateCounter();
  const bad = (key: string, value: string, kept: MessageKey, values?: Record<string, string | number>) =>
    corrections.push(message('link.view.invalid', { setting: `${key}=${quoteValue(value)}`, kept: message(kept, values) }));
  for (const { key, value: raw } of params) {
    if (!isViewKey(key)) continue;
    const again = duplicate(key);
    if (again) corrections.push(again);
    const value = raw ?? '';
    const on = flagOf(value);
    if (key.endsWith(HIDE_SUFFIX)) {
      const control = key.slice(0, -HIDE_SUFFIX.length);
      if (!HIDABLE_CONTROLS.includes(control)) bad(key, value, 'link.view.noSuchControl');
      else if (on === undefined) bad(key, value, 'link.view.controlVisible');
      else if (!on) view.hidden = view.hidden.filter((c) => c !== control);
      else if (!view.hidden.includes(control)) view.hidden.push(control);
      continue;
    }
    switch (key) {
      case 'embed':
        if (on === undefined) bad(key, value, 'link.view.embedOff');
        else view.embed = on;
        break;
      case 'lecture':
        if (on === undefined) bad(key, value, 'link.view.lectureOff');
        else if (on) view.lecture = true;
        break;
      case 'autoplay':
        if (on === undefined) bad(key, value, 'link.view.autoplayMotion');
        else view.autoplay = on;
        break;
      case 'theme':
        if ((THEMES as readonly string[]).includes(value)) view.theme = value as Theme;
        else bad(key, value, 'link.view.lectureTheme');
        break;
      case 'lang': {
        // a full tag (es-MX, zh-Hans) opens its language
        const lang = languageOfTag(value);
        if (lang) view.lang = lang;
        else bad(key, value, 'link.view.languages', { languages: LANGUAGES.join(', ') });
        break;
      }
      case 'panel':
        if (isPanelId(value)) view.panel = value;
        else bad(key, value, 'link.view.panels', { panels: PANEL_IDS.join(', ') });
        break;
      case 'engine':
        if ((ENGINES as readonly string[]).includes(value)) view.engine = value as EnginePreference;
        else bad(key, value, 'link.view.engineAuto');
        break;
      case 'speed': {
        // the same number rules as a config field: "-1e308" is a number below the range, "0x10" is not one
        const r = clampNumber(key, SPEED_FIELD, value);
        if (r.correction?.key === 'link.notANumber') bad(key, value, 'link.view.defaultSpeed');
        else {
          view.speed = r.value;
          if (r.correction) corrections.push(r.correction);
        }
        break;
      }
      case COMPARE_PARAM: {
        const r = parseCompare(value);
        view.compare = r.setting;
        if (r.correction) corrections.push(r.correction);
        break;
      }
      case 'chapter':
      case 'tour': // older links: tour=<n>|<id>|true
      case 'preset': { // older links: the preset ids
        const id = chapterFromLink(value) ?? (key === 'tour' && on === true ? CHAPTERS[0].id : null);
        if (id) view.chapter = id;
        else bad(key, value, 'link.view.chapters', { last: CHAPTERS.length, ids: CHAPTERS.map((c) => c.id).join(', ') });
        break;
      }
      default:
        break;
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
  if (view.chapter !== null) params.set('chapter', view.chapter);
  if (view.panel !== null) params.set('panel', view.panel);
  if (view.speed !== null) params.set('speed', String(view.speed));
  if (view.engine !== 'auto') params.set('engine', view.engine);
  if (view.compare !== null) params.set(COMPARE_PARAM, formatCompare(view.compare));
  if (view.lecture) params.set('lecture', 'true');
  if (view.autoplay !== null) params.set('autoplay', String(view.autoplay));
  if (view.lang !== null) params.set('lang', view.lang);
  return params.toString();
}
