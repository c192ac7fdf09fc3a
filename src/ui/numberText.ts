// The settings' number boxes in the reader's locale (docs/i18n.md#numbers): the exact value written
// as the locale writes it, ungrouped so that it reads back, and what the reader types turned back
// into the plain number the link codec reads (a decimal comma becomes a point).
import { formatNumber } from '../format/format';

/** The exact value: seeds and step counts stay whole (2147483647, not 2.15e9), fractions keep 6 digits (0,002 in German). */
export function numberBoxText(value: number): string {
  return formatNumber(Number(value.toPrecision(Number.isInteger(value) ? 21 : 6)), { useGrouping: false, maximumFractionDigits: 20 });
}

/** What the reader typed, for the codec: "0,002" → "0.002" where the locale's decimal mark is a comma. */
export function numberBoxInput(text: string): string {
  return formatNumber(1.5).includes(',') ? text.trim().replace(',', '.') : text.trim();
}
