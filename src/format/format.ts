// Numbers and settings as people read them, for change markers, readouts, axes and notices. Every
// number the page prints goes through Intl.NumberFormat in the reader's locale (docs/i18n.md#numbers):
// a decimal comma in German and Spanish, "95 %" with a space where the locale puts one. The CLI and
// the link never call these (their numbers are an interface: plain JavaScript numbers).

let locale = 'en';
const formats = new Map<string, Intl.NumberFormat>();

/** The locale of every number the page formats (src/i18n/i18n.ts sets it with the language). */
export function setNumberLocale(tag: string): void {
  if (tag === locale) return;
  locale = tag;
  formats.clear();
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/**
 * A number in the reader's locale. Scientific notation is written with a small "e" (4.47e-3;
 * 4,47e-3 in German) rather than Intl's "E", as papers and the CLI write it.
 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  if (Number.isNaN(value)) return '—';
  const parts = numberFormat(options).formatToParts(value);
  return parts.map((p) => (p.type === 'exponentSeparator' ? 'e' : p.value)).join('');
}

/** `digits` significant digits, scientific below 1e-3 and from 1e5 on (0.00447, 12 300, 4.47e-4). */
function significant(value: number, digits: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && Number.isFinite(value) && (abs < 1e-3 || abs >= 1e5)) {
    return formatNumber(value, { notation: 'scientific', maximumFractionDigits: digits - 1 });
  }
  return formatNumber(value, { maximumSignificantDigits: digits });
}

/** A config value as a short label: "0.3", "2e-4", "rk4"; drawn pairs as their count. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return significant(value, 3);
  if (Array.isArray(value)) return formatCount(Math.floor(value.length / 4));
  return String(value);
}

/** σ as people read it: "0", "0.05", "2e−4" (a true minus: the slider's label). */
export function formatSigma(sigma: number): string {
  if (sigma === 0) return formatNumber(0);
  if (sigma < 0.01) return formatNumber(sigma, { notation: 'scientific', maximumFractionDigits: 0 }).replace('e-', 'e−');
  return formatNumber(sigma, { maximumSignificantDigits: 3 });
}

/** A setting's value as its control shows it (σ as on the slider). */
export function formatSetting(key: string, value: unknown): string {
  return key === 'sigma' && typeof value === 'number' ? formatSigma(value) : formatValue(value);
}

/** A metric with a fixed number of significant digits; "—" when missing or not finite. */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return significant(value, digits);
}

/** A rate in [0, 1] as a percentage in the locale's style: "95%" (en), "95 %" (de), one decimal below 10 %. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const decimals = value < 0.1 ? 1 : 0;
  return formatNumber(value, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A whole count (steps, points): "12,300" (en), "12.300" (de). */
export function formatCount(value: number): string {
  return formatNumber(Math.round(value), { maximumFractionDigits: 0 });
}

/** A number with exactly `decimals` decimals (fps, seconds, coordinates). */
export function formatFixed(value: number, decimals: number): string {
  return formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** An axis tick: as many decimals as the tick spacing `step` needs (0.5 → 1, 0.25 → 2, 10 → 0). */
export function formatTick(value: number, step: number): string {
  const decimals = step > 0 && Number.isFinite(step) ? Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  // 0.25 needs 2 decimals though its decade is 0.1
  const exact = Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-9 ? decimals + 1 : decimals;
  return formatFixed(value, exact);
}

/** A power of ten for a log axis: 0.01, 0.1, 1, 10, 100 as numbers, further out as 1e-3, 1e3; other ticks unlabelled. */
export function formatDecade(value: number): string {
  const e = Math.round(Math.log10(value));
  if (!(value > 0) || Math.abs(Math.log10(value) - e) > 1e-6) return '';
  return e >= -2 && e <= 2 ? formatNumber(10 ** e, { maximumSignificantDigits: 1 }) : formatNumber(10 ** e, { notation: 'scientific', maximumFractionDigits: 0 });
}
