// The codec between RunConfig and the share link's query string (docs/design.md#runconfig-is-one-table, docs/design.md#sharing).
// Every setting is read through RUN_CONFIG_FIELDS; decoding never throws: a bad value is clamped
// or defaulted and the change is reported in plain words naming the field and the value.
import { CONFIG_KEYS, RUN_CONFIG_FIELDS, defaultConfig, type ConfigKey, type Field, type RunConfig } from '../engine/runConfig';
import { joinNotes, message, type Message } from '../i18n/message';

/** Version of the link format, written as `v=1`. */
export const URL_VERSION = 1;

/** Keys of view state (the UI's business, src/ui): never reported as unknown settings. */
export const VIEW_KEYS: ReadonlySet<string> = new Set(['embed', 'theme', 'tour', 'panel', 'speed', 'engine', 'compare', 'preset', 'chapter', 'lecture', 'autoplay', 'lang']);

/** True for view flags: the keys of VIEW_KEYS and every `<control>_hide`. */
export function isViewKey(key: string): boolean {
  return VIEW_KEYS.has(key) || key.endsWith('_hide');
}

/** User-drawn pair coordinates are kept within ±PAIR_COORD_LIMIT. */
export const PAIR_COORD_LIMIT = 10;

/**
 * Pair coordinates lie on a grid of 1/PAIR_GRID (about 0.0005, far below a pixel of the plane), so a
 * link can carry each as one 16-bit integer: 2·10·2048 + 1 = 40,961 values fit in 65,536, and every
 * grid value is exact in f32 and f64, so the compact form reads back bit for bit.
 */
export const PAIR_GRID = 2048;

/** Prefix of the compact userPairs text (docs/classroom.md#links): `q.` + base64url of uint16 LE per coordinate. */
export const COMPACT_PAIRS_PREFIX = 'q.';

/** Longest excerpt of a hostile key or value quoted back in a correction. */
const QUOTE_LIMIT = 40;

/** A value quoted in a correction: cut to QUOTE_LIMIT characters, control characters escaped. */
function quote(text: string): string {
  const cut = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  return cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isConfigKey = (key: string): key is ConfigKey => Object.prototype.hasOwnProperty.call(RUN_CONFIG_FIELDS, key);

/** A decimal number as people write it: no hex, no blanks, no "Infinity" (1e400 is a number, too large). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Shortest text that reads back to exactly `x` (keeps the sign of −0). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

export interface FieldResult<K extends ConfigKey> {
  value: RunConfig[K];
  /** what was changed, in plain words; null when the input was valid as given */
  correction: Message | null;
}

type AnyValue = RunConfig[ConfigKey] | string | boolean;

/** A number within `field`'s range (rounded for ints), with the change in words. */
export function clampNumber(key: string, field: Pick<Field & { type: 'number' | 'int' }, 'type' | 'default' | 'min' | 'max'>, raw: unknown): { value: number; correction: Message | null } {
  const setting = `${key}=${quote(typeof raw === 'string' ? raw : String(raw))}`;
  let x: number;
  if (typeof raw === 'number') x = raw;
  else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) x = Number(raw.trim());
  else x = NaN;
  if (Number.isNaN(x)) return { value: field.default, correction: message('link.notANumber', { setting, value: field.default }) };
  let correction: Message | null = null;
  if (field.type === 'int' && Number.isFinite(x) && !Number.isInteger(x)) {
    const r = Math.round(x);
    correction = message('link.notWhole', { setting, value: r });
    x = r;
  }
  if (x < field.min) return { value: field.min, correction: message('link.below', { setting, limit: field.min }) };
  if (x > field.max) return { value: field.max, correction: message('link.above', { setting, limit: field.max }) };
  return { value: x, correction };
}

function parseEnum(key: string, values: readonly string[], def: string, raw: unknown): { value: string; correction: Message | null } {
  const text = String(raw);
  if (values.includes(text)) return { value: text, correction: null };
  const folded = values.find((v) => v === text.trim().toLowerCase());
  if (folded !== undefined) return { value: folded, correction: message('link.readAs', { setting: `${key}=${quote(text)}`, value: folded }) };
  return { value: def, correction: message('link.notOneOf', { setting: `${key}=${quote(text)}`, values: values.join(', '), value: def }) };
}

