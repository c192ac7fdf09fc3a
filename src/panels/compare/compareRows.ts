// The compare readouts as rows: each figure of run A and run B and the difference B − A (docs/design.md#what-is-measured
// figures, plus the last step's loss and the gradient-variance EMA). Pure, for the table and tests.
import type { EvalMetrics } from '../../engine/trainer';
import type { CurveBuffer } from '../../state/curves';
import { t } from '../../i18n/i18n';
import { METRIC_LIST, metricLabel } from '../metricList';

export interface CompareRow {
  id: string;
  label: string;
  a: number | null;
  b: number | null;
  /** b − a, null unless both are finite */
  diff: number | null;
  /** shown as a percentage */
  percent?: boolean;
}

/** The latest value of a curve column, or null before the first step. */
export function lastOf(curves: CurveBuffer | undefined, column: 'lossEma' | 'gradVarEma'): number | null {
  if (!curves || curves.length === 0) return null;
  return curves.columns[column][curves.length - 1];
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function row(id: string, label: string, a: number | null, b: number | null, percent?: boolean): CompareRow {
  return { id, label, a, b, diff: a !== null && b !== null ? b - a : null, percent };
}

/** Rows for runs A and B: gradient variance and loss (EMA of the latest steps), then the evaluation's figures. */
export function compareRows(curves: readonly (CurveBuffer | undefined)[], metrics: readonly (EvalMetrics | null | undefined)[]): CompareRow[] {
  const out = [
    row('gradVar', t('panels:compare.rows.gradVar'), finite(lastOf(curves[0], 'gradVarEma')), finite(lastOf(curves[1], 'gradVarEma'))),
    row('loss', t('panels:compare.rows.loss'), finite(lastOf(curves[0], 'lossEma')), finite(lastOf(curves[1], 'lossEma'))),
  ];
  for (const m of METRIC_LIST.filter((info) => !info.matrix)) out.push(row(m.id, metricLabel(m.id), finite(metrics[0]?.[m.id]), finite(metrics[1]?.[m.id]), m.percent));
  return out;
}
