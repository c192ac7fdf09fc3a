// A message (src/i18n/message.ts) in the page's language: its key in the `messages` catalogue,
// its numbers through src/format/format.ts (docs/i18n.md#numbers), its nested messages translated too.
import { catalogueKey, renderValues, type Message } from './message';
import { formatCount, formatFixed, formatMetric, formatNumber } from '../format/format';
import { useTranslation } from 'react-i18next';
import { i18n, t } from './i18n';

const pluralRules = new Map<string, Intl.PluralRules>();

/** A number inside a message: whole numbers (steps, counts, limits) grouped, others to six significant digits. */
function messageNumber(x: number): string {
  return Number.isInteger(x) ? formatCount(x) : formatNumber(x, { maximumSignificantDigits: 6 });
}

export function translateMessage(m: Message): string {
  const lang = i18n.language;
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return t(`messages:${catalogueKey(m, rules)}`, renderValues(m.values, { message: translateMessage, number: messageNumber, fixed: formatFixed, grouped: formatCount, significant: formatMetric }));
}

/** translateMessage for a component: it renders again when the language changes. */
export function useTranslateMessage(): (m: Message) => string {
  useTranslation('messages');
  return translateMessage;
}