function parseBool(key: string, def: boolean, raw: unknown): { value: boolean; correction: Message | null } {
  if (typeof raw === 'boolean') return { value: raw, correction: null };
  const text = String(raw).trim().toLowerCase();
  if (text === 'true' || text === '1' || text === '') return { value: true, correction: null };
  if (text === 'false' || text === '0') return { value: false, correction: null };
  return { value: def, correction: message('link.notBool', { setting: `${key}=${quote(String(raw))}`, value: String(def) }) };
}

/** The nearest point of the pair grid (1/PAIR_GRID); −0 becomes 0. */
export function snapToPairGrid(x: number): number {
  return Math.round(x * PAIR_GRID) / PAIR_GRID + 0;
}

/** The compact text of grid coordinates: `q.` + base64url (no padding) of one uint16 LE each. */
function compactCoords(values: readonly number[]): string {
  const bytes = new Uint8Array(2 * values.length);
  values.forEach((v, i) => {
    const k = Math.round((v + PAIR_COORD_LIMIT) * PAIR_GRID);
    bytes[2 * i] = k & 0xff;
    bytes[2 * i + 1] = k >> 8;
  });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return COMPACT_PAIRS_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** How a list of coordinate groups is written: pairs (x0,y0,x1,y1) or points (x,y). */
interface GroupShape {
  /** coordinates per group */
  size: 2 | 4;
  /** the messages about its groups: link.pairs.* or link.points.* */
  messages: 'link.pairs' | 'link.points';
}
const PAIR_SHAPE: GroupShape = { size: 4, messages: 'link.pairs' };
const POINT_SHAPE: GroupShape = { size: 2, messages: 'link.points' };

/** The coordinates of a compact text, or why it is unreadable. Values above the grid's range read as its end (parseGroups clamps and reports). */
function expandCoords(setting: string, text: string, shape: GroupShape): number[] | Message {
  const body = text.slice(COMPACT_PAIRS_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) return message(`${shape.messages}.notBase64`, { setting });
  let binary: string;
  try {
    binary = atob(body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4));
  } catch (e) {
    return message(`${shape.messages}.notBase64Because`, { setting, detail: (e as Error).message });
  }
  const bytes = 2 * shape.size;
  if (binary.length % bytes !== 0) return message(`${shape.messages}.notWholeGroups`, { setting, bytes: binary.length, multiple: bytes, size: shape.size });
  const out: number[] = [];
  for (let i = 0; i < binary.length; i += 2) out.push((binary.charCodeAt(i) | (binary.charCodeAt(i + 1) << 8)) / PAIR_GRID - PAIR_COORD_LIMIT);
  return out;
}

/**
 * `q.<base64url>` (compact, what encodeConfig writes), `x0,y0,x1,y1;x0,y0,x1,y1` (older links; `x,y;…`
 * for points), or a flat number array: finite numbers in groups of `shape.size`, clamped to
 * ±PAIR_COORD_LIMIT and snapped to the grid. One decoder for userPairs and the point sets.
 */
function parseGroups(key: string, shape: GroupShape, max: number, raw: unknown): { value: number[]; correction: Message | null } {
  const notes: Message[] = [];
  let groups: unknown[][];
  if (typeof raw === 'string' && raw.trim().startsWith(COMPACT_PAIRS_PREFIX)) {
    const expanded = expandCoords(`${key}=${quote(raw)}`, raw.trim(), shape);
    if (!Array.isArray(expanded)) return { value: [], correction: expanded };
    raw = expanded;
  }
  if (Array.isArray(raw)) {
    groups = [];
    for (let i = 0; i < raw.length; i += shape.size) groups.push(raw.slice(i, i + shape.size));
  } else {
    groups = String(raw).split(';').filter((g) => g.trim() !== '').map((g) => g.split(','));
  }
  const out: number[] = [];
  let dropped = 0, clamped = 0, rounded = 0;
  for (const g of groups) {
    const nums = g.map((s) => (typeof s === 'number' ? s : typeof s === 'string' && DECIMAL.test(s.trim()) ? Number(s.trim()) : NaN));
    if (nums.length !== shape.size || !nums.every(Number.isFinite)) { dropped++; continue; }
    if (out.length / shape.size >= max) continue;
    for (const v of nums) {
      const c = Math.min(PAIR_COORD_LIMIT, Math.max(-PAIR_COORD_LIMIT, v));
      if (c !== v) clamped++;
      const q = snapToPairGrid(c);
      if (q !== c && c === v) rounded++;
      out.push(q);
    }
  }
  const valid = groups.length - dropped;
  if (dropped > 0) notes.push(message(`${shape.messages}.dropped`, { count: dropped }));
  if (valid > max) notes.push(message(`${shape.messages}.tooMany`, { valid, max }));
  if (clamped > 0) notes.push(message('link.clamped', { count: clamped, limit: PAIR_COORD_LIMIT }));
  // the grid as the link's number (1/2048), not grouped like a count
  if (rounded > 0) notes.push(message('link.rounded', { count: rounded, grid: String(PAIR_GRID) }));
  return { value: out, correction: notes.length ? message('link.settingNotes', { key, notes: joinNotes(notes) }) : null };
}

