// Numbers and settings as people read them, for change markers, readouts and notices.
import { formatSigma } from './sigmaScale';

/** A config value as a short label: "0.3", "2e-4", "16 pairs", "rk4". */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') {
    if (value === 0 || !Number.isFinite(value)) return String(value);
    const abs = Math.abs(value);
    return abs < 1e-3 || abs >= 1e5 ? value.toExponential(2).replace(/\.?0+e/, 'e') : String(Number(value.toPrecision(3)));
  }
  if (Array.isArray(value)) return `${Math.floor(value.length / 4)} pairs`;
  return String(value);
}

/** A setting's value as its control shows it (σ as on the slider). */
export function formatSetting(key: string, value: unknown): string {
  return key === 'sigma' && typeof value === 'number' ? formatSigma(value) : formatValue(value);
}

/** A metric with a fixed number of significant digits; "—" when missing or not finite. */
export function formatMetric(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(digits - 1);
  return String(Number(value.toPrecision(digits)));
}

/** A rate in [0, 1] as a percentage. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(100 * value).toFixed(value < 0.1 ? 1 : 0)} %`;
}
