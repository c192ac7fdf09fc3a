// Output of `flowvar run`: one row per evaluation, as an aligned table or as JSON Lines. The key
// names are a public interface (docs/cli.md): add keys at the end, never rename.
import type { EvalMetrics, StepRecord } from '../engine/trainer';

/** The keys of every row, in column order. */
export const ROW_KEYS = [
  'step', 'loss', 'gradVar', 'reproduction', 'chance', 'partnerDistance', 'slicedW2', 'gaussianW2',
  'straightness', 'transportCost', 'otCost', 'stepsPerSec',
] as const;

export type RowKey = (typeof ROW_KEYS)[number];
/** One evaluation; null where a figure does not exist (no step taken yet, non-Gaussian target). */
export type MetricRow = Record<RowKey, number | null>;

/**
 * The row of an evaluation: `record` is the last training step (its batch loss and gradient
 * variance trace), `stepsPerSec` the training throughput since the previous row (evaluation excluded).
 */
export function metricRow(metrics: EvalMetrics, record: StepRecord | null, stepsPerSec: number | null): MetricRow {
  return {
    step: metrics.step,
    loss: record ? record.loss : null,
    gradVar: record ? record.gradVar : null,
    reproduction: metrics.reproduction,
    chance: metrics.chance,
    partnerDistance: metrics.partnerDistance,
    slicedW2: metrics.slicedW2,
    gaussianW2: metrics.gaussianW2,
    straightness: metrics.straightness,
    transportCost: metrics.transportCost,
    otCost: metrics.otCost,
    stepsPerSec,
  };
}

/** One JSON object per line, keys in ROW_KEYS order; NaN and ±Infinity become null (JSON has none). */
export function jsonLine(row: MetricRow): string {
  return JSON.stringify(row, ROW_KEYS as unknown as string[]);
}

const COLUMN_WIDTH = 11;

function cell(key: RowKey, v: number | null): string {
  if (v === null) return '-';
  if (key === 'step') return String(v);
  if (key === 'stepsPerSec') return v.toFixed(1);
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : v.toPrecision(4);
}

const pad = (text: string, key: RowKey) => text.padStart(Math.max(COLUMN_WIDTH, key.length + 1));

/** Header line of the table; rows are printed as they come, so widths are fixed. */
export function tableHeader(): string {
  return ROW_KEYS.map((k) => pad(k, k)).join('');
}

export function tableRow(row: MetricRow): string {
  return ROW_KEYS.map((k) => pad(cell(k, row[k]), k)).join('');
}

/** Compare rows (`run` with a `compare=` link): every ROW_KEYS key, then `run`, the run's label (e.g. "sigma=0.05"). */
export const COMPARE_ROW_KEYS = [...ROW_KEYS, 'run'] as const;
export type CompareRow = MetricRow & { run: string };

export function compareJsonLine(row: CompareRow): string {
  return JSON.stringify(row, COMPARE_ROW_KEYS as unknown as string[]);
}

export function compareTableHeader(): string {
  return `${tableHeader()}  run`;
}

export function compareTableRow(row: CompareRow): string {
  return `${tableRow(row)}  ${row.run}`;
}