/**
 * The valid value of field `key` nearest to `raw` (a link's text, a slider's number, a JSON value),
 * with the change in plain words. Never throws.
 */
export function clampField<K extends ConfigKey>(key: K, raw: unknown): FieldResult<K> {
  const field = RUN_CONFIG_FIELDS[key] as Field;
  let r: { value: AnyValue; correction: Message | null };
  switch (field.type) {
    case 'number':
    case 'int': r = clampNumber(key, field, raw); break;
    case 'enum': r = parseEnum(key, field.values, field.default, raw); break;
    case 'bool': r = parseBool(key, field.default, raw); break;
    case 'pairs': r = parseGroups(key, PAIR_SHAPE, field.maxPairs, raw); break;
    case 'points': r = parseGroups(key, POINT_SHAPE, field.maxPoints, raw); break;
    default: {
      const never: never = field;
      throw new Error(`invalid field type: ${JSON.stringify(never)}`);
    }
  }
  return r as FieldResult<K>;
}

/** The text of one value in a link (inverse of clampField for valid values). */
export function formatField<K extends ConfigKey>(key: K, value: RunConfig[K]): string {
  const field = RUN_CONFIG_FIELDS[key] as Field;
  if (field.type === 'pairs' || field.type === 'points') {
    const v = value as number[], size = field.type === 'pairs' ? 4 : 2;
    return v.length === 0 ? '' : compactCoords(v.slice(0, v.length - (v.length % size)).map(snapToPairGrid));
  }
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** True when `value` is the field's default (exactly: −0 differs from 0). */
export function isDefault<K extends ConfigKey>(key: K, value: RunConfig[K]): boolean {
  const d = RUN_CONFIG_FIELDS[key].default as AnyValue;
  if (Array.isArray(d) && Array.isArray(value)) return d.length === value.length && d.every((x, i) => Object.is(x, value[i]));
  return Object.is(d, value);
}

/**
 * Percent-decoding that never throws: malformed escapes are kept as written. `+` stays `+` (not a
 * blank as in HTML forms): no setting holds blanks, and `1e+3` is a number people write.
 */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9a-f]{2})+/gi, (run) => {
      try { return decodeURIComponent(run); } catch { return run; }
    });
  }
}

/**
 * The settings part of a link: after the first `?` or `#` of a full URL or a path (`/flowvar/?…`);
 * anything else is a query as it is, its `?` and `#` being separators like `&`
 * (`pairs=16#pairs=32` reads as the page reads `?pairs=16#pairs=32`).
 */
