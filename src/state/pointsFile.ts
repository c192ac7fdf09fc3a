// A file (or pasted text) of 2-D points read into a point set for `source=points` /
// `target=points` (docs/classroom.md#your-own-points): CSV or JSON, a header row or none, comma, semicolon,
// tab or blank separated. Pure: never throws; bad input is refused with the line and the reason,
// and nothing in the store changes until the caller uses the points.
import { MAX_POINTS } from '../engine/runConfig';
import { PAIR_COORD_LIMIT, snapToPairGrid } from '../link/url';
import { message, type Message, type MessageKey, type MessageValue } from '../i18n/message';

/** Largest file read (a million short rows is ~10 MB: refused before it is read into the page). */
export const MAX_POINTS_FILE_BYTES = 4 * 1024 * 1024;
/** Most data rows read; more are refused (parsing them would stall the page for seconds). */
export const MAX_POINT_ROWS = 100_000;
/** Half-width a file's points are scaled into when they overflow the plane (±PAIR_COORD_LIMIT). */
export const FIT_HALF_WIDTH = 4;

export type PointsRead =
  | { ok: true; points: number[]; notes: Message[] }
  | { ok: false; reason: Message };

const refuse = (key: MessageKey, values?: Record<string, MessageValue>): PointsRead => ({ ok: false, reason: message(key, values) });
/** A count as the message writes it: "100,000" in English, the reader's grouping on the page. */
const count = (n: number) => ({ grouped: n });

/** The reason a file of `bytes` is refused before reading it, or null. */
export function pointsFileTooLarge(bytes: number): Message | null {
  if (bytes <= MAX_POINTS_FILE_BYTES) return null;
  const mb = (b: number) => ({ fixed: b / 1024 / 1024, decimals: 1 });
  return message('points.tooLarge', { size: mb(bytes), max: mb(MAX_POINTS_FILE_BYTES), rows: count(MAX_POINT_ROWS) });
}

/** A decimal number as people write it (no hex, no "Infinity"; a decimal comma when `comma`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d*,\d+(e[+-]?\d+)?$/i;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

type Separator = '\t' | ';' | ',' | ' ';
const SEPARATORS: readonly Separator[] = ['\t', ';', ',', ' '];
const SEPARATOR_NAMES: Record<Separator, Message> = {
  '\t': message('points.separators.tabs'), ';': message('points.separators.semicolons'), ',': message('points.separators.commas'), ' ': message('points.separators.blanks'),
};

function split(line: string, sep: Separator): string[] {
  const parts = sep === ' ' ? line.trim().split(/\s+/) : line.split(sep);
  return parts.map((p) => p.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1').trim());
}

/** The number a field holds, 'comma' for a decimal comma (then `value` is read with a point), or null. */
function readNumber(field: string, sep: Separator): { value: number; comma: boolean } | null {
  if (DECIMAL.test(field)) return { value: Number(field), comma: false };
  if (sep !== ',' && DECIMAL_COMMA.test(field)) return { value: Number(field.replace(',', '.')), comma: true };
  return null;
}

const allNumbers = (fields: string[], sep: Separator) => fields.length >= 2 && fields.every((f) => readNumber(f, sep) !== null);

/** The separator of a line: the first of tab, ;, comma, blank that cuts it into two or more numbers. */
function detectSeparator(line: string): Separator | null {
  return SEPARATORS.find((sep) => allNumbers(split(line, sep), sep)) ?? null;
}

/** A separator other than `sep` that a data line uses (a file mixing them is refused). */
function foreignSeparator(line: string, sep: Separator, width: number): Separator | null {
  for (const other of ['\t', ';'] as const) if (other !== sep && line.includes(other)) return other;
  if (split(line, sep).length === width) return null;
  return SEPARATORS.find((other) => other !== sep && split(line, other).length === width && allNumbers(split(line, other), other)) ?? null;
}

