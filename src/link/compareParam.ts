// The link's compare setting: `compare=<key>` or `compare=<key>:<value>` (a view key of
// src/link/url.ts VIEW_KEYS), e.g. `compare=sigma:0.05`, `compare=width:64`. The value goes
// through the config codec's clampField, so run B's setting obeys the field's range; parsing
// never throws: a bad key turns compare off, a bad value takes the key's default, and both are
// reported like every other correction.
import { COMPARE_DEFAULTS, COMPARE_KEYS, type CompareKey, type CompareSetting } from '../engine/compare';
import { clampField, formatField } from './url';
import { message, type Message } from '../i18n/message';

/** Name of the view key. */
export const COMPARE_PARAM = 'compare';

const isCompareKey = (k: string): k is CompareKey => (COMPARE_KEYS as readonly string[]).includes(k);

/** The setting named by the key's text, or null (off) with a correction when it names none. */
export function parseCompare(text: string): { setting: CompareSetting | null; correction: Message | null } {
  const raw = String(text).trim();
  const colon = raw.indexOf(':');
  const key = colon >= 0 ? raw.slice(0, colon) : raw;
  if (raw === '' || raw === 'off') return { setting: null, correction: null };
  if (!isCompareKey(key)) {
    return { setting: null, correction: message('link.compare.unknown', { value: raw.slice(0, 40), keys: COMPARE_KEYS.join(', ') }) };
  }
  if (colon < 0) return { setting: { key, value: COMPARE_DEFAULTS[key] }, correction: null };
  const r = clampField(key, raw.slice(colon + 1));
  return { setting: { key, value: r.value }, correction: r.correction ? message('link.compare.value', { correction: r.correction }) : null };
}

/** The key's text for a setting (inverse of parseCompare). */
export function formatCompare(setting: CompareSetting): string {
  return `${setting.key}:${formatField(setting.key, setting.value)}`;
}
