// A message the page shows and the CLI prints (banners, notices, corrections of links and files):
// a key of the `messages` catalogue with its values, made where the text used to be written
// (docs/i18n.md#messages). The page translates it when it renders (src/i18n/translateMessage.ts),
// so a language switch re-renders it; the CLI and the tests read english(), from the same English
// catalogue, with plain JavaScript numbers. No i18next here: src/link (bundled by the CLI) uses this.
import englishCatalogue from './locales/en/messages.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Base<S extends string> = S extends `${infer B}_one` ? B : S extends `${infer B}_other` ? B : S;

/** A key of src/i18n/locales/en/messages.json (plural forms by their base): a typo fails tsc. */
export type MessageKey = Base<Leaves<typeof englishCatalogue>>;

/**
 * A number with its English form fixed, where plain JavaScript text is not what the CLI printed:
 * `decimals` decimals (a size in MB: "5.0"), thousands grouped ("100,000"), or `digits` significant digits.
 */
export type ShapedNumber = { fixed: number; decimals: number } | { grouped: number } | { significant: number; digits: number };

/** A value: text as it is (a link's excerpt, an engine's error), a number, a shaped number, or a message inside the message. */
export type MessageValue = string | number | ShapedNumber | Message;
export type MessageValues = Readonly<Record<string, MessageValue>>;

export interface Message {
  key: MessageKey;
  /** numbers stay numbers: the page formats them in its locale, the CLI prints them as JavaScript does. `count` picks the plural form */
  values?: MessageValues;
}

export function message(key: MessageKey, values?: MessageValues): Message {
  return values ? { key, values } : { key };
}

/** Several notes as one message: "a; b; c" (at least one note). */
export function joinNotes(notes: readonly Message[]): Message {
  return notes.slice(0, -1).reduceRight((rest, first) => message('joined', { first, rest }), notes[notes.length - 1]);
}

/** The catalogue key of `m` in `lang`: a plural message's form for its `count` (CLDR categories, docs/i18n.md#catalogues). */
export function catalogueKey(m: Message, pluralRules: Intl.PluralRules): string {
  const count = m.values?.count;
  const n = typeof count === 'number' ? count : typeof count === 'object' && 'grouped' in count ? count.grouped : null;
  return n === null ? m.key : `${m.key}_${pluralRules.select(n)}`;
}

/** How a renderer writes each kind of value. */
export interface ValueWriters {
  message: (m: Message) => string;
  number: (x: number) => string;
  fixed: (x: number, decimals: number) => string;
  grouped: (x: number) => string;
  significant: (x: number, digits: number) => string;
}

function writeValue(v: MessageValue, write: ValueWriters): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return write.number(v);
  if ('fixed' in v) return write.fixed(v.fixed, v.decimals);
  if ('grouped' in v) return write.grouped(v.grouped);
  if ('significant' in v) return write.significant(v.significant, v.digits);
  return write.message(v);
}

/** Each value as text. */
export function renderValues(values: MessageValues = {}, write: ValueWriters): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, writeValue(v, write)]));
}

const ENGLISH_PLURALS = new Intl.PluralRules('en');

const ENGLISH_WRITERS: ValueWriters = {
  message: english, number: String, fixed: (x, d) => x.toFixed(d), grouped: (x) => x.toLocaleString('en-US'),
  significant: (x, digits) => Number(x.toPrecision(digits)).toString(),
};

/** A message in English, as the CLI prints it and the tests read it. */
export function english(m: Message): string {
  let node: unknown = englishCatalogue;
  for (const part of catalogueKey(m, ENGLISH_PLURALS).split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no English text for messages:${m.key}`);
  const values = renderValues(m.values, ENGLISH_WRITERS);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