const shown = (text: string) => JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);
const values = (n: number) => message('points.values', { count: count(n) });
/** A JSON value named in a message: `the text "2"`, `null`, `a missing value`, `[1,2,3]`. */
function jsonValue(v: unknown): MessageValue {
  if (v === undefined) return message('points.missingValue');
  if (typeof v === 'string') return message('points.theText', { text: shown(v) });
  const text = JSON.stringify(v);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/** Reads a points file's text (CSV/TSV/blank separated, or JSON). */
export function readPointsText(input: string): PointsRead {
  if (typeof input !== 'string') return refuse('points.notText');
  const tooLarge = pointsFileTooLarge(input.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  const text = input.replace(/^\uFEFF/, ''); // Excel's UTF-8 byte order mark
  if (text.includes('\u0000')) return refuse('points.nulBytes');
  if (text.trim() === '') return refuse('points.empty');
  const read = /^\s*[[{]/.test(text) ? readJson(text) : readTable(text);
  return read.ok ? finish(read.points, read.notes) : read;
}

/** CSV and its relatives: one point per line. */
function readTable(text: string): PointsRead {
  const lines = text.split(/\r\n|\r|\n/);
  const content = lines.map((l, i) => ({ line: i + 1, text: l })).filter((l) => l.text.trim() !== '' && !/^\s*(#|\/\/)/.test(l.text));
  if (content.length === 0) return refuse('points.onlyComments');
  const first = content[0];
  let sep = detectSeparator(first.text);
  let header: string[] | null = null;
  let body = content;
  if (sep === null) {
    // a header row names the columns; the separator is the one that reads the next line as numbers
    const second = content[1];
    sep = second ? detectSeparator(second.text) : null;
    if (sep === null) {
      const line = second && SEPARATORS.some((s) => split(first.text, s).length >= 2) ? second : first;
      return refuse('points.notTwoNumbers', { line: line.line, text: shown(line.text.trim()) });
    }
    header = split(first.text, sep);
    const numberInHeader = header.some((f) => readNumber(f, sep!) !== null);
    if (numberInHeader) return refuse('points.notANumber', { line: first.line, text: shown(header.find((f) => readNumber(f, sep!) === null) ?? first.text) });
    body = content.slice(1);
  }
  const width = split(body[0].text, sep).length;
  let xCol = 0, yCol = 1;
  const notes: Message[] = [];
  if (header) {
    const named = (name: string) => header!.findIndex((h) => h.toLowerCase() === name);
    if (named('x') >= 0 && named('y') >= 0) { xCol = named('x'); yCol = named('y'); }
    if (header.length !== width) {
      return refuse('points.headerWidth', { line: first.line, columns: message('points.columns', { count: count(header.length) }), row: body[0].line, values: values(width) });
    }
    if (width > 2) notes.push(message('points.usingColumns', { x: header[xCol], y: header[yCol], width }));
  } else if (width > 2) {
    return refuse(sep === ',' ? 'points.tooWideCommas' : 'points.tooWide', { line: first.line, width, separator: SEPARATOR_NAMES[sep] });
  }
  if (body.length > MAX_POINT_ROWS) return refuse('points.tooManyRows', { rows: count(body.length), max: count(MAX_POINT_ROWS), points: MAX_POINTS });
  const points: number[] = [];
  let commas = 0;
  for (const { line, text: row } of body) {
    const foreign = foreignSeparator(row, sep, width);
    if (foreign) return refuse('points.mixed', { line, foreign: SEPARATOR_NAMES[foreign], separator: SEPARATOR_NAMES[sep] });
    const fields = split(row, sep);
    if (fields.length !== width) return refuse('points.rowWidth', { line, values: values(fields.length), first: body[0].line, width });
    for (const col of [xCol, yCol]) {
      const f = fields[col];
      if (f === '') return refuse('points.emptyColumn', { line, column: col + 1 });
      if (NON_FINITE.test(f)) return refuse('points.notFinite', { line, text: shown(f) });
      const n = readNumber(f, sep);
      if (n === null) return refuse('points.notANumber', { line, text: shown(f) });
      if (!Number.isFinite(n.value)) return refuse('points.tooLargeNumber', { line, text: shown(f) });
      if (n.comma) commas++;
      points.push(n.value);
    }
  }
  if (commas > 0) notes.push(message('points.decimalCommas', { values: values(commas) }));
  return { ok: true, points, notes };
}

/** JSON: [[x, y], …], [{"x": …, "y": …}, …], or {"points": either}. */
function readJson(text: string): PointsRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return refuse('points.notJson', { detail: (e as Error).message });
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'points' in data) data = (data as { points: unknown }).points;
  if (!Array.isArray(data)) return refuse('points.jsonShape');
  if (data.length > MAX_POINT_ROWS) return refuse('points.jsonTooMany', { points: count(data.length), max: count(MAX_POINT_ROWS) });
  const points: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const item = data[i] as unknown;
    const pair = Array.isArray(item) ? item : item !== null && typeof item === 'object' ? [(item as { x?: unknown }).x, (item as { y?: unknown }).y] : null;
    if (!pair || pair.length !== 2) return refuse('points.jsonItem', { index: i + 1, value: jsonValue(item) });
    for (const v of pair) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return refuse('points.jsonNotFinite', { index: i + 1, value: jsonValue(v) });
      points.push(v);
    }
  }
  return { ok: true, points, notes: [] };
}

/** At least 2 points; thinned to MAX_POINTS; fitted into the plane when they overflow it; snapped to the link's grid. */
function finish(all: number[], notes: Message[]): PointsRead {
  const n = all.length / 2;
  if (n < 2) return refuse('points.tooFew', { count: count(n) });
  let points = all;
  if (n > MAX_POINTS) {
    // evenly spaced rows in file order: a file sorted by class or by x keeps its proportions
    points = [];
    for (let i = 0; i < MAX_POINTS; i++) { const k = Math.floor((i * n) / MAX_POINTS); points.push(all[2 * k], all[2 * k + 1]); }
    notes.push(message('points.thinned', { points: count(n), max: MAX_POINTS }));
  }
  const reach = points.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (reach > PAIR_COORD_LIMIT) {
    const mean = [0, 1].map((c) => points.filter((_, i) => i % 2 === c).reduce((a, b) => a + b, 0) / (points.length / 2));
    const spread = points.reduce((m, v, i) => Math.max(m, Math.abs(v - mean[i % 2])), 0);
    const scale = spread > 0 ? FIT_HALF_WIDTH / spread : 1;
    points = points.map((v, i) => (v - mean[i % 2]) * scale);
    notes.push(message('points.fitted', { reach: coord(reach), limit: PAIR_COORD_LIMIT, scale: coord(scale), fit: FIT_HALF_WIDTH }));
  }
  return { ok: true, points: points.map(snapToPairGrid), notes };
}

const coord = (v: number) => ({ significant: v, digits: 3 });