function queryPart(input: string): string {
  if (!/^([a-z][a-z0-9+.-]*:\/\/|\/)/i.test(input)) return input;
  const cut = input.search(/[?#]/);
  return cut >= 0 ? input.slice(cut + 1) : ''; // a URL without settings
}

/** One `key=value` of a link, percent-decoded (`value` null for a bare `key`); `part` is the text as written. */
export interface LinkParam {
  key: string;
  value: string | null;
  part: string;
}

/**
 * The settings of a link, in order: a bare query, `?…`, `#…`, a full URL, or a page's
 * `location.search + location.hash`. Settings after `#` count like those after `?` (a later one
 * wins). The page and the CLI both read links through this one tokenizer (docs/classroom.md#links).
 */
export function linkParams(input: string): LinkParam[] {
  // as a browser's URL parser does before the page sees the link: tabs and newlines removed,
  // trailing blanks and control characters trimmed
  const cleaned = typeof input === 'string' ? input.replace(/[\t\n\r]/g, '').replace(/[\u0000-\u0020]+$/, '') : '';
  const text = queryPart(cleaned);
  const out: LinkParam[] = [];
  for (const part of text.split(/[&?#]/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    out.push({ key: safeDecode(eq >= 0 ? part.slice(0, eq) : part), value: eq >= 0 ? safeDecode(part.slice(eq + 1)) : null, part });
  }
  return out;
}

/** Reports a key given more than once (once per key; the last value wins). */
export function duplicateCounter(): (key: string) => Message | null {
  const seen = new Set<string>();
  const reported = new Set<string>();
  return (key) => {
    if (!seen.has(key)) { seen.add(key); return null; }
    if (reported.has(key)) return null;
    reported.add(key);
    return message('link.duplicate', { key });
  };
}

/** RunConfig from the settings of a link (view keys are skipped: src/link/viewParams.ts reads them). */
export function decodeConfigParams(params: readonly LinkParam[]): { config: RunConfig; corrections: Message[] } {
  const config = defaultConfig();
  const corrections: Message[] = [];
  const duplicate = duplicateCounter();
  for (const { key, value, part } of params) {
    if (key === '') { corrections.push(message('link.unnamed', { part: quote(part) })); continue; }
    if (isViewKey(key)) continue;
    if (key === 'v') {
      if (value !== String(URL_VERSION)) corrections.push(message('link.version', { value: quote(value ?? ''), version: URL_VERSION }));
      continue;
    }
    if (!isConfigKey(key)) { corrections.push(message('link.unknown', { key: quote(key) })); continue; }
    const again = duplicate(key);
    if (again) corrections.push(again);
    const field = RUN_CONFIG_FIELDS[key] as Field;
    if (value === null && field.type !== 'bool') {
      (config as Record<ConfigKey, AnyValue>)[key] = defaultConfig()[key];
      const text = formatField(key, config[key]);
      corrections.push(text ? message('link.noValue', { key, value: text }) : message('link.noValueNone', { key }));
      continue;
    }
    const r = clampField(key, value ?? '');
    (config as Record<ConfigKey, AnyValue>)[key] = r.value;
    if (r.correction) corrections.push(r.correction);
  }
  return { config, corrections: [...corrections, ...configNotes(config)] };
}

/** What a valid config trains on that its settings do not say (so a link never changes silently). */
export function configNotes(config: RunConfig): Message[] {
  const notes: Message[] = [];
  if (config.coupling === 'user' && config.userPairs.length === 0) notes.push(message('link.userWithoutPairs', { pairs: config.pairs }));
  for (const [side, key] of [['source', 'sourcePoints'], ['target', 'targetPoints']] as const) {
    if (config[side] === 'points' && config[key].length === 0) notes.push(message('link.pointsWithoutPoints', { side, key }));
  }
  return notes;
}

/** Compact query string (no `?`): `v=1&seed=…` and every field that differs from its default. */
export function encodeConfig(config: RunConfig): string {
  const parts = [`v=${URL_VERSION}`, `seed=${formatField('seed', config.seed)}`];
  for (const key of CONFIG_KEYS) {
    if (key === 'seed' || isDefault(key, config[key])) continue;
    parts.push(`${key}=${encodeURIComponent(formatField(key, config[key])).replace(/%2C/g, ',').replace(/%3B/g, ';')}`);
  }
  return parts.join('&');
}

/**
 * A RunConfig from any object (a stored JSON, a preset, a worker message): unknown keys are
 * reported, missing ones take their default, values are clamped. Never throws.
 */
export function sanitizeConfig(input: unknown): { config: RunConfig; corrections: Message[] } {
  const config = defaultConfig();
  const corrections: Message[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { config, corrections: [message('link.notAnObject')] };
  }
  for (const [key, raw] of Object.entries(input)) {
    if (!isConfigKey(key)) {
      if (!isViewKey(key)) corrections.push(message('link.unknown', { key: quote(key) }));
      continue;
    }
    const r = clampField(key, raw);
    (config as Record<ConfigKey, AnyValue>)[key] = r.value;
    if (r.correction) corrections.push(r.correction);
  }
  return { config, corrections };
}
